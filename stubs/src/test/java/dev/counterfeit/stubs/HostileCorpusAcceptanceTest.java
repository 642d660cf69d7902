package dev.counterfeit.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Parameter;
import dev.counterfeit.openapi.model.SchemaNodes;
import dev.counterfeit.stubs.testsupport.RawHttp;
import dev.counterfeit.stubs.testsupport.SharedFake;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hostile-input corpus generated from the specs: every operation of every vendor gets malformed JSON, wrong
 * types at every field, strings over every limit, deep nesting, invalid UTF-8 and NUL bytes, odd content
 * types, absurd query values, odd ids, odd and oversized headers, broken HTTP framing and unknown methods.
 *
 * <p>Every answer must come within the time-out, never be a 5xx, a foreign page or a stack trace. Input that
 * is plainly wrong must be refused with a 4xx in the vendor's envelope; input that is odd but legal (an
 * unknown key, a long {@code Accept-Language}) may be served. A refused request must leave the store as it
 * was: the state is compared after every refused write, and after each batch of reads.
 */
class HostileCorpusAcceptanceTest {
  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> VENDORS = List.of("finsync", "flowtly", "fintoro", "apidev");
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final int MINIMUM_CORPUS = 1000;
  private static final Pattern LEAK = Pattern.compile("(?i)exception|java\\.|jetty|wiremock|\\tat |com\\.github|<html");
  private static final AtomicInteger SENT = new AtomicInteger();
  /** 20 MB of zeros in about 20 KB. */
  private static final byte[] GZIP_BOMB = gzip(new byte[20_000_000]);

  /** Whether a case must be refused, or may be served as long as nothing breaks. */
  enum Expect { REFUSED, TOLERATED }

  /**
   * @param lineUnreadable the request line itself is broken, so no path names a vendor and the answer is the
   *     plain {@code {"error", "status"}}
   */
  record Case(String name, Expect expect, String method, String target, Map<String, String> headers, byte[] body,
      boolean halfClose, boolean lineUnreadable) {
    Case(String name, Expect expect, String method, String target, Map<String, String> headers, byte[] body,
        boolean halfClose) {
      this(name, expect, method, target, headers, body, halfClose, false);
    }
  }

  private JsonNode seed;
  private String apidevToken;

  @AfterAll
  static void theCorpusWasLargeEnough() {
    System.out.println("hostile corpus: " + SENT.get() + " requests");
    assertThat(SENT.get()).as("requests in the corpus").isGreaterThanOrEqualTo(MINIMUM_CORPUS);
  }

  @TestFactory
  Stream<DynamicContainer> everyOperationOfEveryVendorWithstandsTheCorpus() {
    seed = state();
    return VENDORS.stream().map(vendor -> {
      ApiModel model = ApiModel.compile(ApiSpec.load(vendor));
      return dynamicContainer(vendor, model.operations().stream()
          .map(op -> dynamicTest(op.toString(), () -> run(vendor, model.spec(), op))));
    });
  }

  private void run(String vendor, ApiSpec spec, Operation op) throws IOException {
    List<Case> cases = cases(vendor, spec, op);
    List<String> failures = new ArrayList<>();
    JsonNode before = state();
    for (Case c : cases) {
      RawHttp.Answer answer = RawHttp.send(FAKE.server().port(),
          RawHttp.request(c.method(), c.target(), c.headers(), c.body()), c.halfClose(), TIMEOUT_MILLIS);
      SENT.incrementAndGet();
      String problem = judge(vendor, c, answer);
      if (problem != null) {
        failures.add(c.name() + " -> " + problem);
      }
      boolean served = answer.status() >= 200 && answer.status() < 300;
      if (served && !c.method().equals("GET")) {
        FAKE.server().reset();
        apidevToken = null;
        before = state();
      } else if (!served && !c.method().equals("GET")) {
        if (!state().equals(before)) {
          failures.add(c.name() + " -> refused with " + answer.status() + " but the store changed");
          FAKE.server().reset();
          before = state();
        }
      }
    }
    if (!state().equals(before)) {
      failures.add("the store changed during refused reads");
    }
    assertThat(failures).as("%d cases against %s", cases.size(), op).isEmpty();
  }

  private static String judge(String vendor, Case c, RawHttp.Answer answer) {
    if (answer.timedOut()) {
      return "no answer within " + TIMEOUT_MILLIS + " ms";
    }
    if (answer.status() < 0) {
      return "the connection closed without an answer";
    }
    String text = answer.text();
    String shown = answer.status() + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    if (answer.status() >= 500) {
      return "answered " + shown;
    }
    if (LEAK.matcher(text).find()) {
      return "the answer names internals: " + shown;
    }
    if (c.expect() == Expect.REFUSED && answer.status() < 400) {
      return "accepted: " + shown;
    }
    if (answer.status() >= 400) {
      String type = answer.header("Content-Type");
      if (type == null || !type.contains("json")) {
        return "not JSON (" + type + "): " + shown;
      }
      JsonNode body;
      try {
        body = JSON.readTree(answer.body());
      } catch (IOException e) {
        return "not parseable JSON: " + shown;
      }
      boolean plain = body.path("error").isTextual() && body.path("status").asInt() == answer.status();
      if (c.lineUnreadable() ? !plain : !envelope(vendor, answer.status(), body)) {
        return "not in " + vendor + "'s envelope: " + shown;
      }
    }
    return null;
  }

  /** The error envelope each vendor documents. */
  static boolean envelope(String vendor, int status, JsonNode body) {
    return switch (vendor) {
      case "finsync" -> body.path("error").isTextual();
      case "flowtly" -> status == 401
          ? body.path("code").asInt() == 401 && body.path("message").isTextual()
          : body.path("title").isTextual() && body.path("status").asInt() == status && body.path("@type").isTextual();
      case "fintoro" -> body.path("message").isTextual() || status == 422 && body.path("error").isTextual();
      case "apidev" -> body.path("success").isBoolean() && !body.path("success").asBoolean()
          && body.path("data").isNull() && body.path("error").path("code").isTextual()
          && body.path("error").path("message").isTextual();
      default -> throw new IllegalArgumentException(vendor);
    };
  }

  // ---- the corpus ----------------------------------------------------------------------------------------

  private List<Case> cases(String vendor, ApiSpec spec, Operation op) {
    List<Case> cases = new ArrayList<>();
    String path = validPath(vendor, op);
    boolean hasBody = !op.bodySchemas().isEmpty();
    String mediaType = hasBody ? op.bodySchemas().keySet().iterator().next() : "application/json";
    Map<String, String> auth = op.security().isEmpty() ? Map.of() : auth(vendor);
    byte[] neutral = hasBody ? bytes("{}") : null;

    if (hasBody) {
      bodyCases(cases, spec, op, path, auth, mediaType);
    }
    idCases(cases, op, path, auth, mediaType, neutral);
    queryCases(cases, spec, op, path, auth, mediaType, neutral);
    headerCases(cases, vendor, op, path, auth, mediaType, neutral);
    for (String method : List.of("FOO", "PROPFIND", "TRACE", "M-SEARCH", "CONNECT", "X".repeat(100))) {
      cases.add(new Case("method " + abbreviate(method), Expect.REFUSED, method, path, auth, null, false));
    }
    cases.add(new Case("OPTIONS without CORS", Expect.TOLERATED, "OPTIONS", path, auth, null, false));
    cases.add(new Case("lower-case method", Expect.TOLERATED, op.method().toLowerCase(), path,
        with(auth, "Content-Type", mediaType), neutral, false));
    return cases;
  }

  private void bodyCases(List<Case> cases, ApiSpec spec, Operation op, String path, Map<String, String> auth,
      String mediaType) {
    Map<String, String> json = with(auth, "Content-Type", mediaType);
    JsonNode schema = op.bodyNodes().get(mediaType);
    Map<String, JsonNode> properties = SchemaNodes.properties(spec, schema);
    String first = properties.isEmpty() ? "name" : properties.keySet().iterator().next();

    for (String broken : List.of("{", "}", "[", "nul", "{\"a\":1,}", "{'a':1}", "{a:1}", "{\"a\":1}}", "{\"a\" 1}",
        "{\"a\":\"\\u12\"}", "{\"" + first + "\":\"abc", "{\"" + first + "\":", "[1,2]", "\"text\"", "null", "123",
        "{\"a\":1} {\"b\":2}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":.5}")) {
      cases.add(body("invalid JSON " + abbreviate(broken), Expect.REFUSED, op, path, json, bytes(broken)));
    }
    // The engine reads an empty body as {}: refused wherever {} is, served where {} is a valid merge.
    cases.add(body("empty body", Expect.TOLERATED, op, path, json, new byte[0]));
    cases.add(body("whitespace body", Expect.TOLERATED, op, path, json, bytes("  \r\n ")));
    cases.add(body("byte order mark", Expect.TOLERATED, op, path, json, bytes("\uFEFF{}")));
    cases.add(body("deeply nested arrays", Expect.REFUSED, op, path, json, bytes("[".repeat(5000) + "]".repeat(5000))));
    cases.add(body("deeply nested field", Expect.REFUSED, op, path, json,
        bytes("{\"" + first + "\":" + "[".repeat(3000) + "]".repeat(3000) + "}")));
    cases.add(body("deeply nested objects", Expect.REFUSED, op, path, json,
        bytes("{\"a\":".repeat(3000) + "1" + "}".repeat(3000))));
    cases.add(body("invalid UTF-8", Expect.REFUSED, op, path, json,
        concat(bytes("{\"" + first + "\":\""), new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes("\"}"))));
    cases.add(body("overlong UTF-8", Expect.REFUSED, op, path, json,
        concat(bytes("{\"" + first + "\":\""), new byte[] {(byte) 0xC0, (byte) 0xAF}, bytes("\"}"))));
    cases.add(body("raw NUL in a string", Expect.REFUSED, op, path, json,
        concat(bytes("{\"" + first + "\":\"a"), new byte[] {0}, bytes("b\"}"))));
    cases.add(body("NUL before the body", Expect.REFUSED, op, path, json, concat(new byte[] {0}, bytes("{}"))));
    cases.add(body("escaped NUL in a string", Expect.TOLERATED, op, path, json, bytes("{\"" + first + "\":\"a\\u0000b\"}")));
    cases.add(body("lone surrogate", Expect.TOLERATED, op, path, json, bytes("{\"" + first + "\":\"\\ud800\"}")));
    cases.add(body("duplicate keys", Expect.TOLERATED, op, path, json, bytes("{\"" + first + "\":\"a\",\"" + first + "\":\"b\"}")));
    cases.add(body("unknown key", Expect.TOLERATED, op, path, json, bytes("{\"zz_unknown_zz\":1}")));
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 5000; i++) {
      many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    cases.add(body("5000 unknown keys", Expect.TOLERATED, op, path, json, bytes(many.append('}').toString())));

    for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
      JsonNode declared = spec.deref(property.getValue());
      Set<String> types = types(declared);
      if (!types.isEmpty()) {
        for (Map.Entry<String, String> wrong : WRONG_VALUES.entrySet()) {
          if (!matches(types, wrong.getKey())) {
            cases.add(body("field " + property.getKey() + " as " + wrong.getKey(), Expect.REFUSED, op, path, json,
                bytes("{\"" + property.getKey() + "\":" + wrong.getValue() + "}")));
          }
        }
      }
      if (declared.has("maxLength")) {
        int max = declared.get("maxLength").asInt();
        cases.add(body("field " + property.getKey() + " over its " + max + " characters", Expect.REFUSED, op, path, json,
            bytes("{\"" + property.getKey() + "\":\"" + "x".repeat(max * 4 + 10) + "\"}")));
      } else if (types.contains("string")) {
        cases.add(body("field " + property.getKey() + " of 100000 characters", Expect.TOLERATED, op, path, json,
            bytes("{\"" + property.getKey() + "\":\"" + "x".repeat(100_000) + "\"}")));
      }
    }

    byte[] unknown = bytes("{\"zz_unknown_zz\":1}");
    for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=zz", "image/png")) {
      cases.add(body("content type " + type, Expect.REFUSED, op, path, with(auth, "Content-Type", type), unknown));
    }
    cases.add(body("no content type", Expect.TOLERATED, op, path, auth, unknown));
    for (String type : List.of(mediaType + "; charset=utf-8", mediaType + ";;;", mediaType.toUpperCase(), "",
        mediaType + "; x=" + "y".repeat(3000), mediaType + ", text/plain", "*/*")) {
      cases.add(body("content type " + abbreviate(type), Expect.TOLERATED, op, path, with(auth, "Content-Type", type), unknown));
    }

    // Broken framing: Jetty's parser or the body reader refuses these before the engine runs.
    cases.add(new Case("body shorter than its Content-Length", Expect.REFUSED, op.method(), path,
        with(json, "Content-Length", "100"), bytes("{}"), true));
    cases.add(new Case("broken chunk size", Expect.REFUSED, op.method(), path,
        with(json, "Transfer-Encoding", "chunked"), bytes("zz\r\nabc\r\n0\r\n\r\n"), false));
    cases.add(new Case("chunk cut short", Expect.REFUSED, op.method(), path,
        with(json, "Transfer-Encoding", "chunked"), bytes("FFFFFF\r\nabc"), true));
    cases.add(new Case("Content-Length and chunked", Expect.REFUSED, op.method(), path,
        with(with(json, "Content-Length", "2"), "Transfer-Encoding", "chunked"), bytes("2\r\n{}\r\n0\r\n\r\n"), false));
    cases.add(new Case("Content-Length not a number", Expect.REFUSED, op.method(), path,
        with(json, "Content-Length", "abc"), bytes("{}"), true));
    cases.add(new Case("negative Content-Length", Expect.REFUSED, op.method(), path,
        with(json, "Content-Length", "-1"), bytes("{}"), true));
    cases.add(new Case("body over the size limit", Expect.REFUSED, op.method(), path, json,
        bytes("{\"" + first + "\":\"" + "x".repeat(1_100_000) + "\"}"), false));
    cases.add(new Case("chunked body over the size limit", Expect.REFUSED, op.method(), path,
        with(json, "Transfer-Encoding", "chunked"), chunked(bytes("[" + "1,".repeat(600_000) + "1]")), false));
    cases.add(new Case("gzip bomb", Expect.REFUSED, op.method(), path, with(json, "Content-Encoding", "gzip"),
        GZIP_BOMB, false));
    cases.add(new Case("gzip that is not gzip", Expect.REFUSED, op.method(), path,
        with(json, "Content-Encoding", "gzip"), bytes("{\"a\":1}"), false));
    cases.add(new Case("unknown content encoding", Expect.TOLERATED, op.method(), path,
        with(json, "Content-Encoding", "br"), unknown, false));
  }

  private static final Map<String, String> WRONG_VALUES = new LinkedHashMap<>();

  static {
    WRONG_VALUES.put("string", "\"abc\"");
    WRONG_VALUES.put("integer", "12345");
    WRONG_VALUES.put("number", "1.5");
    WRONG_VALUES.put("boolean", "true");
    WRONG_VALUES.put("array", "[]");
    WRONG_VALUES.put("object", "{}");
    WRONG_VALUES.put("null", "null");
  }

  private static Set<String> types(JsonNode schema) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      types.add(type.asText());
    }
    type.forEach(t -> types.add(t.asText()));
    return types;
  }

  private static boolean matches(Set<String> types, String valueType) {
    return types.contains(valueType) || valueType.equals("integer") && types.contains("number");
  }

  private void idCases(List<Case> cases, Operation op, String path, Map<String, String> auth, String mediaType,
      byte[] body) {
    Map<String, String> headers = body == null ? auth : with(auth, "Content-Type", mediaType);
    for (String param : op.pathParamNames()) {
      for (String odd : List.of("..", "../", "%2e%2e", "%00", "{" + param + "}", "%7B" + param + "%7D", "-1", "0", "abc",
          "1.5", "99999999999999999999", "%20", "%zz", "%C3%BC", "%FF", "1;drop", "1%2F2", "a|b", "[1]", "\u00ff",
          "x".repeat(5000), "x".repeat(10_000))) {
        String target = targetWith(op, param, odd);
        cases.add(new Case("id " + param + "=" + abbreviate(odd), Expect.REFUSED, op.method(), target, headers, body,
            false, odd.charAt(0) > 0x7F));
      }
    }
  }

  private void queryCases(List<Case> cases, ApiSpec spec, Operation op, String path, Map<String, String> auth,
      String mediaType, byte[] body) {
    Map<String, String> headers = body == null ? auth : with(auth, "Content-Type", mediaType);
    // Unknown or odd parameters a route does not declare are ignored, as the vendors' frameworks do.
    Expect odd = Expect.TOLERATED;
    for (String query : List.of("page=-1&pageSize=1000000000000", "page=abc", "page=1&page=2",
        "limit=-5&offset=abc", "itemsPerPage=0", "%zz=1", "a=%zz", "q=" + "x".repeat(6000), "a[]=1&a[b]=2",
        "x={}|^`", "=&&=&", "page=1e3", "page=0x10")) {
      cases.add(new Case("query " + abbreviate(query), odd, op.method(), path + "?" + query, headers, body, false));
    }
    cases.add(new Case("query over the URI limit", Expect.REFUSED, op.method(), path + "?q=" + "x".repeat(9000),
        headers, body, false));
    for (Parameter p : op.parameters()) {
      if (p.in() != Parameter.In.QUERY) {
        continue;
      }
      JsonNode schema = spec.deref(p.schemaNode());
      String type = SchemaNodes.primaryType(schema);
      List<String> wrong = new ArrayList<>();
      if (type.equals("integer") || type.equals("number")) {
        wrong.add("abc");
        wrong.add("1e999");
        if (type.equals("integer")) {
          wrong.add("1.5");
        }
        if (schema.has("minimum") && schema.get("minimum").asLong() >= 0) {
          wrong.add("-1");
        }
        if (schema.has("maximum")) {
          wrong.add("1000000000000");
          wrong.add("99999999999999999999");
        }
      } else if (type.equals("boolean")) {
        wrong.add("maybe");
      } else if (schema.has("enum")) {
        wrong.add("zz_not_listed");
      }
      if (schema.has("maxLength")) {
        wrong.add("x".repeat(schema.get("maxLength").asInt() * 4 + 10));
      }
      for (String value : wrong) {
        cases.add(new Case("query " + p.name() + "=" + abbreviate(value), Expect.REFUSED, op.method(),
            path + "?" + p.name() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), headers, body, false));
      }
      cases.add(new Case("query " + p.name() + " repeated", odd, op.method(),
          path + "?" + p.name() + "=1&" + p.name() + "=2", headers, body, false));
    }
  }

  private void headerCases(List<Case> cases, String vendor, Operation op, String path, Map<String, String> auth,
      String mediaType, byte[] body) {
    Map<String, String> headers = body == null ? auth : with(auth, "Content-Type", mediaType);
    Expect odd = Expect.TOLERATED;
    Map<String, String> tolerable = new LinkedHashMap<>();
    tolerable.put("Accept", "application/xml");
    tolerable.put("Accept ", "*/*;q=oops");
    tolerable.put("Accept  ", "text/" + "x".repeat(10_000));
    tolerable.put("Accept-Language", "x".repeat(5000));
    tolerable.put("Accept-Language ", "sk;q=abc,,;,en-US;q=2,;q=");
    tolerable.put("Accept-Language  ", String.join(",", java.util.Collections.nCopies(300, "en-GB;q=0.5")));
    tolerable.put("Accept-Language   ", "\u00ff\u00fe");
    tolerable.put("Idempotency-Key", "k".repeat(10_000));
    tolerable.put("Idempotency-Key ", "");
    tolerable.put("Idempotency-Key  ", "\u00ff\u00fe\t");
    tolerable.put("Origin", "null");
    tolerable.put("X-Forwarded-For", "1.2.3.4, ::1, junk");
    for (Map.Entry<String, String> h : tolerable.entrySet()) {
      cases.add(new Case("header " + h.getKey().trim() + ": " + abbreviate(h.getValue()), odd, op.method(), path,
          with(headers, h.getKey().trim(), h.getValue()), body, false));
    }
    Map<String, String> many = new LinkedHashMap<>(headers);
    for (int i = 0; i < 200; i++) {
      many.put("X-Many-" + i, "v".repeat(40));
    }
    cases.add(new Case("200 headers", odd, op.method(), path, many, body, false));
    cases.add(new Case("headers over the size limit", Expect.REFUSED, op.method(), path,
        with(headers, "X-Pad", "p".repeat(20_000)), body, false));
    cases.add(new Case("header beyond the parser's cap", Expect.REFUSED, op.method(), path,
        with(headers, "X-Pad", "p".repeat(40_000)), body, false));
    cases.add(new Case("raw NUL in a header", Expect.REFUSED, op.method(), path, with(headers, "X-Nul", "a\u0000b"), body,
        false));
    cases.add(new Case("header name with a space", Expect.REFUSED, op.method(), path, with(headers, "Bad Name", "x"),
        body, false));
    cases.add(new Case("unknown HTTP version", Expect.REFUSED, op.method(), path + " HTTP/9.9\r\nX-Ignore: x", headers,
        body, false, true));
    if (op.security().isEmpty()) {
      return;
    }
    Map<String, String> bare = body == null ? new LinkedHashMap<>() : with(Map.of(), "Content-Type", mediaType);
    cases.add(new Case("no credentials", Expect.REFUSED, op.method(), path, bare, body, false));
    for (String header : auth.keySet()) {
      for (String junk : List.of("Bearer " + "j".repeat(10_000), "Basic Zm9vOmJhcg==", "Bearer", "Bearer \u00ff\u00fe",
          "null", "Bearer fs_demo_acme' OR '1'='1")) {
        cases.add(new Case("credential " + header + ": " + abbreviate(junk), Expect.REFUSED, op.method(), path,
            with(headers, header, junk), body, false));
      }
    }
  }

  // ---- requests ------------------------------------------------------------------------------------------

  private static Case body(String name, Expect expect, Operation op, String path, Map<String, String> headers,
      byte[] body) {
    return new Case(name, expect, op.method(), path, headers, body, false);
  }

  /** The operation's path with every parameter an existing record of the demo company. */
  private String validPath(String vendor, Operation op) {
    String path = op.template();
    for (String param : op.pathParamNames()) {
      path = path.replace("{" + param + "}", URLEncoder.encode(existingId(vendor, op, param), StandardCharsets.UTF_8));
    }
    return path;
  }

  private String targetWith(Operation op, String param, String value) {
    String vendor = op.vendor();
    String path = op.template();
    for (String p : op.pathParamNames()) {
      path = path.replace("{" + p + "}", p.equals(param) ? value : URLEncoder.encode(existingId(vendor, op, p), StandardCharsets.UTF_8));
    }
    return path;
  }

  private String existingId(String vendor, Operation op, String param) {
    String collection = op.parent() != null && op.parent().param().equals(param) ? op.parent().resource() : op.resource();
    JsonNode first = seed.path(vendor).path("acme").path(collection).path(0);
    JsonNode id = first.has("~id") ? first.get("~id") : first.path("id");
    return id.isMissingNode() ? "1" : id.asText();
  }

  private Map<String, String> auth(String vendor) {
    Map<String, String> headers = new LinkedHashMap<>();
    switch (vendor) {
      case "finsync" -> headers.put("x-api-key", "fs_demo_acme");
      case "flowtly" -> headers.put("Authorization", "Bearer fl_demo_acme");
      case "fintoro" -> headers.put("Authorization", "Bearer ft_demo_acme_write");
      case "apidev" -> {
        headers.put("tenant", "demo.geotareas.com");
        headers.put("X-API-Key", "gtk_demo_acme");
        headers.put("Authorization", "Bearer " + apidevToken());
      }
      default -> throw new IllegalArgumentException(vendor);
    }
    return headers;
  }

  private String apidevToken() {
    if (apidevToken == null) {
      try {
        RawHttp.Answer login = RawHttp.send(FAKE.server().port(), RawHttp.request("POST", "/apidev/v1/login",
            Map.of("tenant", "demo.geotareas.com", "Content-Type", "application/json"),
            bytes("{\"email\":\"admin@acme.test\",\"password\":\"demo-password\"}")), false, TIMEOUT_MILLIS);
        apidevToken = JSON.readTree(login.body()).path("data").path("authorization").asText();
      } catch (IOException e) {
        throw new AssertionError("apidev login failed", e);
      }
    }
    return apidevToken;
  }

  /** What GET /__counterfeit/state answers, read in-process to keep thousands of comparisons cheap. */
  private static JsonNode state() {
    return FAKE.server().fake().state();
  }

  private static Map<String, String> with(Map<String, String> headers, String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return copy;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] chunked(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += 65536) {
      int n = Math.min(65536, body.length - at);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, at, n);
      out.writeBytes(bytes("\r\n"));
    }
    out.writeBytes(bytes("0\r\n\r\n"));
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(data);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static String abbreviate(String text) {
    String shown = text.replaceAll("\\p{Cntrl}", "?");
    return shown.length() > 40 ? shown.substring(0, 30) + "...(" + shown.length() + " chars)" : shown;
  }
}

package dev.counterfeit.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterfeit.openapi.ApiSpec;

import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Parameter;
import dev.counterfeit.openapi.model.SecurityScheme;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks every operation of every spec through HTTP (without credentials, with an unknown id, with an empty
 * body, and with the spec's own examples and seeded ids) and checks that every answer, success or error,
 * has a status the spec declares and a body its schema accepts.
 */
class EveryOperationAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static CounterfeitServer server;

  @BeforeAll
  static void start() {
    server = CounterfeitServer.start(StubServerConfig.builder().port(0).rateLimits(false).checkResponses(true).build());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @TestFactory
  Stream<DynamicTest> everyAnswerConformsToTheSpec() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String vendor : server.fake().basePaths().keySet()) {
      ApiModel model = ApiModel.compile(ApiSpec.load(vendor));
      for (Operation op : model.operations()) {
        tests.add(dynamicTest(vendor + " " + op, () -> walk(vendor, op)));
      }
    }
    assertThat(tests).hasSizeGreaterThan(40);
    return tests.stream();
  }

  @org.junit.jupiter.api.Test
  void auditFlagsAnAnswerTheSpecDoesNotAllow() throws Exception {
    String spec = new String(ApiSpec.class.getClassLoader().getResourceAsStream("openapi/finsync.yaml").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    // The error envelope now demands a field the fake never sends, so every error answer breaks it.
    String stricter = spec.replaceFirst("(?m)^(\\s+)required:\\n(\\s+)- error$", "$1required:\n$2- error\n$2- code");
    assertThat(stricter).isNotEqualTo(spec);
    try (CounterfeitServer strict = CounterfeitServer.start(StubServerConfig.builder().port(0).apis(java.util.Set.of("finsync"))
        .checkResponses(true).specOverride("finsync", stricter).build())) {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(strict.baseUrl() + "/api/clients")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(answer.headers().firstValue("X-Counterfeit-Violations")).hasValueSatisfying(v -> assertThat(v).contains("code"));
      assertThat(strict.fake().responseViolations()).hasSize(1);
    }
  }

  private void walk(String vendor, Operation op) throws Exception {
    server.reset();
    int before = server.fake().responseViolations().size();
    Map<String, String> auth = credentials(vendor, op);
    List<Integer> statuses = new ArrayList<>();
    if (!op.security().isEmpty()) {
      statuses.add(send(op, path(op, vendor, true), Map.of(), body(op, false)));
    }
    statuses.add(send(op, path(op, vendor, false), auth, body(op, false)));
    statuses.add(send(op, path(op, vendor, true), auth, body(op, true)));
    assertThat(server.fake().responseViolations().subList(before, server.fake().responseViolations().size()))
        .as("answers of %s (statuses %s) that break the spec", op, statuses).isEmpty();
    assertThat(statuses).allSatisfy(s -> assertThat(op.declaredStatus(s)).as("status %s of %s", s, op).isPresent());
  }

  /** The template with a seeded id (or, for {@code unknownId}, one that does not exist). */
  private static String path(Operation op, String vendor, boolean unknownId) {
    String path = op.template();
    for (Parameter p : op.parameters()) {
      if (p.in() != Parameter.In.PATH) {
        continue;
      }
      String value = unknownId ? unknown(p) : seededId(vendor, op, p);
      path = path.replace("{" + p.name() + "}", value);
    }
    return path;
  }

  private static String unknown(Parameter p) {
    if ("uuid".equals(p.schemaNode().path("format").asText())) {
      return UUID.randomUUID().toString();
    }
    String pattern = p.schemaNode().path("pattern").asText();
    return pattern.contains("{18}") ? "912345678912345678" : "987654";
  }

  private static String seededId(String vendor, Operation op, Parameter p) {
    String collection = op.parent() != null && op.parent().param().equals(p.name()) ? op.parent().resource() : op.resource();
    JsonNode records = server.fake().state().path(vendor).path("acme").path(collection);
    return records.isEmpty() ? unknown(p) : records.get(0).path("~id").asText();
  }

  /** The first example the spec gives for the body, or an empty object. */
  private static String body(Operation op, boolean empty) {
    if (op.bodyNodes().isEmpty()) {
      return null;
    }
    if (empty) {
      return "{}";
    }
    ApiSpec spec = ApiSpec.load(op.vendor());
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.tree().path("paths").fields(); paths.hasNext(); ) {
      for (JsonNode candidate : paths.next().getValue()) {
        if (!candidate.path("operationId").asText().equals(op.operationId())) {
          continue;
        }
        JsonNode content = spec.deref(candidate.path("requestBody")).path("content");
        for (JsonNode media : content) {
          for (JsonNode example : media.path("examples")) {
            return spec.deref(example).path("value").toString();
          }
          JsonNode schemaExamples = spec.deref(media.path("schema")).path("examples");
          if (schemaExamples.size() > 0) {
            return schemaExamples.get(0).toString();
          }
        }
      }
    }
    return "{}";
  }

  private static Map<String, String> credentials(String vendor, Operation op) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    if (op.security().isEmpty()) {
      op.parameters().stream().filter(p -> p.in() == Parameter.In.HEADER && p.required())
          .forEach(p -> headers.put(p.name(), credential(vendor, "tenantHeader")));
      return headers;
    }
    for (SecurityScheme scheme : op.security().get(0)) {
      String value = scheme.bearer() && vendor.equals("apidev") ? apidevJwt() : credential(vendor, scheme.name());
      headers.put(scheme.header(), scheme.bearer() ? "Bearer " + value : value);
    }
    return headers;
  }

  /** The acme credential with the most grants for a scheme, from the vendor's seed. */
  private static String credential(String vendor, String scheme) {
    String best = null;
    int grants = -1;
    for (JsonNode c : server.fake().demoCredentials().get(vendor)) {
      int size = c.path("grants").size() == 0 ? Integer.MAX_VALUE : c.path("grants").size();
      if (c.path("scheme").asText().equals(scheme) && c.path("tenant").asText().equals("acme") && size > grants) {
        best = c.path("value").asText();
        grants = size;
      }
    }
    return best;
  }

  private static String apidevJwt() throws Exception {
    HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/apidev/v1/login"))
        .header("tenant", "demo.geotareas.com").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"admin@acme.test\",\"password\":\"demo-password\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(login.body()).path("data").path("authorization").asText();
  }

  private static int send(Operation op, String path, Map<String, String> headers, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    headers.forEach(request::header);
    if (body != null) {
      request.header("Content-Type", op.bodyNodes().keySet().iterator().next());
    }
    request.method(op.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

}

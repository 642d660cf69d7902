package dev.counterfeit.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.Action;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Property;
import dev.counterfeit.openapi.model.SchemaNodes;
import dev.counterfeit.stubs.testsupport.SharedFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every collection a vendor lets clients create, under 16 parallel writers that create, update different
 * fields of one record and delete at once: ids stay unique, no update is lost, and list totals equal the
 * records alive. And every route of every vendor keeps one company's records from another: invisible in
 * lists and reads, and every write aimed at them refused with a 404 that leaves them as they were.
 *
 * <p>Bodies come from each operation's first example in the spec, so a new vendor is covered by its spec.
 */
class ConcurrencyAndIsolationAcceptanceTest {
  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> VENDORS = List.of("finsync", "flowtly", "fintoro", "apidev");
  private static final int WRITERS = 16;
  private static final int CREATES_PER_WRITER = 8;
  private static final int UPDATES_PER_FIELD = 10;

  private static final Map<String, ApiModel> MODELS = new java.util.concurrent.ConcurrentHashMap<>();

  private static HttpClient http;
  private static ExecutorService pool;
  private final Map<String, Map<String, String>> credentials = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
    pool = Executors.newFixedThreadPool(WRITERS);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  @TestFactory
  Stream<DynamicNode> sixteenParallelWritersLoseNothing() {
    return VENDORS.stream().map(vendor -> {
      ApiModel model = model(vendor);
      return dynamicContainer(vendor, model.operations().stream().filter(op -> op.action() == Action.CREATE)
          .map(create -> dynamicTest(create.resource(), () -> concurrently(vendor, model, create))));
    });
  }

  @TestFactory
  Stream<DynamicNode> oneCompanysRecordsAreInvisibleAndUnchangeableToAnother() {
    return VENDORS.stream().map(vendor -> {
      ApiModel model = model(vendor);
      return dynamicContainer(vendor, model.operations().stream().filter(op -> !op.security().isEmpty())
          .map(op -> dynamicTest(op.toString(), () -> isolated(vendor, model, op))));
    });
  }

  private static ApiModel model(String vendor) {
    return MODELS.computeIfAbsent(vendor, v -> ApiModel.compile(ApiSpec.load(v)));
  }

  // ---- concurrency ---------------------------------------------------------------------------------------

  private void concurrently(String vendor, ApiModel model, Operation create) throws Exception {
    FAKE.server().fake().reset(vendor);
    credentials.clear();
    String collection = create.resource();
    Optional<Operation> list = find(model, collection, Action.LIST, create);
    Optional<Operation> read = model.find(collection, Action.READ);
    Optional<Operation> delete = model.find(collection, Action.DELETE);
    Optional<Operation> merge = model.find(collection, Action.MERGE);
    ObjectNode example = example(model.spec(), create);
    int seeded = live(vendor, collection);

    // One record whose fields the writers share, and the fields a merge can set and a read shows back.
    JsonNode target = send("acme", vendor, create.method(), create.template(), mediaType(create), example).body;
    String targetId = id(target);
    List<String> fields = merge.isPresent() && read.isPresent()
        ? roundTripFields(vendor, model.spec(), merge.get(), read.get(), targetId) : List.of();

    CountDownLatch go = new CountDownLatch(1);
    List<Future<Writer>> results = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      results.add(pool.submit((Callable<Writer>) () -> {
        go.await();
        Writer done = new Writer();
        String field = writer < fields.size() ? fields.get(writer) : null;
        for (int i = 0; i < Math.max(CREATES_PER_WRITER, field == null ? 0 : UPDATES_PER_FIELD); i++) {
          if (i < CREATES_PER_WRITER) {
            Answer created = send("acme", vendor, create.method(), create.template(), mediaType(create), example);
            done.check(created.status / 100 == 2, "create answered " + created);
            String id = id(created.body);
            done.created.add(id);
            if (delete.isPresent() && i % 2 == 1) {
              Answer deleted = send("acme", vendor, delete.get().method(), path(delete.get(), id), null, null);
              done.check(deleted.status / 100 == 2, "delete answered " + deleted);
              done.deleted.add(id);
            }
          }
          if (field != null && i < UPDATES_PER_FIELD) {
            String value = "w" + writer + "-" + i;
            Answer updated = send("acme", vendor, merge.get().method(), path(merge.get(), targetId), mediaType(merge.get()),
                JSON.createObjectNode().put(field, value));
            done.check(updated.status / 100 == 2, "update of " + field + " answered " + updated);
            done.lastValue = value;
          }
        }
        done.field = field;
        return done;
      }));
    }
    go.countDown();
    List<String> problems = new ArrayList<>();
    List<String> created = new ArrayList<>();
    Set<String> deleted = new HashSet<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (Future<Writer> result : results) {
      Writer writer = result.get(2, TimeUnit.MINUTES);
      problems.addAll(writer.problems);
      created.addAll(writer.created);
      deleted.addAll(writer.deleted);
      if (writer.field != null) {
        expected.put(writer.field, writer.lastValue);
      }
    }
    assertThat(problems).as("failed writes").isEmpty();
    assertThat(new HashSet<>(created)).as("ids handed out to %d parallel creates", created.size()).hasSize(created.size());
    assertThat(created).doesNotContain(targetId);

    int alive = seeded + 1 + created.size() - deleted.size();
    assertThat(live(vendor, collection)).as("records in the store").isEqualTo(alive);
    if (list.isPresent() && list.get().pathParamNames().isEmpty()) {
      Answer all = send("acme", vendor, "GET", list.get().template() + pageQuery(vendor, alive), null, null);
      assertThat(total(vendor, all.body)).as("the list's total").isEqualTo(alive);
    }
    if (read.isPresent()) {
      for (String id : created) {
        int status = send("acme", vendor, "GET", path(read.get(), id), null, null).status;
        assertThat(status).as("GET %s after %s", id, deleted.contains(id) ? "its delete" : "its create")
            .isEqualTo(deleted.contains(id) ? 404 : 200);
      }
      JsonNode last = item(send("acme", vendor, "GET", path(read.get(), targetId), null, null).body);
      expected.forEach((field, value) -> assertThat(last.path(field).asText())
          .as("%s after parallel updates of other fields", field).isEqualTo(value));
    }
  }

  private static final class Writer {
    final List<String> created = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    String field;
    String lastValue;

    void check(boolean ok, String problem) {
      if (!ok) {
        problems.add(problem);
      }
    }
  }

  /**
   * Plain text fields of the merge body that a merge accepts and a read shows back unchanged, at most one per
   * writer: each writer owns one, so a lost update shows as a field without its writer's last value.
   */
  private List<String> roundTripFields(String vendor, ApiSpec spec, Operation merge, Operation read, String id)
      throws Exception {
    List<String> fields = new ArrayList<>();
    JsonNode schema = merge.bodyNodes().get(mediaType(merge));
    for (Map.Entry<String, JsonNode> property : SchemaNodes.properties(spec, schema).entrySet()) {
      JsonNode declared = spec.deref(property.getValue());
      boolean text = declared.path("type").asText().equals("string")
          || declared.path("type").isArray() && declared.path("type").toString().contains("\"string\"");
      if (!text || declared.has("enum") || declared.has("format") || declared.has("pattern")
          || declared.path("maxLength").asInt(100) < 10 || declared.path("minLength").asInt(0) > 5
          || referenced(merge, schema, property.getKey()) != null) {
        continue;
      }
      String probe = "probe-" + fields.size();
      Answer answer = send("acme", vendor, merge.method(), path(merge, id), mediaType(merge),
          JSON.createObjectNode().put(property.getKey(), probe));
      JsonNode after = item(send("acme", vendor, "GET", path(read, id), null, null).body);
      if (answer.status / 100 == 2 && after.path(property.getKey()).asText().equals(probe)) {
        fields.add(property.getKey());
      }
      if (fields.size() == WRITERS) {
        break;
      }
    }
    return fields;
  }

  // ---- isolation -----------------------------------------------------------------------------------------

  private void isolated(String vendor, ApiModel model, Operation op) throws Exception {
    FAKE.server().fake().reset(vendor);
    credentials.clear();
    String marker = "acme-only-" + UUID.randomUUID();
    // A fresh acme record in every collection acme can create in, carrying a marker another company must never see.
    Map<String, String> fresh = new LinkedHashMap<>();
    for (Operation create : model.operations()) {
      if (create.action() == Action.CREATE && create.pathParamNames().isEmpty() && !fresh.containsKey(create.resource())) {
        ObjectNode body = example(model.spec(), create);
        mark(model.spec(), create, body, marker);
        Answer answer = send("acme", vendor, create.method(), create.template(), mediaType(create), body);
        assertThat(answer.status / 100).as("acme creates in %s: %s", create.resource(), answer).isEqualTo(2);
        fresh.put(create.resource(), id(answer.body));
      }
    }
    JsonNode acmeBefore = FAKE.server().fake().state().path(vendor).path("acme");

    String path = op.template();
    for (String param : op.pathParamNames()) {
      String collection = op.parent() != null && op.parent().param().equals(param) ? op.parent().resource() : op.resource();
      String id = fresh.getOrDefault(collection, firstAcmeId(vendor, collection));
      path = path.replace("{" + param + "}", id);
    }
    JsonNode body = op.bodySchemas().isEmpty() ? null : example(model.spec(), op);
    Answer answer = send("globex", vendor, op.method(), path, op.bodySchemas().isEmpty() ? null : mediaType(op), body);

    assertThat(answer.text).as("globex's answer to %s %s", op.method(), path).doesNotContain(marker);
    if (!op.pathParamNames().isEmpty()) {
      assertThat(answer.status).as("globex's %s %s: %s", op.method(), path, answer).isEqualTo(404);
    }
    assertThat(FAKE.server().fake().state().path(vendor).path("acme")).as("acme's records after globex's %s", op)
        .isEqualTo(acmeBefore);
  }

  /** Puts the marker in the first free-text field of a create body. */
  private static void mark(ApiSpec spec, Operation create, ObjectNode body, String marker) {
    JsonNode schema = create.bodyNodes().get(mediaType(create));
    for (Map.Entry<String, JsonNode> property : SchemaNodes.properties(spec, schema).entrySet()) {
      JsonNode declared = spec.deref(property.getValue());
      if (declared.path("type").toString().contains("string") && !declared.has("enum") && !declared.has("format")
          && !declared.has("pattern") && declared.path("maxLength").asInt(100) > marker.length()
          && referenced(create, schema, property.getKey()) == null) {
        body.put(property.getKey(), marker);
        return;
      }
    }
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  /** The collection a body field of the operation references, as the model reads it, or null. */
  private static String referenced(Operation op, JsonNode body, String field) {
    return model(op.vendor()).object(body).property(field).map(Property::ref).orElse(null);
  }

  private record Answer(int status, JsonNode body, String text) {
    @Override
    public String toString() {
      return status + " " + (text.length() > 300 ? text.substring(0, 300) : text);
    }
  }

  private Answer send(String company, String vendor, String method, String path, String mediaType, JsonNode body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FAKE.server().baseUrl() + path));
    credentials(company, vendor).forEach(request::header);
    if (mediaType != null) {
      request.header("Content-Type", mediaType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    return new Answer(response.statusCode(), json, response.body());
  }

  private synchronized Map<String, String> credentials(String company, String vendor) throws Exception {
    String key = company + "/" + vendor;
    Map<String, String> known = credentials.get(key);
    if (known != null) {
      return known;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    boolean acme = company.equals("acme");
    switch (vendor) {
      case "finsync" -> headers.put("x-api-key", acme ? "fs_demo_acme" : "fs_demo_globex");
      case "flowtly" -> headers.put("Authorization", "Bearer " + (acme ? "fl_demo_acme" : "fl_demo_globex"));
      case "fintoro" -> headers.put("Authorization", "Bearer " + (acme ? "ft_demo_acme_write" : "ft_demo_globex_write"));
      case "apidev" -> {
        String tenant = acme ? "demo.geotareas.com" : "other.geotareas.com";
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(FAKE.server().baseUrl() + "/apidev/v1/login"))
            .header("tenant", tenant).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"admin@" + company + ".test\",\"password\":\"demo-password\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        headers.put("tenant", tenant);
        headers.put("X-API-Key", acme ? "gtk_demo_acme" : "gtk_demo_globex");
        headers.put("Authorization", "Bearer " + JSON.readTree(login.body()).path("data").path("authorization").asText());
      }
      default -> throw new IllegalArgumentException(vendor);
    }
    credentials.put(key, Collections.unmodifiableMap(headers));
    return headers;
  }

  /**
   * The first example the spec gives for the operation's body ({} when it gives none), with every reference
   * pointed at a record the demo company has: examples may name ids the seed does not hold.
   */
  private static ObjectNode example(ApiSpec spec, Operation op) {
    ObjectNode body = documentedExample(spec, op);
    if (op.bodySchemas().isEmpty()) {
      return body;
    }
    SchemaNodes.properties(spec, op.bodyNodes().get(mediaType(op))).forEach((name, property) -> {
      String collection = referenced(op, op.bodyNodes().get(mediaType(op)), name);
      JsonNode value = body.get(name);
      if (collection == null || value == null || value.isNull()) {
        return;
      }
      String existing = firstAcmeId(op.vendor(), collection);
      if (value.isNumber()) {
        body.put(name, Long.parseLong(existing));
      } else if (value.asText().contains("/")) {
        body.put(name, value.asText().substring(0, value.asText().lastIndexOf('/') + 1) + existing);
      } else {
        body.put(name, existing);
      }
    });
    return body;
  }

  private static ObjectNode documentedExample(ApiSpec spec, Operation op) {
    String media = mediaType(op);
    String raw = op.template().substring(spec.basePath().length());
    JsonNode content = spec.tree().path("paths").path(raw).path(op.method().toLowerCase()).path("requestBody")
        .path("content").path(media);
    JsonNode example = content.has("example") ? content.get("example")
        : content.path("examples").elements().hasNext() ? spec.deref(content.path("examples").elements().next()).path("value")
        : JSON.createObjectNode();
    return example.isObject() ? ((ObjectNode) example).deepCopy() : JSON.createObjectNode();
  }

  private static String mediaType(Operation op) {
    return op.bodySchemas().isEmpty() ? null
        : op.bodySchemas().containsKey("application/json") ? "application/json" : op.bodySchemas().keySet().iterator().next();
  }

  private static Optional<Operation> find(ApiModel model, String collection, Action action, Operation near) {
    return model.operations().stream().filter(o -> o.action() == action && o.resource().equals(collection))
        .filter(o -> o.template().equals(near.template())).findFirst()
        .or(() -> model.find(collection, action));
  }

  private static String path(Operation op, String id) {
    return op.template().replace("{" + op.idParam() + "}", id);
  }

  private static String id(JsonNode created) {
    JsonNode id = created.has("id") ? created.get("id") : created.path("data").path("id");
    assertThat(id.isMissingNode() || id.isNull()).as("an id in %s", created).isFalse();
    return id.asText();
  }

  private static JsonNode item(JsonNode read) {
    return read.has("success") ? read.path("data") : read;
  }

  private static int live(String vendor, String collection) {
    return FAKE.server().fake().state().path(vendor).path("acme").path(collection).size();
  }

  private static String firstAcmeId(String vendor, String collection) {
    JsonNode first = FAKE.server().fake().state().path(vendor).path("acme").path(collection).path(0);
    JsonNode id = first.has("~id") ? first.get("~id") : first.path("id");
    return id.isMissingNode() ? "1" : id.asText();
  }

  /** Asks for one page large enough where the vendor pages; its total counts every record either way. */
  private static String pageQuery(String vendor, int alive) {
    return switch (vendor) {
      case "finsync" -> "?pageSize=100";
      case "apidev" -> "?limit=100";
      default -> "";
    };
  }

  private static int total(String vendor, JsonNode list) {
    return switch (vendor) {
      case "finsync" -> list.path("pagination").path("total").asInt(-1);
      case "flowtly" -> list.path("hydra:totalItems").asInt(-1);
      case "fintoro" -> list.path("data").size();
      case "apidev" -> list.path("meta").path("total").asInt(-1);
      default -> throw new IllegalArgumentException(vendor);
    };
  }
}

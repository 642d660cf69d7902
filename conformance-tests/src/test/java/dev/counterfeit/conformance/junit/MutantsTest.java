package dev.counterfeit.conformance.junit;

import static dev.counterfeit.conformance.testsupport.Rewrites.on;
import static dev.counterfeit.conformance.testsupport.Rewrites.requests;
import static dev.counterfeit.conformance.testsupport.Rewrites.responses;
import static dev.counterfeit.conformance.testsupport.Rewrites.withHeader;
import static dev.counterfeit.conformance.testsupport.Rewrites.withJson;
import static dev.counterfeit.conformance.testsupport.Rewrites.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.conformance.cli.KitLauncher;
import dev.counterfeit.conformance.config.EmbeddedTarget;
import dev.counterfeit.conformance.testsupport.DemoCredentials;
import dev.counterfeit.conformance.testsupport.EmbeddedFakeFactory;
import dev.counterfeit.conformance.testsupport.Rewrites;
import dev.counterfeit.stubs.StubServerConfig;
import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proof the kit catches defects: each mutant is the fake with one rule broken (a spec override or a decorator
 * around its handler). The kit runs against it through the JUnit Launcher, for the mutant's vendor, and must go
 * red on the test that checks the broken rule.
 */
// These prove the kit itself against in-process fakes; a run pointed at another implementation skips them.
@DisabledIfSystemProperty(named = "counterfeit.baseUrl", matches = ".+")
class MutantsTest {

  /**
   * A named defect.
   *
   * @param vendor whose kit runs against it
   * @param brokenRule the (start of the) name of the test that must fail
   * @param says text its failure message must contain
   * @param setup turns a working fake's configuration into the broken one
   */
  record Mutant(String name, String vendor, String brokenRule, String says,
      UnaryOperator<StubServerConfig.Builder> setup) {
    Mutant(String name, String vendor, String brokenRule, UnaryOperator<StubServerConfig.Builder> setup) {
      this(name, vendor, brokenRule, "", setup);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Mutant> mutants() {
    return Stream.of(
        new Mutant("finsync name maxLength off by one", "finsync",
            "POST /api/clients -> 400 name maxLength+1 (101 chars)",
            c -> c.specOverride("finsync", spec("finsync").replace("maxLength: 100", "maxLength: 101"))),
        new Mutant("finsync missing x-api-key answered as if present", "finsync",
            "GET /api/clients -> 401 no credentials",
            c -> c.decorator(requests(r -> r.header("x-api-key") == null,
                r -> withHeader(r, "x-api-key", "fs_demo_acme")))),
        new Mutant("finsync read answer lacks created_at", "finsync",
            "GET /api/clients/{id} -> 200 read answers the item",
            c -> c.decorator(responses(on("GET", ".*/api/clients/\\d+"),
                r -> withJson(r, body -> {
                  body.remove("created_at");
                  return body;
                })))),
        new Mutant("fintoro wrong validation envelope", "fintoro",
            "POST /clients -> 422 name maxLength+1 (256 chars)",
            c -> c.decorator(responses(r -> true, r -> r.status() == 422
                ? new HttpResponse(422, r.headers(), "{\"msg\":\"invalid\"}".getBytes(StandardCharsets.UTF_8))
                : r))),
        new Mutant("fintoro type inference skipped", "fintoro",
            "POST /clients -> 201 rule: type is inferred as company",
            c -> c.decorator(requests(on("POST", ".*/clients"),
                r -> withJson(r, body -> body.has("type") ? body : body.put("type", "person"))))),
        new Mutant("fintoro create answer shows type before inference", "fintoro",
            "POST /clients -> 201 rule: type is inferred as company",
            "create answer says type=\"person\", stored record says \"company\"",
            c -> c.decorator(inner -> request -> {
              HttpResponse answer = inner.handle(request);
              boolean inferred = on("POST", ".*/clients").test(request) && answer.status() == 201
                  && !Rewrites.parse(request.body()).has("type");
              return inferred ? withJson(answer, body -> body.put("type", "person")) : answer;
            })),
        new Mutant("fintoro idempotency key dropped", "fintoro",
            "POST /clients -> 201 rule: the same Idempotency-Key and body replays",
            c -> c.decorator(requests(r -> r.header("Idempotency-Key") != null,
                r -> withHeader(r, "Idempotency-Key", null)))),
        new Mutant("fintoro read token may write", "fintoro",
            "POST /clients -> 403 credentials without write permission",
            c -> c.decorator(requests(r -> "Bearer ft_demo_acme_read".equals(r.header("Authorization")),
                r -> withHeader(r, "Authorization", "Bearer ft_demo_acme_write")))),
        new Mutant("fintoro PUT keeps omitted fields", "fintoro",
            "PUT /clients/{client} -> 200 only required fields sent, the rest reset",
            c -> c.decorator(inner -> request -> {
              if (!on("PUT", ".*/clients/\\d+").test(request)) {
                return inner.handle(request);
              }
              JsonNode current = Rewrites.parse(inner.handle(new HttpRequest("GET", request.path(), Map.of(),
                  request.headers(), null)).body());
              return inner.handle(withJson(request, body -> {
                for (String field : List.of("city", "street", "zip", "email", "taxId", "subjectId")) {
                  if (!body.has(field) && current.hasNonNull(field)) {
                    body.set(field, current.get(field));
                  }
                }
                return body;
              }));
            })),
        new Mutant("flowtly PATCH clears omitted fields", "flowtly",
            "PATCH /clients/{id} -> 200 only name sent, the rest unchanged",
            c -> c.decorator(requests(on("PATCH", ".*/clients/\\d+"), r -> withJson(r, body -> {
              for (String field : List.of("invoiceComment", "addressCity", "tin", "vatNumber")) {
                if (!body.has(field)) {
                  body.putNull(field);
                }
              }
              return body;
            })))),
        new Mutant("flowtly wrong content type answered 200", "flowtly",
            "PATCH /clients/{id} -> 415 content type application/json",
            c -> c.decorator(requests(r -> "PATCH".equals(r.method())
                    && String.valueOf(r.header("Content-Type")).startsWith("application/json"),
                r -> withHeader(r, "Content-Type", "application/merge-patch+json")))),
        new Mutant("flowtly tenants share their clients", "flowtly",
            "GET /clients/{id} -> 404 item of another tenant",
            c -> c.decorator(requests(r -> "Bearer fl_demo_globex".equals(r.header("Authorization")),
                r -> withHeader(r, "Authorization", "Bearer fl_demo_acme")))),
        new Mutant("apidev unknown id answered 200", "apidev",
            "GET /clients/{id} -> 404 unknown id",
            c -> c.decorator(responses(on("GET", ".*/clients/\\d+"), r -> r.status() != 404 ? r
                : new HttpResponse(200, Map.of("Content-Type", "application/json"),
                    ("{\"success\":true,\"meta\":{},\"data\":{\"id\":\"982710394857200005\",\"name\":\"x\","
                        + "\"business_name\":null,\"email\":null,\"phone\":null,\"mobile\":null,\"image_url\":null,"
                        + "\"status\":null,\"document\":null,\"document_type\":null,\"tax_id\":null,"
                        + "\"external_code\":null,\"notes\":null,\"associated_accounts\":null,\"address\":{"
                        + "\"street\":null,\"door_number\":null,\"apartment\":null,\"corner\":null,\"zip_code\":null,"
                        + "\"latitude\":null,\"longitude\":null,\"country_id\":null,\"department_id\":null}}}")
                        .getBytes(StandardCharsets.UTF_8))))),
        new Mutant("apidev updated_fields loses an entry", "apidev",
            "PUT /clients/{id} -> 200 example body accepted and stored",
            c -> c.decorator(responses(on("PUT", ".*/clients/\\d+"), r -> r.status() != 200 ? r
                : withJson(r, body -> {
                  JsonNode fields = body.path("data").path("updated_fields");
                  if (fields instanceof ArrayNode array && !array.isEmpty()) {
                    array.remove(array.size() - 1);
                  }
                  return body;
                })))),
        new Mutant("apidev missing header coded as a validation error", "apidev",
            "GET /clients -> 400 without X-API-Key header",
            c -> c.decorator(responses(r -> true, r -> r.status() != 400 ? r : withJson(r, body -> {
              if (body.path("error") instanceof ObjectNode error && "BAD_REQUEST".equals(error.path("code").asText())) {
                error.put("code", "VALIDATION_ERROR");
              }
              return body;
            })))),
        new Mutant("apidev latitude clamped instead of rejected", "apidev",
            "PUT /clients/{id} -> 400 latitude maximum+1 (91)",
            c -> c.decorator(requests(on("PUT", ".*/clients/\\d+"), r -> withJson(r, body -> {
              if (body.path("latitude").isNumber() && body.get("latitude").asDouble() > 90) {
                body.put("latitude", 90);
              }
              return body;
            })))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void theKitFailsOnTheBrokenRule(Mutant mutant) {
    StubServerConfig config = mutant.setup().apply(StubServerConfig.builder().port(0).seed(false)
        .rateLimits(false)).build();
    KitLauncher.Result result;
    try (EmbeddedTarget fake = EmbeddedFakeFactory.start(config)) {
      Map<String, String> parameters = new LinkedHashMap<>(DemoCredentials.SETTINGS);
      parameters.put("counterfeit.api", mutant.vendor());
      parameters.put("counterfeit.baseUrl", fake.baseUrl());
      parameters.put("counterfeit.reportDir", Path.of("target", "mutants", mutant.name().replace(' ', '-')).toString());
      parameters.put("counterfeit.printSummary", "false");
      // Blank masks any -D of the same name given to Maven: the mutant runs the whole vendor, with no gaps excused.
      parameters.put("counterfeit.operations", "");
      parameters.put("counterfeit.rules", "");
      parameters.put("counterfeit.knownGaps", "");
      result = KitLauncher.launch(parameters, null);
    }
    assertThat(result.found()).isGreaterThan(0);
    assertThat(result.failures())
        .as("the kit must fail on '%s'; it failed on %s", mutant.brokenRule(), result.failures())
        .anyMatch(f -> f.test().startsWith(mutant.brokenRule()) && f.message().contains(mutant.says()));
  }

  /**
   * The rate-limit cases against a fake whose limits are the spec's with a two-second window (both the fake and
   * the kit read the shortened spec), in a second instance with limits on, as the embedded run does.
   */
  private static KitLauncher.Result rateLimited(String vendor, String operations, UnaryOperator<HttpHandler> decorator,
      Path reports) throws IOException {
    String shortened = spec(vendor).replaceAll("(?m)^(\\s*)requests: \\d+\\n(\\s*)seconds: \\d+",
        "$1requests: 3\n$2seconds: 2");
    Files.createDirectories(reports);
    Path specFile = Files.writeString(reports.resolve(vendor + ".yaml"), shortened);
    StubServerConfig.Builder base = StubServerConfig.builder().port(0).seed(true).specOverride(vendor, shortened);
    try (EmbeddedTarget fake = EmbeddedFakeFactory.start(base.rateLimits(false).build());
        EmbeddedTarget limited = EmbeddedFakeFactory.start(base.rateLimits(true).decorator(decorator).build())) {
      Map<String, String> parameters = new LinkedHashMap<>(DemoCredentials.SETTINGS);
      parameters.put("counterfeit.api", vendor);
      parameters.put("counterfeit.baseUrl", fake.baseUrl());
      parameters.put("counterfeit.rateLimitBaseUrl", limited.baseUrl());
      parameters.put("counterfeit." + vendor + ".spec", specFile.toString());
      parameters.put("counterfeit.rateLimit", "true");
      parameters.put("counterfeit.rateLimitSpacingMillis", "0");
      parameters.put("counterfeit.operations", operations);
      parameters.put("counterfeit.rules", "RATE_LIMITED");
      parameters.put("counterfeit.reportDir", reports.toString());
      parameters.put("counterfeit.printSummary", "false");
      parameters.put("counterfeit.knownGaps", "");
      return KitLauncher.launch(parameters, null);
    }
  }

  @Test
  void theRateLimitCasesPassOnTheFakeWithTheSpecsLimitsAndHeaders() throws IOException {
    KitLauncher.Result fintoro = rateLimited("fintoro", "listLanguages,createClient,deleteClient",
        UnaryOperator.identity(), Path.of("target", "mutants", "rate-limits-fintoro"));
    KitLauncher.Result apidev = rateLimited("apidev", "loginUser,updateClient", UnaryOperator.identity(),
        Path.of("target", "mutants", "rate-limits-apidev"));
    assertThat(fintoro.failures()).isEmpty();
    assertThat(apidev.failures()).isEmpty();
    assertThat(Files.readString(Path.of("target", "mutants", "rate-limits-fintoro", "conformance-summary.md")))
        .contains("| fintoro | listLanguages | rate limit answers 429 | GET /languages -> 429 rate limit 3 per 2 s per tenant")
        .doesNotContain("opt-in");
    assertThat(Files.readString(Path.of("target", "mutants", "rate-limits-apidev", "conformance-summary.md")))
        .contains("POST /login -> 429 rate limit 3 per 2 s per account", "PUT /clients/{id} -> 429 rate limit 3 per 2 s per operation");
  }

  @Test
  void theKitFailsWhenA429LacksXRateLimitRemaining() throws IOException {
    KitLauncher.Result result = rateLimited("fintoro", "listLanguages", inner -> request -> {
      HttpResponse answer = inner.handle(request);
      return answer.status() == 429 ? withoutHeader(answer, "X-RateLimit-Remaining") : answer;
    }, Path.of("target", "mutants", "rate-limit-no-remaining"));
    assertThat(result.failures()).anyMatch(f -> f.test().startsWith("GET /languages -> 429 rate limit 3 per 2 s")
        && f.message().contains("the required header X-RateLimit-Remaining is missing from the 429 answer"));
  }

  @Test
  void theKitFailsWhenTheLimitIsNeverEnforced() throws IOException {
    KitLauncher.Result result = rateLimited("apidev", "updateClient", inner -> request -> {
      HttpResponse answer = inner.handle(request);
      return answer.status() == 429 && !request.path().endsWith("/login") ? withStatus(answer, 404) : answer;
    }, Path.of("target", "mutants", "rate-limit-not-enforced"));
    assertThat(result.failures()).anyMatch(f -> f.test().startsWith("PUT /clients/{id} -> 429 rate limit")
        && f.message().contains("no 429 after 8 requests"));
  }

  @Test
  void casesWhoseAnswersTimeOutAreFailuresTheSummaryCountsLikeJunit() throws IOException {
    java.util.concurrent.atomic.AtomicInteger slow = new java.util.concurrent.atomic.AtomicInteger(2);
    StubServerConfig config = StubServerConfig.builder().port(0).seed(true).rateLimits(false)
        .decorator(inner -> request -> {
          if (request.method().equals("GET") && request.path().endsWith("/api/clients") && slow.getAndDecrement() > 0) {
            try {
              Thread.sleep(2500);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return inner.handle(request);
        }).build();
    Path reports = Path.of("target", "mutants", "finsync-answers-time-out");
    KitLauncher.Result result;
    try (EmbeddedTarget fake = EmbeddedFakeFactory.start(config)) {
      Map<String, String> parameters = new LinkedHashMap<>(DemoCredentials.SETTINGS);
      parameters.put("counterfeit.api", "finsync");
      parameters.put("counterfeit.baseUrl", fake.baseUrl());
      parameters.put("counterfeit.timeoutSeconds", "1");
      parameters.put("counterfeit.reportDir", reports.toString());
      parameters.put("counterfeit.printSummary", "false");
      parameters.put("counterfeit.operations", "");
      parameters.put("counterfeit.rules", "");
      parameters.put("counterfeit.knownGaps", "");
      result = KitLauncher.launch(parameters, null);
    }
    assertThat(result.failures()).hasSizeGreaterThanOrEqualTo(2)
        .anyMatch(f -> f.message().contains("gave no answer within 1 s"));
    assertThat(Files.readString(reports.resolve("conformance-summary.md"))).contains("| **all** | " + result.found()
        + " | " + result.succeeded() + " | " + result.failed() + " | " + result.aborted() + " |");
  }

  private static HttpResponse withoutHeader(HttpResponse r, String name) {
    Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(r.headers());
    headers.remove(name);
    return new HttpResponse(r.status(), headers, r.body());
  }

  private static String spec(String vendor) {
    try (InputStream in = MutantsTest.class.getClassLoader().getResourceAsStream("openapi/" + vendor + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.counterfeit.stubs;

import static dev.counterfeit.stubs.testsupport.Api.json;
import static dev.counterfeit.stubs.testsupport.Api.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.SharedFake;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failures and delays forced on purpose, per request with headers and with rules over the control API, each
 * answered in the vendor's own envelope and headers.
 */
class FaultsAcceptanceTest {
  private static final String FINTORO_CLIENTS = "/api/public/v1/clients";

  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  private static RequestSpecification fintoro() {
    return Api.given(FAKE.server()).header("Authorization", "Bearer ft_demo_acme_write");
  }

  private static RequestSpecification finsync() {
    return Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme");
  }

  private static RequestSpecification apidev() {
    Response login = Api.given(FAKE.server()).header("tenant", "demo.geotareas.com").contentType("application/json")
        .body(object("email", "admin@acme.test", "password", "demo-password").toString()).post("/apidev/v1/login");
    assertThat(login.statusCode()).as(login.asString()).isEqualTo(200);
    return Api.given(FAKE.server()).header("tenant", "demo.geotareas.com").header("X-API-Key", "gtk_demo_acme")
        .header("Authorization", "Bearer " + json(login).at("/data/authorization").asText());
  }

  private static Response addRule(Object... fields) {
    return Api.given(FAKE.server()).contentType("application/json").body(object(fields).toString())
        .post("/__counterfeit/faults");
  }

  @Test
  void nothingIsForcedUnlessAsked() {
    Response r = fintoro().get(FINTORO_CLIENTS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.header("X-Counterfeit-Forced")).isNull();
  }

  @Test
  void forcedFintoro429CarriesRetryAfterAndTheRateLimitHeaders() {
    Response r = fintoro().header("X-Counterfeit-Fault", "429").get(FINTORO_CLIENTS);

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(json(r)).isEqualTo(object("message", "Too Many Attempts."));
    assertThat(r.header("Retry-After")).isEqualTo("1");
    assertThat(r.header("X-RateLimit-Limit")).isEqualTo("120");
    assertThat(r.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(Long.parseLong(r.header("X-RateLimit-Reset"))).isPositive();
    assertThat(r.header("X-Request-Id")).isNotBlank();
    assertThat(r.header("X-Counterfeit-Forced")).isEqualTo("header");
  }

  @Test
  void forcedApidev429IsRateLimitedInItsEnvelope() {
    Response r = apidev().header("X-Counterfeit-Fault", "429").get("/apidev/v1/clients");

    assertThat(r.statusCode()).isEqualTo(429);
    JsonNode body = json(r);
    assertThat(body.get("success").asBoolean()).isFalse();
    assertThat(body.at("/error/code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(r.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void forcedFinSync500IsItsErrorObject() {
    Response r = finsync().header("X-Counterfeit-Fault", "500").get("/api/clients");

    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(json(r)).isEqualTo(object("error", "Internal server error."));
  }

  @Test
  void forcedFlowtly503IsAProblemDocument() {
    Response r = Api.given(FAKE.server()).header("Authorization", "Bearer fl_demo_acme").header("X-Counterfeit-Fault", "503")
        .get("/clients");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(json(r).get("status").asInt()).isEqualTo(503);
    assertThat(r.contentType()).contains("application/problem+json");
  }

  @Test
  void forcedResetClosesTheConnectionWithoutAnAnswer() {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(FAKE.server().baseUrl() + "/api/clients"))
        .header("x-api-key", "fs_demo_acme").header("X-Counterfeit-Fault", "reset").build();

    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    JsonNode logged = json(Api.given(FAKE.server()).get("/__counterfeit/requests?limit=1")).at("/requests/0");
    assertThat(logged.get("status").asInt()).isZero();
    // The server itself is fine.
    assertThat(finsync().get("/api/clients").statusCode()).isEqualTo(200);
  }

  @Test
  void forcedDelaySlowsTheRealAnswerDown() {
    long start = System.nanoTime();
    Response r = finsync().header("X-Counterfeit-Delay", "300ms").get("/api/clients/101");
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("id").asLong()).isEqualTo(101);
    assertThat(tookMs).isGreaterThanOrEqualTo(300);
  }

  @Test
  void anUnknownFaultOrDelayIsA400InTheVendorsEnvelope() {
    Response fault = finsync().header("X-Counterfeit-Fault", "418").get("/api/clients");
    assertThat(fault.statusCode()).isEqualTo(400);
    assertThat(json(fault).get("error").asText()).isEqualTo("X-Counterfeit-Fault must be one of: 429, 500, 503, reset.");

    Response delay = fintoro().header("X-Counterfeit-Delay", "forever").get(FINTORO_CLIENTS);
    assertThat(delay.statusCode()).isEqualTo(422);
    assertThat(json(delay).at("/errors/X-Counterfeit-Delay/0").asText()).contains("300ms");
  }

  @Test
  void aRuleWithACountFiresThatOftenOnItsOperationOnly() {
    Response added = addRule("api", "fintoro", "operationId", "listClients", "status", 503, "count", 2);
    assertThat(added.statusCode()).as(added.asString()).isEqualTo(201);
    assertThat(added.header("Location")).isEqualTo("/__counterfeit/faults/" + json(added).get("id").asLong());

    assertThat(fintoro().get(FINTORO_CLIENTS + "/101").statusCode()).isEqualTo(200);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      statuses.add(fintoro().get(FINTORO_CLIENTS).statusCode());
    }

    assertThat(statuses).containsExactly(503, 503, 200);
    JsonNode rule = json(Api.given(FAKE.server()).get("/__counterfeit/faults")).at("/rules/0");
    assertThat(rule.get("fired").asInt()).isEqualTo(2);
    assertThat(rule.get("remaining").asInt()).isZero();
  }

  @Test
  void aRuleOnAPathTemplateHitsEveryConcretePathAndCarriesItsRetryAfter() {
    assertThat(addRule("api", "fintoro", "path", FINTORO_CLIENTS + "/{client}", "method", "get", "status", "429",
        "retryAfter", 30).statusCode()).isEqualTo(201);

    Response hit = fintoro().get(FINTORO_CLIENTS + "/101");
    assertThat(hit.statusCode()).isEqualTo(429);
    assertThat(hit.header("Retry-After")).isEqualTo("30");
    assertThat(hit.header("X-Counterfeit-Forced")).startsWith("rule ");
    assertThat(fintoro().get(FINTORO_CLIENTS).statusCode()).isEqualTo(200);
  }

  @Test
  void aRuleWithAProbabilityHitsAboutThatShare() {
    addRule("api", "finsync", "path", "/api/clients/*", "status", 500, "probability", 0.5);
    int failed = 0;
    for (int i = 0; i < 120; i++) {
      if (finsync().get("/api/clients/101").statusCode() == 500) {
        failed++;
      }
    }
    // Binomial(120, 0.5): outside 30..90 with a probability below one in a billion.
    assertThat(failed).isBetween(30, 90);
  }

  @Test
  void aDelayOnlyRuleSlowsAnswersButKeepsThem() {
    addRule("api", "finsync", "operationId", "getClient", "delay", "250ms");
    long start = System.nanoTime();
    Response r = finsync().get("/api/clients/101");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(250);
  }

  @Test
  void rulesAreListedRemovedOneByOneClearedAndGoneAfterAReset() {
    long first = json(addRule("api", "fintoro", "status", 500)).get("id").asLong();
    addRule("api", "finsync", "status", 500);
    assertThat(json(Api.given(FAKE.server()).get("/__counterfeit/faults")).get("rules")).hasSize(2);

    assertThat(Api.given(FAKE.server()).delete("/__counterfeit/faults/" + first).statusCode()).isEqualTo(204);
    assertThat(fintoro().get(FINTORO_CLIENTS).statusCode()).isEqualTo(200);
    assertThat(finsync().get("/api/clients").statusCode()).isEqualTo(500);
    assertThat(Api.given(FAKE.server()).delete("/__counterfeit/faults/" + first).statusCode()).isEqualTo(404);

    Response cleared = Api.given(FAKE.server()).delete("/__counterfeit/faults");
    assertThat(json(cleared).get("removed").asInt()).isEqualTo(1);
    assertThat(finsync().get("/api/clients").statusCode()).isEqualTo(200);

    addRule("api", "finsync", "status", 500);
    Api.given(FAKE.server()).post("/__counterfeit/reset?api=fintoro");
    assertThat(finsync().get("/api/clients").statusCode()).isEqualTo(500);
    Api.given(FAKE.server()).post("/__counterfeit/reset?api=finsync");
    assertThat(finsync().get("/api/clients").statusCode()).isEqualTo(200);
  }

  @Test
  void aBadRuleIsA400ThatSaysWhy() {
    assertRefused(addRule("api", "nosuch", "status", 500), "No API 'nosuch'");
    assertRefused(addRule("api", "fintoro", "operationId", "nosuchOperation", "status", 500), "nosuchOperation");
    assertRefused(addRule("api", "fintoro", "status", 404), "429, 500, 503, reset");
    assertRefused(addRule("api", "fintoro"), "Give a status");
    assertRefused(addRule("api", "fintoro", "status", 500, "probability", 1.5), "probability");
    assertRefused(addRule("api", "fintoro", "status", 500, "count", 0), "count");
    assertRefused(addRule("api", "fintoro", "delay", "2h"), "delay");
    assertRefused(addRule("api", "fintoro", "status", 500, "color", "red"), "Unknown field 'color'");
    assertRefused(addRule("api", "fintoro", "status", 500, "retryAfter", 5), "retryAfter");
    assertRefused(Api.given(FAKE.server()).contentType("application/json").body("{oops").post("/__counterfeit/faults"),
        "not valid JSON");
    assertThat(json(Api.given(FAKE.server()).get("/__counterfeit/faults")).get("rules")).isEmpty();
  }

  private static void assertRefused(Response r, String reason) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
    assertThat(json(r).get("error").asText()).contains(reason);
  }
}

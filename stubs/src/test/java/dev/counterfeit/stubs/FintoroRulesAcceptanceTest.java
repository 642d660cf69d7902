package dev.counterfeit.stubs;

import static dev.counterfeit.stubs.testsupport.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.SharedFake;
import dev.counterfeit.stubs.testsupport.MutableClock;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fintoro's rules beyond its schema: inference, idempotency per company, the company rate limit. */
class FintoroRulesAcceptanceTest {
  private static final String CLIENTS = "/api/public/v1/clients";
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

  @RegisterExtension
  static final SharedFake FAKE = new SharedFake(StubServerConfig.builder().port(0).apis(Set.of("fintoro")).clock(clock).build());

  private static RequestSpecification as(String token) {
    return Api.given(FAKE.server()).header("Authorization", "Bearer " + token).contentType("application/json");
  }

  private static JsonNode create(String body) {
    Response r = as("ft_demo_acme_write").body(body).post(CLIENTS);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return json(r);
  }

  private static int clientCount(String token) {
    return json(as(token).get(CLIENTS)).path("data").size();
  }

  @Test
  void typeDefaultsToPersonAndExplicitTypeWinsOverInference() {
    assertThat(create("{\"name\":\"Jana\"}").path("type").asText()).isEqualTo("person");
    assertThat(create("{\"name\":\"Firma\",\"subjectId\":\"12345678\"}").path("type").asText()).isEqualTo("company");
    assertThat(create("{\"name\":\"Firma\",\"taxId\":\"2020\"}").path("type").asText()).isEqualTo("company");
    assertThat(create("{\"name\":\"Self-employed\",\"taxId\":\"2020\",\"type\":\"person\"}").path("type").asText()).isEqualTo("person");
  }

  @Test
  void vatIdMakesAVatPayerUnlessTheFlagIsSent() {
    assertThat(create("{\"name\":\"A\",\"vatId\":\"SK1\"}").path("isVatPayer").asBoolean()).isTrue();
    assertThat(create("{\"name\":\"B\",\"vatId\":\"SK1\",\"isVatPayer\":false}").path("isVatPayer").asBoolean()).isFalse();
    assertThat(create("{\"name\":\"C\"}").path("isVatPayer").asBoolean()).isFalse();
  }

  @Test
  void countryIdsResolveToNestedCountries() {
    JsonNode client = create("{\"name\":\"A\",\"countryId\":203,\"deliveryCountryId\":840}");
    assertThat(client.path("country").path("code").asText()).isEqualTo("CZ");
    assertThat(client.path("country").path("eu").asBoolean()).isTrue();
    assertThat(client.path("deliveryCountry").path("name").asText()).isEqualTo("United States");
    assertThat(client.path("deliveryCountry").path("eu").asBoolean()).isFalse();
    assertThat(client.path("hasDeliveryAddress").asBoolean()).isTrue();
    assertThat(client.has("countryId")).isFalse();
  }

  @Test
  void aDeliveryAddressIsInferredOnEveryWriteAndAnEmptyIdentifierIsNone() {
    JsonNode withDelivery = create("{\"name\":\"A\",\"deliveryCity\":\"Brno\"}");
    assertThat(withDelivery.path("hasDeliveryAddress").asBoolean()).isTrue();
    JsonNode replaced = json(as("ft_demo_acme_write").body("{\"name\":\"A\"}").put(CLIENTS + "/" + withDelivery.path("id").asText()));
    assertThat(replaced.path("hasDeliveryAddress").asBoolean()).as("recomputed when the delivery fields go").isFalse();
    assertThat(create("{\"name\":\"B\",\"subjectId\":\"\"}").path("type").asText()).isEqualTo("person");
  }

  @Test
  void createdAtStaysAndUpdatedAtMovesOnReplace() {
    JsonNode created = create("{\"name\":\"A\"}");
    clock.advance(Duration.ofMinutes(5));
    JsonNode replaced = json(as("ft_demo_acme_write").body("{\"name\":\"B\"}").put(CLIENTS + "/" + created.path("id").asText()));
    assertThat(replaced.path("createdAt").asText()).isEqualTo(created.path("createdAt").asText());
    assertThat(Instant.parse(replaced.path("updatedAt").asText())).isAfter(Instant.parse(created.path("updatedAt").asText()));
  }

  @Test
  void idempotencyKeysArePerCompanyAndARetryCreatesNothing() {
    String body = "{\"name\":\"Retry s.r.o.\"}";
    int before = clientCount("ft_demo_acme_write");
    Response first = as("ft_demo_acme_write").header("Idempotency-Key", "k-1").body(body).post(CLIENTS);
    Response retry = as("ft_demo_acme_write").header("Idempotency-Key", "k-1").body(body).post(CLIENTS);
    assertThat(first.header("Idempotency-Status")).isEqualTo("Original");
    assertThat(retry.header("Idempotency-Status")).isEqualTo("Repeated");
    assertThat(retry.header("Idempotency-Key")).isEqualTo("k-1");
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(json(retry)).isEqualTo(json(first));
    assertThat(clientCount("ft_demo_acme_write")).isEqualTo(before + 1);
    // The same key in another company is a new request there.
    Response other = as("ft_demo_globex_write").header("Idempotency-Key", "k-1").body(body).post(CLIENTS);
    assertThat(other.header("Idempotency-Status")).isEqualTo("Original");
    assertThat(json(other).path("id").asLong()).isNotEqualTo(json(first).path("id").asLong());
  }

  @Test
  void failedRequestIsNotRememberedUnderItsKey() {
    assertThat(as("ft_demo_acme_write").header("Idempotency-Key", "k-2").body("{}").post(CLIENTS).statusCode()).isEqualTo(422);
    Response fixed = as("ft_demo_acme_write").header("Idempotency-Key", "k-2").body("{\"name\":\"Now valid\"}").post(CLIENTS);
    assertThat(fixed.statusCode()).isEqualTo(201);
    assertThat(fixed.header("Idempotency-Status")).isEqualTo("Original");
  }

  @Test
  void everyAnswerCarriesRateLimitCountersAndTheHundredTwentyFirstRequestIsRefused() {
    Response first = as("ft_demo_acme_read").get(CLIENTS);
    assertThat(first.header("X-RateLimit-Limit")).isEqualTo("120");
    assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("119");
    assertThat(first.header("X-Request-Id")).isNotBlank();
    for (int i = 1; i < 120; i++) {
      // Both tokens of the company share its budget.
      assertThat(as(i % 2 == 0 ? "ft_demo_acme_read" : "ft_demo_acme_write").get(CLIENTS + "/101").statusCode()).isEqualTo(200);
    }
    Response limited = as("ft_demo_acme_read").get(CLIENTS);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(json(limited).path("message").asText()).isEqualTo("Too Many Attempts.");
    assertThat(limited.header("Retry-After")).isNotNull();
    assertThat(Long.parseLong(limited.header("X-RateLimit-Reset"))).isGreaterThan(clock.instant().getEpochSecond());
    assertThat(as("ft_demo_globex_write").get(CLIENTS).statusCode()).as("another company").isEqualTo(200);
    clock.advance(Duration.ofSeconds(61));
    assertThat(as("ft_demo_acme_read").get(CLIENTS).statusCode()).isEqualTo(200);
  }
}

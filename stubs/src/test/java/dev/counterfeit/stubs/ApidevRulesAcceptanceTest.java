package dev.counterfeit.stubs;

import static dev.counterfeit.stubs.testsupport.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.SharedFake;
import dev.counterfeit.stubs.testsupport.MutableClock;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** apidev's rules beyond its schema: rate limits, login lockout, JWT lifetime. Rate limits are on here. */
class ApidevRulesAcceptanceTest {
  private static final String HOST = "demo.geotareas.com";
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

  @RegisterExtension
  static final SharedFake FAKE = new SharedFake(StubServerConfig.builder().port(0).apis(java.util.Set.of("apidev")).clock(clock).build());

  private Response login(String email, String password) {
    return Api.given(FAKE.server()).header("tenant", HOST).contentType("application/json")
        .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").post("/apidev/v1/login");
  }

  private RequestSpecification authed(String jwt) {
    return Api.given(FAKE.server()).header("tenant", HOST).header("X-API-Key", "gtk_demo_acme").header("Authorization", "Bearer " + jwt);
  }

  private String jwt() {
    Response r = login("admin@acme.test", "demo-password");
    assertThat(r.statusCode()).isEqualTo(200);
    return json(r).at("/data/authorization").asText();
  }

  @Test
  void eleventhRequestToARouteWithinAMinuteIsRateLimitedWithRetryAfter() {
    String jwt = jwt();
    for (int i = 0; i < 10; i++) {
      assertThat(authed(jwt).get("/apidev/v1/clients").statusCode()).as("request %d", i + 1).isEqualTo(200);
    }
    Response limited = authed(jwt).get("/apidev/v1/clients");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(json(limited).at("/error/code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(json(limited).path("success").asBoolean(true)).isFalse();
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    // Another route has its own budget.
    assertThat(authed(jwt).get("/apidev/v1/clients/900000000000000001").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(61));
    assertThat(authed(jwt).get("/apidev/v1/clients").statusCode()).isEqualTo(200);
  }

  @Test
  void fiveFailedLoginsLockTheAccountForSixtySecondsEvenForTheRightPassword() {
    for (int i = 0; i < 5; i++) {
      assertThat(login("admin@acme.test", "wrong").statusCode()).isEqualTo(401);
    }
    clock.advance(Duration.ofSeconds(31)); // past the 5-per-30 s window: only the lock refuses now
    Response locked = login("admin@acme.test", "demo-password");
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(json(locked).at("/error/code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(locked.header("Retry-After")).isNotNull();
    clock.advance(Duration.ofSeconds(30));
    assertThat(login("admin@acme.test", "demo-password").statusCode()).isEqualTo(200);
  }

  @Test
  void sixthLoginAttemptWithinThirtySecondsIsRateLimited() {
    for (int i = 0; i < 5; i++) {
      assertThat(login("viewer@acme.test", "demo-password").statusCode()).isEqualTo(200);
    }
    assertThat(login("viewer@acme.test", "demo-password").statusCode()).isEqualTo(429);
    assertThat(login("admin@acme.test", "demo-password").statusCode()).as("another account").isEqualTo(200);
  }

  @Test
  void jwtStopsWorkingAfterOneHour() {
    String jwt = jwt();
    clock.advance(Duration.ofMinutes(59));
    assertThat(authed(jwt).get("/apidev/v1/clients/900000000000000001").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(2));
    Response expired = authed(jwt).get("/apidev/v1/clients/900000000000000001");
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(json(expired).at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void eachOfTheThreeHeadersIsRequiredAndMissingOneIsBadRequest() {
    String jwt = jwt();
    Response noKey = Api.given(FAKE.server()).header("tenant", HOST).header("Authorization", "Bearer " + jwt).get("/apidev/v1/clients");
    Response noTenant = Api.given(FAKE.server()).header("X-API-Key", "gtk_demo_acme").header("Authorization", "Bearer " + jwt).get("/apidev/v1/clients");
    Response noJwt = Api.given(FAKE.server()).header("tenant", HOST).header("X-API-Key", "gtk_demo_acme").get("/apidev/v1/clients");
    for (Response r : new Response[] {noKey, noTenant, noJwt}) {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).at("/error/code").asText()).isEqualTo("BAD_REQUEST");
    }
  }

  @Test
  void credentialsOfAnotherTenantDoNotMix() {
    String jwt = jwt();
    Response mixed = Api.given(FAKE.server()).header("tenant", "other.geotareas.com").header("X-API-Key", "gtk_demo_acme")
        .header("Authorization", "Bearer " + jwt).get("/apidev/v1/clients");
    assertThat(mixed.statusCode()).isEqualTo(401);
  }

  @Test
  void rateLimitsCanBeSwitchedOffForFrontendWork() {
    try (CounterfeitServer relaxed = CounterfeitServer.start(StubServerConfig.builder().port(0)
        .apis(java.util.Set.of("apidev")).rateLimits(false).build())) {
      String token = json(Api.given(relaxed).header("tenant", HOST).contentType("application/json")
          .body("{\"email\":\"admin@acme.test\",\"password\":\"demo-password\"}").post("/apidev/v1/login")).at("/data/authorization").asText();
      for (int i = 0; i < 15; i++) {
        assertThat(Api.given(relaxed).header("tenant", HOST).header("X-API-Key", "gtk_demo_acme")
            .header("Authorization", "Bearer " + token).get("/apidev/v1/clients").statusCode()).isEqualTo(200);
      }
    }
  }
}

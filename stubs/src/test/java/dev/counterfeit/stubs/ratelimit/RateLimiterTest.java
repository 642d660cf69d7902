package dev.counterfeit.stubs.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.stubs.store.memory.InMemoryStores;
import dev.counterfeit.stubs.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static Operation login(String account) {
    return ApiModel.compile(ApiSpec.fromText("t", """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        servers: [{url: "https://t.test"}]
        security: []
        paths:
          /login:
            post:
              operationId: login
              x-counterfeit-action: custom
              x-counterfeit-handler: login
              x-counterfeit-resource: users
              x-counterfeit-rate-limit: {requests: 2, seconds: 30, per: account, account: %s}
              responses:
                '200': {description: ok}
        """.formatted(account))).operation("login");
  }

  private static HttpRequest request(String host, String body) {
    return new HttpRequest("POST", "/login", Map.of(), host == null ? Map.of() : Map.of("tenant", List.of(host)),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private final RateLimiter limiter =
      new RateLimiter(new InMemoryStores().rateWindows(), new MutableClock(Instant.parse("2026-01-01T00:00:00Z")), true);

  @Test
  void aPerAccountLimitCountsTheHeaderAndBodyFieldTheSpecNamesIgnoringCase() {
    Operation op = login("{header: tenant, field: email}");
    assertThat(limiter.count("t", op, null, request("acme.test", "{\"email\":\"a@x.test\"}")).stopped()).isFalse();
    assertThat(limiter.count("t", op, null, request("ACME.test", "{\"email\":\"A@x.test\"}")).stopped()).isFalse();
    var third = limiter.count("t", op, null, request("acme.test", "{\"email\":\"a@x.test\"}"));
    assertThat(third.stopped()).isTrue();
    assertThat(third.problem().kind()).isEqualTo(ProblemKind.RATE_LIMITED);
    // Another account, or the same e-mail under another tenant host, has a window of its own.
    assertThat(limiter.count("t", op, null, request("acme.test", "{\"email\":\"b@x.test\"}")).stopped()).isFalse();
    assertThat(limiter.count("t", op, null, request("globex.test", "{\"email\":\"a@x.test\"}")).stopped()).isFalse();
  }

  @Test
  void aBodyThatDoesNotParseStillCountsForTheAccountItsHeaderNames() {
    Operation op = login("{header: tenant, field: email}");
    limiter.count("t", op, null, request("acme.test", "{not json"));
    limiter.count("t", op, null, request("acme.test", ""));
    assertThat(limiter.count("t", op, null, request("acme.test", "{\"password\":\"x\"}")).stopped()).isTrue();
  }

  @Test
  void anAccountNamedByTheBodyFieldAloneIgnoresHeaders() {
    Operation op = login("{field: email}");
    limiter.count("t", op, null, request("acme.test", "{\"email\":\"a@x.test\"}"));
    limiter.count("t", op, null, request("globex.test", "{\"email\":\"a@x.test\"}"));
    assertThat(limiter.count("t", op, null, request(null, "{\"email\":\"a@x.test\"}")).stopped()).isTrue();
  }
}

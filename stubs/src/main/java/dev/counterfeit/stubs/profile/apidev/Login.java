package dev.counterfeit.stubs.profile.apidev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.profile.HandlerContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /login}: the seed's users log in with e-mail and password under their tenant host and get a JWT
 * that authenticates for one hour, with the user's permissions, as the real API's does. While limits are on,
 * an account locked after repeated failures is refused even with the right password.
 */
final class Login {
  private static final Duration LIFETIME = Duration.ofHours(1);

  private Login() {}

  static HttpResponse handle(HandlerContext ctx) {
    String tenantHost = ctx.request().header("tenant");
    String email = ctx.body().path("email").asText();
    String password = ctx.body().path("password").asText();
    String account = LoginGuard.account(tenantHost, email);
    Instant now = ctx.now();
    JsonNode user = user(ctx, tenantHost, email, password);
    Optional<Instant> locked = ctx.writeVendorState(data -> {
      Optional<Instant> until = ctx.limitsEnforced() ? LoginGuard.lockedUntil(data, account, now) : Optional.empty();
      if (until.isEmpty()) {
        if (user == null) {
          LoginGuard.failed(data, account, now);
        } else {
          LoginGuard.succeeded(data, account);
        }
      }
      return until;
    });
    if (locked.isPresent()) {
      long seconds = Math.max(1, Duration.between(now, locked.get()).toSeconds());
      return ApidevProfile.error(429, "RATE_LIMITED",
              "Account locked after repeated failed logins; try again in " + seconds + " s.")
          .withHeader("Retry-After", Long.toString(seconds));
    }
    if (user == null) {
      return ApidevProfile.error(401, "UNAUTHORIZED", "Invalid email or password.");
    }
    Set<String> grants = new HashSet<>();
    user.path("grants").forEach(g -> grants.add(g.asText()));
    ObjectNode claims = JsonNodeFactory.instance.objectNode().put("sub", email).put("tenant", tenantHost);
    grants.stream().sorted().forEach(claims.putArray("permissions")::add);
    String token = ctx.issueToken("bearerAuth", user.path("tenant").asText(), grants, LIFETIME, claims);
    return ctx.answer(JsonNodeFactory.instance.objectNode().put("authorization", token));
  }

  private static JsonNode user(HandlerContext ctx, String tenantHost, String email, String password) {
    for (JsonNode user : ctx.seedSection("users")) {
      if (user.path("host").asText().equalsIgnoreCase(tenantHost)
          && user.path("email").asText().equalsIgnoreCase(email)
          && user.path("password").asText().equals(password)) {
        return user;
      }
    }
    return null;
  }
}

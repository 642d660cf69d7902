package dev.counterfeit.stubs.profile.apidev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.action.HandlerContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /login}: the seed's users log in with e-mail and password under their tenant host (where both travel
 * is the spec's {@code account} handler setting) and get a JWT with the user's permissions that authenticates for
 * as long as the spec's {@code token} handler setting says (an hour, as the real API's). While limits are on, an account locked after repeated failures is refused even
 * with the right password.
 */
final class Login {
  private Login() {}

  static HttpResponse handle(HandlerContext ctx) {
    JsonNode settings = ctx.operation().handlerSettings();
    String tenantHost = ctx.request().header(settings.path("account").path("header").asText());
    String email = ctx.body().path(settings.path("account").path("field").asText()).asText();
    String password = ctx.body().path("password").asText();
    String account = LoginGuard.account(tenantHost, email);
    Instant now = ctx.now();
    LoginGuard guard = LoginGuard.of(settings.path("lockout"));
    JsonNode user = user(ctx, tenantHost, email, password);
    Optional<Instant> locked = ctx.writeVendorState(data -> {
      Optional<Instant> until = ctx.limitsEnforced() ? guard.lockedUntil(data, account, now) : Optional.empty();
      if (until.isEmpty()) {
        if (user == null) {
          guard.failed(data, account, now);
        } else {
          guard.succeeded(data, account);
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
    JsonNode token = settings.path("token");
    String jwt = ctx.issueToken(token.path("scheme").asText(), user.path("tenant").asText(), grants,
        Duration.ofSeconds(token.path("seconds").asLong()), claims);
    return ctx.answer(JsonNodeFactory.instance.objectNode().put("authorization", jwt));
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

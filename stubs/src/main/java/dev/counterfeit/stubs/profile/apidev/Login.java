package dev.counterfeit.stubs.profile.apidev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.RateLimit;
import dev.counterfeit.stubs.action.HandlerContext;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemException;
import dev.counterfeit.stubs.problem.ProblemKind;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /login}: the seed's users log in with e-mail and password under their tenant host (where both travel
 * is the {@code account} of the login's per-account rate limit) and get a JWT with the user's permissions that
 * authenticates for as long as the spec's {@code token} handler setting says (an hour, as the real API's). While
 * limits are on, an account locked after repeated failures is refused even with the right password. Refusals
 * are problems in the login's own words, answered with the status and code the spec gives their kind.
 */
final class Login {
  private Login() {}

  static HttpResponse handle(HandlerContext ctx) {
    JsonNode settings = ctx.operation().handlerSettings();
    RateLimit.Account named = accountOf(ctx.operation());
    String tenantHost = ctx.request().header(named.header());
    String email = ctx.body().path(named.field()).asText();
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
      throw new ProblemException(Problem.worded(ProblemKind.RATE_LIMITED,
              "Account locked after repeated failed logins; try again in " + seconds + " s.")
          .withHeader("Retry-After", Long.toString(seconds)));
    }
    if (user == null) {
      throw new ProblemException(Problem.worded(ProblemKind.INVALID_CREDENTIALS, "Invalid email or password."));
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

  /** Where a login names its account: the header and body field its per-account rate limit counts by. */
  private static RateLimit.Account accountOf(Operation login) {
    RateLimit limit = login.rateLimit();
    if (limit == null || limit.account() == null || limit.account().header() == null
        || limit.account().field() == null) {
      throw new IllegalStateException(login + ": a login needs a per-account x-counterfeit-rate-limit whose "
          + "account names the tenant header and the e-mail field");
    }
    return limit.account();
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

package dev.counterfeit.stubs.profile.apidev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.profile.HandlerContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code POST /login}: the seed's users log in with e-mail and password under their tenant host and get a JWT
 * that authenticates for one hour, with the user's permissions, as the real API's does.
 */
final class Login {
  private static final Duration LIFETIME = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final LoginGuard guard;

  Login(LoginGuard guard) {
    this.guard = guard;
  }

  HttpResponse handle(HandlerContext ctx) {
    String tenantHost = ctx.request().header("tenant");
    String email = ctx.body().path("email").asText();
    String password = ctx.body().path("password").asText();
    for (JsonNode user : ctx.seedSection("users")) {
      if (user.path("host").asText().equalsIgnoreCase(tenantHost)
          && user.path("email").asText().equalsIgnoreCase(email)
          && user.path("password").asText().equals(password)) {
        Set<String> grants = new HashSet<>();
        user.path("grants").forEach(g -> grants.add(g.asText()));
        guard.succeeded(LoginGuard.account(tenantHost, email));
        String token = jwt(email, tenantHost, grants, ctx.now());
        ctx.issueCredential("bearerAuth", token, user.path("tenant").asText(), grants, LIFETIME);
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("authorization", token);
        return ctx.answer(answer);
      }
    }
    guard.failed(LoginGuard.account(tenantHost, email), ctx.now());
    return ApidevProfile.error(401, "UNAUTHORIZED", "Invalid email or password.");
  }

  /** A well-formed JWT (HS256 header, claims, random signature); the fake recognises it by its registry. */
  private static String jwt(String email, String tenant, Set<String> grants, Instant issued) {
    String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    long now = issued.getEpochSecond();
    ObjectNode claims = JsonNodeFactory.instance.objectNode()
        .put("sub", email).put("tenant", tenant).put("iat", now).put("exp", now + LIFETIME.toSeconds());
    grants.stream().sorted().forEach(claims.putArray("permissions")::add);
    byte[] signature = new byte[32];
    RANDOM.nextBytes(signature);
    return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(signature);
  }
}

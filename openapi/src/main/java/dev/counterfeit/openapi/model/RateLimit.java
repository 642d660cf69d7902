package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;

/**
 * A documented rate limit ({@code x-counterfeit-rate-limit}): at most {@code requests} per {@code window},
 * counted per company, per company and operation, or per account.
 */
public record RateLimit(int requests, Duration window, Per per) {

  /** What one counter counts. */
  public enum Per { TENANT, OPERATION, ACCOUNT }

  /** The limit an extension node states, or null for {@code false} or none. */
  static RateLimit of(JsonNode node, String where) {
    if (node == null || node.isMissingNode() || node.isBoolean() && !node.asBoolean()) {
      return null;
    }
    int requests = node.path("requests").asInt(0);
    int seconds = node.path("seconds").asInt(0);
    if (requests <= 0 || seconds <= 0) {
      throw new SpecException(where + ": x-counterfeit-rate-limit needs positive requests and seconds");
    }
    try {
      return new RateLimit(requests, Duration.ofSeconds(seconds),
          Per.valueOf(node.path("per").asText("tenant").toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new SpecException(where + ": x-counterfeit-rate-limit per must be tenant, operation or account");
    }
  }
}

package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;

/**
 * A documented rate limit ({@code x-counterfeit-rate-limit}): at most {@code requests} per {@code window},
 * counted per company, per company and operation, or per account.
 *
 * @param account where a request names the account it counts for; set exactly when {@code per} is
 *     {@link Per#ACCOUNT}
 */
public record RateLimit(int requests, Duration window, Per per, Account account) {

  /** What one counter counts. */
  public enum Per { TENANT, OPERATION, ACCOUNT }

  /**
   * Where a request names its account ({@code account: {header: tenant, field: email}}): a header, a top-level
   * body field, or both (a login's tenant host and e-mail); null for the part the vendor does not use.
   */
  public record Account(String header, String field) {}

  /** A limit counted per company or per operation. */
  public RateLimit(int requests, Duration window, Per per) {
    this(requests, window, per, null);
  }

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
    Per per;
    try {
      per = Per.valueOf(node.path("per").asText("tenant").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SpecException(where + ": x-counterfeit-rate-limit per must be tenant, operation or account");
    }
    JsonNode account = node.path("account");
    if (per != Per.ACCOUNT) {
      if (!account.isMissingNode()) {
        throw new SpecException(where + ": x-counterfeit-rate-limit names an account but counts per " + per.name()
            .toLowerCase(Locale.ROOT));
      }
      return new RateLimit(requests, Duration.ofSeconds(seconds), per);
    }
    String header = account.path("header").asText(null);
    String field = account.path("field").asText(null);
    if (header == null && field == null) {
      throw new SpecException(where + ": x-counterfeit-rate-limit per account needs account: {header, field} "
          + "saying where a request names it");
    }
    return new RateLimit(requests, Duration.ofSeconds(seconds), per, new Account(header, field));
  }
}

package dev.counterfeit.stubs.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.problem.Outcome;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.stubs.security.Principal;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.RateLimit;
import dev.counterfeit.stubs.store.RateWindows;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The step after authentication: counts the request against the operation's documented
 * {@code x-counterfeit-rate-limit}. Limits count authenticated callers before their permissions are checked, as
 * API gateways and Laravel's throttle middleware do, so a 403 still uses up a request and shows the counters.
 * With limits off the counter is only read, since answers still show it. A {@code per: account} limit counts
 * the account its {@code account} names (a login's tenant host and e-mail).
 */
public final class RateLimiter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RateWindows windows;
  private final Clock clock;
  private final boolean enforced;

  public RateLimiter(RateWindows windows, Clock clock, boolean enforced) {
    this.windows = windows;
    this.clock = clock;
    this.enforced = enforced;
  }

  /**
   * Goes on with the caller's counter (null when no limit applies to this request), or stops with RATE_LIMITED
   * and the spent counter when the window is full.
   */
  public Outcome<RateWindows.Decision> count(String vendor, Operation op, Principal principal, HttpRequest request) {
    RateLimit limit = op.rateLimit();
    if (limit == null) {
      return Outcome.goOn(null);
    }
    String key = switch (limit.per()) {
      case TENANT -> principal == null ? null : principal.tenant();
      case OPERATION -> principal == null ? null : principal.tenant() + "\n" + op.operationId();
      case ACCOUNT -> account(limit.account(), request);
    };
    if (key == null) {
      return Outcome.goOn(null);
    }
    key = vendor + "\n" + limit.per() + "\n" + key;
    Instant now = clock.instant();
    if (!enforced) {
      return Outcome.goOn(windows.peek(key, limit.requests(), limit.window(), now));
    }
    RateWindows.Decision rate = windows.hit(key, limit.requests(), limit.window(), now);
    if (rate.allowed()) {
      return Outcome.goOn(rate);
    }
    return Outcome.stop(Problem.of(ProblemKind.RATE_LIMITED,
            "Exceeded " + rate.limit() + " requests per " + limit.window().toSeconds() + " s.")
        .withHeader("Retry-After", Long.toString(rate.retryAfterSeconds(now))), rate);
  }

  /**
   * The account a request counts for: where the limit's {@code account} says, the header and the body field,
   * each lower-cased and "" when absent. The body is read leniently, since the limit counts attempts before the
   * body is validated.
   */
  private static String account(RateLimit.Account account, HttpRequest request) {
    String header = account.header() == null ? null : request.header(account.header());
    String field = account.field() == null ? null : fieldOf(request, account.field());
    return (header == null ? "" : header.toLowerCase(Locale.ROOT)) + "/"
        + (field == null ? "" : field.toLowerCase(Locale.ROOT));
  }

  private static String fieldOf(HttpRequest request, String field) {
    try {
      return JSON.readTree(request.body()).path(field).asText("");
    } catch (IOException e) {
      return "";
    }
  }

  /** Starts one vendor's windows again; every vendor's when null. */
  public void reset(String vendor) {
    windows.clear(vendor == null ? "" : vendor + "\n");
  }
}

package dev.counterfeit.stubs.fault;

import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.store.RateWindows;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.stubs.validation.ValidationReport;
import dev.counterfeit.stubs.validation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failures and delays a tester forces on purpose, per request with headers ({@code X-Counterfeit-Fault: 429},
 * {@code X-Counterfeit-Delay: 300ms}) or with standing {@link FaultRule}s. Off until asked: with no rule and
 * neither header a request costs two header lookups. The engine asks once it knows the operation and the
 * caller, and answers what comes back in the vendor's own envelope and headers.
 *
 * <p>Rules live in memory, per process.
 */
public final class Faults {
  public static final String FAULT_HEADER = "X-Counterfeit-Fault";
  public static final String DELAY_HEADER = "X-Counterfeit-Delay";
  /** Says on a forced answer what forced it ({@code header} or {@code rule 3}), so nobody hunts a real bug. */
  public static final String FORCED_HEADER = "X-Counterfeit-Forced";
  /** The {@code Retry-After} of a 429 forced by header: short, so retrying clients stay fast in tests. */
  public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();

  /** The next rule id. */
  public long nextId() {
    return ids.incrementAndGet();
  }

  public void add(FaultRule rule) {
    rules.add(rule);
  }

  /** The rules in the order they were added, spent ones included. */
  public List<FaultRule> rules() {
    return List.copyOf(rules);
  }

  /** Removes one rule; false when there is none with that id. */
  public boolean remove(long id) {
    return rules.removeIf(rule -> rule.id() == id);
  }

  public void clear() {
    rules.clear();
  }

  /** Removes the rules aimed at one API. */
  public void clear(String api) {
    rules.removeIf(rule -> api.equals(rule.api()));
  }

  /**
   * What to answer instead of the real answer, after waiting out any delay; empty to go on as usual. The
   * request's headers win over the rules; of the rules, the first that matches and fires.
   *
   * @param rate the caller's real rate-limit counter, or null
   * @param now the fake's clock
   */
  public Optional<Forced> force(String vendor, Operation operation, HttpRequest request, RateWindows.Decision rate,
      Instant now) {
    String faultHeader = request.header(FAULT_HEADER);
    String delayHeader = request.header(DELAY_HEADER);
    if (rules.isEmpty() && faultHeader == null && delayHeader == null) {
      return Optional.empty();
    }
    FaultKind fault = null;
    Duration delay = null;
    String by = "header";
    int retryAfter = DEFAULT_RETRY_AFTER_SECONDS;
    if (faultHeader != null || delayHeader != null) {
      if (faultHeader != null) {
        Optional<FaultKind> parsed = FaultKind.parse(faultHeader);
        if (parsed.isEmpty()) {
          return Optional.of(refused(FAULT_HEADER, "enum", Map.of("allowed", FaultKind.ALLOWED), rate));
        }
        fault = parsed.get();
      }
      if (delayHeader != null) {
        Optional<Duration> parsed = Delay.parse(delayHeader);
        if (parsed.isEmpty()) {
          return Optional.of(refused(DELAY_HEADER, "delay", Map.of("limit", Delay.MAX.toSeconds()), rate));
        }
        delay = parsed.get();
      }
    } else {
      FaultRule hit = null;
      for (FaultRule rule : rules) {
        if (!rule.spent() && rule.matches(vendor, operation, request) && rule.fire()) {
          hit = rule;
          break;
        }
      }
      if (hit == null) {
        return Optional.empty();
      }
      fault = hit.fault();
      delay = hit.delay();
      by = "rule " + hit.id();
      retryAfter = hit.retryAfterSeconds();
    }
    if (delay != null) {
      sleep(delay);
    }
    if (fault == null) {
      return Optional.empty();
    }
    if (fault == FaultKind.RESET) {
      return Optional.of(Forced.connectionReset());
    }
    Problem problem = Problem.of(fault.problem(), fault.detail()).withHeader(FORCED_HEADER, by);
    if (fault != FaultKind.TOO_MANY_REQUESTS) {
      return Optional.of(new Forced(problem, rate));
    }
    Instant resetAt = now.plusSeconds(retryAfter);
    // The counters show the window spent, as after a real 429; a route without a documented limit shows none.
    RateWindows.Decision spent = rate != null ? new RateWindows.Decision(false, rate.limit(), 0, resetAt)
        : operation.rateLimit() != null ? new RateWindows.Decision(false, operation.rateLimit().requests(), 0, resetAt)
        : null;
    return Optional.of(new Forced(problem.withHeader("Retry-After", Integer.toString(retryAfter)), spent));
  }

  private static Forced refused(String header, String key, Map<String, Object> args, RateWindows.Decision rate) {
    return new Forced(Problem.invalid(ValidationReport.of(new Violation(Violation.Location.HEADER, header, key, args))),
        rate);
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.counterfeit.stubs.fault;

import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.store.RateWindows;

/**
 * What a tester forced on a request instead of its real answer.
 *
 * @param problem the error to answer in the vendor's envelope; null when the connection is to be dropped
 * @param rate the rate-limit counter the vendor's headers show (a forced 429 shows it spent), or null
 */
public record Forced(Problem problem, RateWindows.Decision rate) {

  /** Close the connection without an answer. */
  public static Forced connectionReset() {
    return new Forced(null, null);
  }

  public boolean dropsConnection() {
    return problem == null;
  }
}

package dev.counterfeit.stubs.problem;

/**
 * What one step of the request pipeline decided: go on, with what it found (the caller, the rate counter, the
 * typed request, the answer), or stop with a problem that the respond step puts into the vendor's words. Steps
 * return it instead of throwing, as WireMock's request filters answer {@code continueWith} or {@code stopWith}.
 *
 * @param <T> what the step finds; null when it found nothing (a public route has no caller)
 */
public final class Outcome<T> {
  /** Going on with nothing found is the common case; it costs no allocation. */
  private static final Outcome<?> NOTHING = new Outcome<>(null, null);

  private final T found;
  private final Problem problem;

  private Outcome(T found, Problem problem) {
    this.found = found;
    this.problem = problem;
  }

  /** Go on to the next step with what this one found (may be null). */
  @SuppressWarnings("unchecked")
  public static <T> Outcome<T> goOn(T found) {
    return found == null ? (Outcome<T>) NOTHING : new Outcome<>(found, null);
  }

  /** Stop here: the request is answered with this problem. */
  public static <T> Outcome<T> stop(Problem problem) {
    return new Outcome<>(null, problem);
  }

  /** Stop here, and keep what the step found for the answer (a refused request's rate counter, for its headers). */
  public static <T> Outcome<T> stop(Problem problem, T found) {
    return new Outcome<>(found, problem);
  }

  public boolean stopped() {
    return problem != null;
  }

  /** What the step found, or null. */
  public T found() {
    return found;
  }

  /** Why the step stopped, or null when it goes on. */
  public Problem problem() {
    return problem;
  }
}

package dev.counterfeit.conformance.exec;

/** A case cannot be run here (a credential is not configured, a prerequisite item could not be made). */
public final class CannotRun extends RuntimeException {
  public CannotRun(String reason) {
    super(reason);
  }
}

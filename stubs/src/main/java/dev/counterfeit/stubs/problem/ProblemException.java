package dev.counterfeit.stubs.problem;

/** Stops an operation with a problem; the engine renders it in the vendor's envelope and stores nothing. */
public class ProblemException extends RuntimeException {
  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}

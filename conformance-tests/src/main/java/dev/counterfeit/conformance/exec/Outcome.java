package dev.counterfeit.conformance.exec;

/**
 * What running one case found.
 *
 * @param verdict pass, fail or aborted
 * @param expected what the spec demands, in a few words ({@code 422 + ValidationError})
 * @param actual what the implementation answered, in a few words
 * @param detail the full story for a failure or the reason for an abort; empty on a pass
 */
public record Outcome(Verdict verdict, String expected, String actual, String detail) {

  /** The three results of a case. */
  public enum Verdict {
    PASS,
    FAIL,
    ABORTED
  }

  public static Outcome pass(String expected, String actual) {
    return new Outcome(Verdict.PASS, expected, actual, "");
  }

  public static Outcome fail(String expected, String actual, String detail) {
    return new Outcome(Verdict.FAIL, expected, actual, detail);
  }

  public static Outcome aborted(String expected, String reason) {
    return new Outcome(Verdict.ABORTED, expected, "not run", reason);
  }
}

package dev.counterfeit.stubs.problem;

import dev.counterfeit.stubs.validation.ValidationReport;
import java.util.Map;

/**
 * A request the fake refuses, before it is put into a vendor's words.
 *
 * @param detail a neutral sentence for envelopes that carry one message
 * @param report the violations, for {@link ProblemKind#INVALID_REQUEST}; empty otherwise
 * @param headers headers the answer must carry whatever the envelope ({@code Allow}, {@code Retry-After})
 * @param worded whether the detail is the vendor's own words for this case, answered even where its spec fixes
 *     the kind's message
 */
public record Problem(ProblemKind kind, String detail, ValidationReport report, Map<String, String> headers,
    boolean worded) {

  public Problem {
    headers = Map.copyOf(headers);
  }

  public static Problem of(ProblemKind kind, String detail) {
    return new Problem(kind, detail, ValidationReport.empty(), Map.of(), false);
  }

  /**
   * A problem a handler words itself: its message stands where the spec gives the kind a fixed one (a login
   * that answers "Invalid email or password." where other 401s say the token is invalid).
   */
  public static Problem worded(ProblemKind kind, String message) {
    return new Problem(kind, message, ValidationReport.empty(), Map.of(), true);
  }

  public static Problem invalid(ValidationReport report) {
    return new Problem(ProblemKind.INVALID_REQUEST, "The request is invalid.", report, Map.of(), false);
  }

  public Problem withHeader(String name, String value) {
    Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Problem(kind, detail, report, copy, worded);
  }
}

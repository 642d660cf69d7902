package dev.counterfeit.stubs.problem;

import dev.counterfeit.stubs.validation.ValidationReport;
import java.util.Map;

/**
 * A request the fake refuses, before it is put into a vendor's words.
 *
 * @param detail a neutral sentence for envelopes that carry one message
 * @param report the violations, for {@link ProblemKind#INVALID_REQUEST}; empty otherwise
 * @param headers headers the answer must carry whatever the envelope ({@code Allow}, {@code Retry-After})
 */
public record Problem(ProblemKind kind, String detail, ValidationReport report, Map<String, String> headers) {

  public Problem {
    headers = Map.copyOf(headers);
  }

  public static Problem of(ProblemKind kind, String detail) {
    return new Problem(kind, detail, ValidationReport.empty(), Map.of());
  }

  public static Problem invalid(ValidationReport report) {
    return new Problem(ProblemKind.INVALID_REQUEST, "The request is invalid.", report, Map.of());
  }

  public Problem withHeader(String name, String value) {
    Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Problem(kind, detail, report, copy);
  }
}

package dev.counterfeit.stubs.fault;

import dev.counterfeit.stubs.problem.ProblemKind;
import java.util.Locale;
import java.util.Optional;

/** The failures a tester can force: three statuses and a dropped connection. */
public enum FaultKind {
  TOO_MANY_REQUESTS("429", ProblemKind.RATE_LIMITED, "Too many requests."),
  INTERNAL_ERROR("500", ProblemKind.INTERNAL, "Internal server error."),
  UNAVAILABLE("503", ProblemKind.UNAVAILABLE, "Service unavailable; try again later."),
  RESET("reset", null, null);

  /** The accepted values, for messages. */
  public static final String ALLOWED = "429, 500, 503, reset";

  private final String token;
  private final ProblemKind problem;
  private final String detail;

  FaultKind(String token, ProblemKind problem, String detail) {
    this.token = token;
    this.problem = problem;
    this.detail = detail;
  }

  /** The kind a header or rule names ({@code 429}, {@code reset}), ignoring case and spaces. */
  public static Optional<FaultKind> parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (FaultKind kind : values()) {
      if (kind.token.equals(wanted)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** How it is written in headers and rules. */
  public String token() {
    return token;
  }

  ProblemKind problem() {
    return problem;
  }

  String detail() {
    return detail;
  }
}

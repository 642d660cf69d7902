package dev.counterfeit.stubs.problem;

import dev.counterfeit.openapi.Problems;
import dev.counterfeit.openapi.model.SpecException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one vendor answers each kind of problem, prepared once at start from its spec's
 * {@code x-counterfeit-problems}: the status, error code and message its profile puts into its envelope. A kind
 * the spec does not list answers its {@link ProblemKind#defaultStatus()}, no code and the problem's own detail.
 */
public final class ProblemAnswers {
  /** A vendor whose spec lists no problem: every kind answers its default. */
  public static final ProblemAnswers DEFAULTS = new ProblemAnswers(new EnumMap<>(ProblemKind.class));

  private final Map<ProblemKind, Problems.Answer> answers;

  private ProblemAnswers(Map<ProblemKind, Problems.Answer> answers) {
    this.answers = answers;
  }

  /**
   * One problem's answer.
   *
   * @param code the vendor's error code, or null where its errors carry none
   * @param message the spec's fixed message for the kind, else the problem's own detail
   */
  public record Answer(int status, String code, String message) {}

  /** The answers a spec lists; a name that is no {@link ProblemKind#key()} fails, so a typo cannot pass unnoticed. */
  public static ProblemAnswers from(String vendor, Problems problems) {
    Map<String, ProblemKind> byKey = Arrays.stream(ProblemKind.values())
        .collect(Collectors.toMap(ProblemKind::key, kind -> kind));
    EnumMap<ProblemKind, Problems.Answer> answers = new EnumMap<>(ProblemKind.class);
    problems.answers().forEach((name, answer) -> {
      ProblemKind kind = byKey.get(name);
      if (kind == null) {
        throw new SpecException(vendor + ": x-counterfeit-problems." + name + " names no problem; known: "
            + String.join(", ", byKey.keySet().stream().sorted().toList()));
      }
      answers.put(kind, answer);
    });
    return new ProblemAnswers(answers);
  }

  /** What the vendor answers this problem; a {@link Problem#worded()} one keeps its own detail as the message. */
  public Answer of(Problem problem) {
    return of(problem.kind(), problem.detail(), problem.worded());
  }

  /** What the vendor answers a problem of this kind whose own detail is {@code detail}. */
  public Answer of(ProblemKind kind, String detail) {
    return of(kind, detail, false);
  }

  private Answer of(ProblemKind kind, String detail, boolean worded) {
    Problems.Answer answer = answers.get(kind);
    if (answer == null) {
      return new Answer(kind.defaultStatus(), null, detail);
    }
    return new Answer(answer.status(), answer.code().orElse(null),
        worded ? detail : answer.message().orElse(detail));
  }

  /** The status the vendor answers a problem of this kind with. */
  public int status(ProblemKind kind) {
    Problems.Answer answer = answers.get(kind);
    return answer == null ? kind.defaultStatus() : answer.status();
  }
}

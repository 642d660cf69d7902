package dev.counterfeit.stubs.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemAnswersTest {

  private static ProblemAnswers answers(String problems) {
    return ProblemAnswers.from("t", ApiSpec.fromText("t", "openapi: 3.1.0\n" + problems + "\npaths: {}\n").problems());
  }

  @Test
  void aListedKindAnswersTheSpecsStatusCodeAndFixedMessage() {
    ProblemAnswers answers = answers(
        "x-counterfeit-problems: {malformed-body: {status: 400, code: BAD_REQUEST, message: Malformed JSON body.}}");
    assertThat(answers.of(Problem.of(ProblemKind.MALFORMED_BODY, "Unexpected end of input.")))
        .isEqualTo(new ProblemAnswers.Answer(400, "BAD_REQUEST", "Malformed JSON body."));
    assertThat(answers.status(ProblemKind.MALFORMED_BODY)).isEqualTo(400);
  }

  @Test
  void withoutAFixedMessageTheProblemsOwnDetailIsAnswered() {
    ProblemAnswers answers = answers("x-counterfeit-problems: {rate-limited: {status: 429, code: RATE_LIMITED}}");
    assertThat(answers.of(Problem.of(ProblemKind.RATE_LIMITED, "Exceeded 10 requests per 60 s.")))
        .isEqualTo(new ProblemAnswers.Answer(429, "RATE_LIMITED", "Exceeded 10 requests per 60 s."));
  }

  @Test
  void aKindTheSpecDoesNotListAnswersItsDefaultStatusNoCodeAndItsDetail() {
    ProblemAnswers answers = answers("x-counterfeit-problems: {not-found: {status: 410}}");
    assertThat(answers.of(Problem.of(ProblemKind.CONFLICT, "Already there.")))
        .isEqualTo(new ProblemAnswers.Answer(409, null, "Already there."));
    assertThat(ProblemAnswers.DEFAULTS.status(ProblemKind.NOT_FOUND)).isEqualTo(404);
  }

  @Test
  void aWordedProblemKeepsItsOwnMessageWhereTheSpecFixesTheKinds() {
    ProblemAnswers answers = answers(
        "x-counterfeit-problems: {invalid-credentials: {status: 401, code: UNAUTHORIZED, message: Invalid token.}}");
    assertThat(answers.of(Problem.worded(ProblemKind.INVALID_CREDENTIALS, "Invalid email or password.")))
        .isEqualTo(new ProblemAnswers.Answer(401, "UNAUTHORIZED", "Invalid email or password."));
    assertThat(answers.of(Problem.worded(ProblemKind.INVALID_CREDENTIALS, "x").withHeader("A", "b")).message())
        .isEqualTo("x");
  }

  @Test
  void aNameThatIsNoProblemKindFailsAtStart() {
    assertThatThrownBy(() -> answers("x-counterfeit-problems: {not-fund: {status: 404}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("x-counterfeit-problems.not-fund names no problem")
        .hasMessageContaining("not-found");
  }

  @Test
  void everyKindHasTheKebabCaseKeyTheSpecsUse() {
    assertThat(ProblemKind.MALFORMED_BODY.key()).isEqualTo("malformed-body");
    assertThat(ProblemKind.NO_ROUTE.key()).isEqualTo("no-route");
    for (String vendor : List.of("apidev", "finsync", "fintoro", "flowtly")) {
      ProblemAnswers.from(vendor, ApiSpec.load(vendor).problems());
    }
  }

  @Test
  void apidevListsEveryKindWithTheCodeItsEnvelopeNeeds() {
    ProblemAnswers apidev = ProblemAnswers.from("apidev", ApiSpec.load("apidev").problems());
    for (ProblemKind kind : ProblemKind.values()) {
      assertThat(apidev.of(kind, "detail").code()).as(kind.key()).isNotNull();
    }
  }
}

package dev.counterfeit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  private static ApiSpec spec(String problems) {
    return ApiSpec.fromText("t", "openapi: 3.1.0\n" + problems + "\npaths: {}\n");
  }

  @Test
  void readsEachProblemsStatusCodeAndMessageFromTheDocumentRoot() {
    Problems problems = spec("""
        x-counterfeit-problems:
          malformed-body: {status: 400, code: BAD_REQUEST, message: Malformed JSON body.}
          rate-limited: {status: 429, code: RATE_LIMITED}
          not-found: {status: 404}
        """).problems();
    assertThat(problems.answer("malformed-body"))
        .contains(new Problems.Answer(400, Optional.of("BAD_REQUEST"), Optional.of("Malformed JSON body.")));
    assertThat(problems.answer("rate-limited")).contains(new Problems.Answer(429, Optional.of("RATE_LIMITED"), Optional.empty()));
    assertThat(problems.answer("not-found")).contains(new Problems.Answer(404, Optional.empty(), Optional.empty()));
    assertThat(problems.answers().keySet()).containsExactly("malformed-body", "rate-limited", "not-found");
  }

  @Test
  void aProblemTheDocumentDoesNotListHasNoAnswer() {
    assertThat(spec("x-counterfeit-problems: {not-found: {status: 404}}").problems().answer("conflict")).isEmpty();
    assertThat(spec("").problems().answers()).isEmpty();
  }

  @Test
  void annotationsBesideTheAnswerAreNotRead() {
    Problems problems = spec("""
        x-counterfeit-problems:
          x-counterfeit-reason: "why"
          conflict: {status: 400, x-counterfeit-inferred: true, x-counterfeit-reason: "the docs are silent"}
        """).problems();
    assertThat(problems.answers()).containsOnlyKeys("conflict");
    assertThat(problems.answer("conflict")).contains(new Problems.Answer(400, Optional.empty(), Optional.empty()));
  }

  @Test
  void refusesAnAnswerWithoutAStatusAnUnknownKeyOrANameThatIsNotKebabCase() {
    assertThatThrownBy(() -> spec("x-counterfeit-problems: {not-found: {code: NOT_FOUND}}"))
        .hasMessageContaining("x-counterfeit-problems.not-found.status must be an HTTP status");
    assertThatThrownBy(() -> spec("x-counterfeit-problems: {not-found: {status: 4040}}"))
        .hasMessageContaining("must be an HTTP status");
    assertThatThrownBy(() -> spec("x-counterfeit-problems: {not-found: {status: 404, text: gone}}"))
        .hasMessageContaining("unknown key text");
    assertThatThrownBy(() -> spec("x-counterfeit-problems: {NOT_FOUND: {status: 404}}"))
        .hasMessageContaining("kebab-case");
    assertThatThrownBy(() -> spec("x-counterfeit-problems: {not-found: {status: 404, code: 7}}"))
        .hasMessageContaining("not-found.code must be a non-empty string");
  }

  @Test
  void theShippedSpecsListTheirVendorsAnswers() {
    assertThat(ApiSpec.load("apidev").problems().answer("invalid-request"))
        .contains(new Problems.Answer(400, Optional.of("VALIDATION_ERROR"), Optional.of("Invalid parameters.")));
    assertThat(ApiSpec.load("fintoro").problems().answer("invalid-request").map(Problems.Answer::status)).contains(422);
    assertThat(ApiSpec.load("flowtly").problems().answer("missing-credentials").flatMap(Problems.Answer::message))
        .contains("JWT Token not found");
    assertThat(ApiSpec.load("finsync").problems().answer("unsupported-media-type").map(Problems.Answer::status)).contains(400);
    for (String vendor : List.of("apidev", "finsync", "fintoro", "flowtly")) {
      assertThat(ApiSpec.load(vendor).problems().answers()).as(vendor).isNotEmpty();
    }
  }
}

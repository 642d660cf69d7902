package dev.counterfeit.stubs.profile.flowtly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemAnswers;
import dev.counterfeit.stubs.problem.ProblemKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowtlyProfileTest {
  @Test
  void anInvalidRequestWithoutViolationsIsStillA422Problem() {
    HttpResponse answer = new FlowtlyProfile().render(Problem.of(ProblemKind.INVALID_REQUEST, "Refused."),
        ProblemAnswers.from("flowtly", ApiSpec.load("flowtly").problems()), new HttpRequest("POST", "/clients", Map.of(), Map.of(), null));
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.bodyText()).contains("\"detail\":\"Refused.\"");
  }
}

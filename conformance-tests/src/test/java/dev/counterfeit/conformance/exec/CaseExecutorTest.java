package dev.counterfeit.conformance.exec;

import dev.counterfeit.conformance.cases.CaseGenerator;
import dev.counterfeit.conformance.cases.ConformanceCase;
import dev.counterfeit.conformance.cases.Values;
import dev.counterfeit.conformance.testsupport.TinyProfile;
import dev.counterfeit.conformance.testsupport.TinyServer.Defect;
import dev.counterfeit.conformance.testsupport.TinyServer;
import dev.counterfeit.conformance.testsupport.TinySpec;
import dev.counterfeit.openapi.model.ApiModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class CaseExecutorTest {
  private final ApiModel model = TinySpec.model();
  private final TinyProfile profile = new TinyProfile();
  private final List<ConformanceCase> cases = new CaseGenerator(model, profile, new Values("t3st")).generate();

  /** Runs every case against the tiny server with a defect; failures by test name. */
  private Map<String, Outcome> run(Defect defect) {
    return run(model, cases, defect);
  }

  private Map<String, Outcome> run(ApiModel model, List<ConformanceCase> cases, Defect defect) {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    try (TinyServer server = new TinyServer(model, defect);
        Session session = new Session(model, profile, new Http(server.baseUrl()), new Values("t3st"))) {
      CaseExecutor executor = new CaseExecutor(session);
      for (ConformanceCase c : cases) {
        outcomes.put(c.displayName(), executor.execute(c));
      }
    }
    return outcomes;
  }

  private static Map<String, Outcome> failed(Map<String, Outcome> outcomes) {
    Map<String, Outcome> failed = new LinkedHashMap<>();
    outcomes.forEach((name, o) -> {
      if (o.verdict() == Outcome.Verdict.FAIL) {
        failed.put(name, o);
      }
    });
    return failed;
  }

  @Test
  void aCorrectImplementationPassesEveryCase() {
    Map<String, Outcome> outcomes = run(Defect.NONE);
    assertThat(failed(outcomes)).isEmpty();
    // Only the tenant-isolation cases cannot run: the tiny API has no second tenant.
    assertThat(outcomes.values()).filteredOn(o -> o.verdict() == Outcome.Verdict.ABORTED)
        .allMatch(o -> o.detail().contains("another tenant"));
    assertThat(outcomes.values()).filteredOn(o -> o.verdict() == Outcome.Verdict.PASS).hasSizeGreaterThan(50);
  }

  @Test
  void aPatchThatClearsOmittedFieldsFailsTheMergeCases() {
    Map<String, Outcome> failed = failed(run(Defect.PATCH_CLEARS_OMITTED));
    assertThat(failed).containsKey("PATCH /things/{id} -> 200 only code sent, the rest unchanged");
    assertThat(failed.get("PATCH /things/{id} -> 200 only code sent, the rest unchanged").detail())
        .contains("unsent field /size changed");
  }

  @Test
  void aLimitOffByOneFailsTheMaxLengthPlusOneCase() {
    assertThat(failed(run(Defect.MAX_LENGTH_OFF_BY_ONE)))
        .containsKey("POST /things -> 422 code maxLength+1 (4 chars)");
  }

  @Test
  void anUnknownIdAnswered200FailsTheUnknownIdCase() {
    Map<String, Outcome> failed = failed(run(Defect.UNKNOWN_ID_ANSWERS_200));
    assertThat(failed).containsKey("GET /things/{id} -> 404 unknown id");
    assertThat(failed.get("GET /things/{id} -> 404 unknown id").detail()).contains("answered 200");
  }

  @Test
  void aWrongErrorEnvelopeFailsOnTheResponseSchema() {
    Map<String, Outcome> failed = failed(run(Defect.WRONG_ERROR_ENVELOPE));
    assertThat(failed).containsKey("GET /things/{id} -> 401 no credentials");
    assertThat(failed.get("GET /things/{id} -> 401 no credentials").detail()).contains("does not match");
  }

  @Test
  void aCreateThatDropsAFieldFailsTheReadBack() {
    Map<String, Outcome> failed = failed(run(Defect.CREATE_DROPS_EMAIL));
    assertThat(failed).containsKey("POST /things -> 201 example body accepted and stored");
    assertThat(failed.get("POST /things -> 201 example body accepted and stored").detail())
        .contains("email: sent \"a@b.example\", /email shows null");
  }

  @Test
  void aCreateAnswerThatDiffersFromTheStoredRecordFailsAnswerEqualsRecord() {
    Map<String, Outcome> failed = failed(run(Defect.CREATE_ANSWER_STALE));
    assertThat(failed).containsKeys("POST /things -> 201 example body accepted and stored",
        "POST /things -> 201 required fields only, the answer agrees with a fresh read");
    assertThat(failed.get("POST /things -> 201 example body accepted and stored").detail())
        .containsPattern("create answer says updatedAt=\"[^\"]+\", stored record says \"[^\"]+\"");
    // The partial update's answer is the stored item, so its cases still pass.
    assertThat(failed).doesNotContainKey("PATCH /things/{id} -> 200 only code sent, the rest unchanged");
  }

  @Test
  void aFieldTheSpecMarksVolatileMayDifferBetweenAnswerAndRecord() {
    ApiModel marked = TinySpec.model(TinySpec.text().replace("          x-counterfeit-value: updated-at",
        "          x-counterfeit-value: updated-at\n          x-counterfeit-volatile: true"));
    List<ConformanceCase> markedCases = new CaseGenerator(marked, profile, new Values("t3st")).generate();
    assertThat(failed(run(marked, markedCases, Defect.CREATE_ANSWER_STALE))).isEmpty();
  }

  @Test
  void aDeleteThatKeepsTheItemFailsTheGoneCheck() {
    Map<String, Outcome> failed = failed(run(Defect.DELETE_KEEPS_THE_ITEM));
    assertThat(failed.get("DELETE /things/{id} -> 204 delete, then the item is gone").detail())
        .contains("reading the deleted item answered 200");
  }

  @Test
  void aRefusedConnectionFailsOnceAndAbortsTheRest() {
    int port;
    try (TinyServer server = new TinyServer(model, Defect.NONE)) {
      port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    }
    try (Session session = new Session(model, profile, new Http("http://127.0.0.1:" + port), new Values("t3st"))) {
      CaseExecutor executor = new CaseExecutor(session);
      Outcome first = executor.execute(cases.get(0));
      Outcome second = executor.execute(cases.get(1));
      assertThat(first.verdict()).isEqualTo(Outcome.Verdict.FAIL);
      assertThat(first.detail()).contains("remaining cases");
      assertThat(second.verdict()).isEqualTo(Outcome.Verdict.ABORTED);
    }
  }
}

package dev.counterfeit.stubs.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftLogTest {
  private static final ApiModel FINTORO = ApiModel.compile(ApiSpec.load("fintoro"));
  private static final Operation CREATE = FINTORO.operation("createClient");

  private final DriftLog log = new DriftLog(Map.of("fintoro", URI.create("https://sandbox.example")), List.of(FINTORO),
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

  private static JsonNode entry(JsonNode drift, String operationId) {
    for (JsonNode op : drift.get("operations")) {
      if (op.get("operationId").asText().equals(operationId)) {
        return op;
      }
    }
    throw new AssertionError(operationId);
  }

  @Test
  void countsRequestsAndViolationsByRuleAndKeepsOnlyTheLastFiveExamplesNewestFirst() {
    for (int i = 0; i < 7; i++) {
      log.record("fintoro", CREATE, "POST", "/api/public/v1/clients", 400 + i,
          List.of(new Finding("response.status", "status " + (400 + i))));
    }
    log.record("fintoro", CREATE, "POST", "/api/public/v1/clients", 201, List.of());

    assertThat(log.toJson().get("violations").get("response.status").asLong()).isEqualTo(7);
    JsonNode create = entry(log.toJson(), "createClient");
    assertThat(create.get("requests").asLong()).isEqualTo(8);
    assertThat(create.get("breaking").asLong()).isEqualTo(7);
    assertThat(create.get("violations").get("response.status").asLong()).isEqualTo(7);
    assertThat(create.get("examples")).hasSize(DriftLog.EXAMPLES);
    assertThat(create.get("examples").get(0).get("status").asInt()).isEqualTo(406);
    assertThat(create.get("examples").get(0).get("at").asText()).isEqualTo("2026-12-01T10:00:00Z");
  }

  @Test
  void everyOperationIsListedOnceAndUndeclaredRoutesGetTheirOwnEntry() {
    log.record("fintoro", null, "GET", "/api/public/v1/invoices", 404, List.of(new Finding("request.route", "none")));

    JsonNode drift = log.toJson();
    assertThat(drift.get("operations")).hasSize(FINTORO.operations().size() + 1);
    assertThat(entry(drift, DriftLog.UNDECLARED).get("requests").asLong()).isEqualTo(1);
    assertThat(drift.get("requests").asLong()).isEqualTo(1);
  }

  @Test
  void clearForgetsCountsExamplesAndUndeclaredRoutes() {
    log.record("fintoro", CREATE, "POST", "/api/public/v1/clients", 418, List.of(new Finding("response.status", "x")));
    log.record("fintoro", null, "GET", "/nope", 404, List.of(new Finding("request.route", "none")));

    log.clear();

    JsonNode drift = log.toJson();
    assertThat(drift.get("requests").asLong()).isZero();
    assertThat(drift.get("operations")).hasSize(FINTORO.operations().size());
    assertThat(entry(drift, "createClient").get("examples")).isEmpty();
  }

  @Test
  void markdownHasATableRowPerOperationAndTheExamplesOfThoseThatBroke() {
    log.record("fintoro", CREATE, "POST", "/api/public/v1/clients", 418,
        List.of(new Finding("response.status", "answered 418, which the spec does not declare")));

    String md = log.toMarkdown();

    assertThat(md).contains("- fintoro → https://sandbox.example")
        .contains("1 requests, 1 broke the contract.")
        .contains("| fintoro | `POST /api/public/v1/clients` createClient | 1 | 1 | `response.status` 1 |")
        .contains("## fintoro createClient")
        .contains("- 2026-12-01T10:00:00Z `POST /api/public/v1/clients` → 418")
        .contains("  - `response.status` answered 418, which the spec does not declare");
  }
}

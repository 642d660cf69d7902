package dev.counterfeit.stubs;

import static dev.counterfeit.stubs.testsupport.Api.json;
import static dev.counterfeit.stubs.testsupport.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.SharedFake;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake's own request log at {@code /__counterfeit/requests}, and WireMock's journal, which is off by default. */
class RequestLogAcceptanceTest {

  private static List<String> lines(JsonNode requests) {
    List<String> out = new ArrayList<>();
    requests.forEach(r -> out.add(r.path("method").asText() + " " + r.path("path").asText() + " " + r.path("status").asInt()
        + " " + r.path("vendor").asText("-")));
    return out;
  }

  @Nested
  class ByDefault {
    @RegisterExtension
    static final SharedFake FAKE = new SharedFake();

    @Test
    void logsEachRequestWithItsStatusVendorTimeAndDurationNewestFirst() {
      Instant before = Instant.now();
      Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme").get("/api/clients?page=2");
      Api.given(FAKE.server()).header("Authorization", "Bearer fl_demo_acme").get("/clients/1");
      Api.given(FAKE.server()).header("Authorization", "Bearer ft_demo_acme_write").contentType("application/json")
          .body(object("name", "").toString()).post("/api/public/v1/clients");
      Api.given(FAKE.server()).get("/apidev/v1/clients");
      Api.given(FAKE.server()).get("/nowhere");

      Response r = Api.given(FAKE.server()).get("/__counterfeit/requests");

      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = json(r);
      assertThat(lines(body.get("requests")).subList(0, 5)).containsExactly(
          "GET /nowhere 404 -",
          "GET /apidev/v1/clients 400 apidev",
          "POST /api/public/v1/clients 422 fintoro",
          "GET /clients/1 200 flowtly",
          "GET /api/clients?page=2 200 finsync");
      JsonNode newest = body.get("requests").get(0);
      assertThat(Instant.parse(newest.get("time").asText())).isAfterOrEqualTo(before.minusSeconds(1));
      assertThat(newest.get("durationMs").isIntegralNumber()).isTrue();
      assertThat(body.get("capacity").asInt()).isEqualTo(200);
    }

    @Test
    void filtersByApiAndLimitsTheCount() {
      for (int i = 0; i < 3; i++) {
        Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme").get("/api/clients/" + (101 + i));
      }
      Api.given(FAKE.server()).header("Authorization", "Bearer fl_demo_acme").get("/clients/1");

      JsonNode finsync = json(Api.given(FAKE.server()).get("/__counterfeit/requests?api=finsync&limit=2")).get("requests");

      assertThat(lines(finsync)).containsExactly("GET /api/clients/103 200 finsync", "GET /api/clients/102 200 finsync");
    }

    @Test
    void leavesTheFakesOwnEndpointsOut() {
      Api.given(FAKE.server()).delete("/__counterfeit/requests");
      Api.given(FAKE.server()).get("/__counterfeit/state");
      Api.given(FAKE.server()).post("/__counterfeit/reset");

      assertThat(json(Api.given(FAKE.server()).get("/__counterfeit/requests")).get("requests")).isEmpty();
    }

    @Test
    void aBadLimitIsA400() {
      Response r = Api.given(FAKE.server()).get("/__counterfeit/requests?limit=zero");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).get("error").asText()).contains("limit");
    }

    @Test
    void wireMockJournalIsOff() {
      Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme").get("/api/clients/104");
      Response r = Api.given(FAKE.server()).get("/__admin/requests");
      assertThat(r.asString()).doesNotContain("/api/clients/104");
    }

    @Test
    void answersBypassWireMocksStubMatchingAndCarryNoStubId() {
      Response r = Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme").get("/api/clients/104");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.header("Matched-Stub-Id")).isNull();
    }
  }

  @Nested
  class WithASmallLogAndWireMocksJournalOn {
    @RegisterExtension
    static final SharedFake FAKE = new SharedFake(StubServerConfig.builder().port(0).rateLimits(false)
        .requestLog(3).journalLimit(10).build());

    @Test
    void keepsOnlyTheLastNRequests() {
      for (int i = 1; i <= 5; i++) {
        Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme").get("/api/clients/10" + i);
      }
      JsonNode requests = json(Api.given(FAKE.server()).get("/__counterfeit/requests")).get("requests");
      assertThat(lines(requests)).containsExactly("GET /api/clients/105 200 finsync", "GET /api/clients/104 200 finsync",
          "GET /api/clients/103 200 finsync");
    }

    @Test
    void wireMockJournalRecordsRequestsWhenAskedFor() {
      Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme").get("/api/clients/104?journal-marker=1");

      Response r = Api.given(FAKE.server()).get("/__admin/requests");

      assertThat(r.statusCode()).isEqualTo(200);
      List<String> urls = new ArrayList<>();
      json(r).get("requests").forEach(e -> urls.add(e.at("/request/url").asText()));
      assertThat(urls).contains("/api/clients/104?journal-marker=1");
    }
  }

  @Nested
  class Off {
    @RegisterExtension
    static final SharedFake FAKE = new SharedFake(StubServerConfig.builder().port(0).requestLog(0).build());

    @Test
    void saysSoInsteadOfShowingAnEmptyLog() {
      Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme").get("/api/clients/101");
      JsonNode body = json(Api.given(FAKE.server()).get("/__counterfeit/requests"));
      assertThat(body.get("enabled").asBoolean()).isFalse();
      assertThat(body.get("requests")).isEmpty();
    }
  }
}

package dev.counterfeit.stubs;

import static dev.counterfeit.stubs.testsupport.Api.json;
import static dev.counterfeit.stubs.testsupport.Api.keys;
import static dev.counterfeit.stubs.testsupport.Api.object;
import static dev.counterfeit.stubs.testsupport.Api.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.SharedFake;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake's own endpoints (reset, state, health) and CORS, over HTTP. */
class ControlAcceptanceTest {
  private static final String ORIGIN = "http://localhost:5173";

  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  private static Response createFinSyncClient(String key, String name) {
    return Api.given(FAKE.server()).header("x-api-key", key).contentType("application/json")
        .body(object("name", name).toString()).post("/api/clients");
  }

  private static List<String> names(JsonNode records) {
    List<String> names = new ArrayList<>();
    records.forEach(r -> names.add(r.path("name").asText()));
    return names;
  }

  @Test
  void resetRestoresTheSeedAfterChanges() {
    JsonNode seeded = state(FAKE.server());
    long created = json(createFinSyncClient("fs_demo_acme", "Temporary")).get("id").asLong();
    assertThat(Api.given(FAKE.server()).header("Authorization", "Bearer ft_demo_acme_write").delete("/api/public/v1/clients/101")
        .statusCode()).isEqualTo(204);
    assertThat(Api.given(FAKE.server()).header("Authorization", "Bearer fl_demo_acme")
        .contentType("application/merge-patch+json").body("{\"name\":\"Renamed\"}").patch("/clients/1").statusCode())
        .isEqualTo(200);
    assertThat(state(FAKE.server())).isNotEqualTo(seeded);

    Response reset = Api.given(FAKE.server()).post("/__counterfeit/reset");

    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(json(reset)).isEqualTo(object("status", "reset"));
    assertThat(state(FAKE.server())).isEqualTo(seeded);
    assertThat(Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme").get("/api/clients/" + created).statusCode())
        .isEqualTo(404);
    assertThat(Api.given(FAKE.server()).header("Authorization", "Bearer ft_demo_acme_write").get("/api/public/v1/clients/101")
        .statusCode()).isEqualTo(200);
    assertThat(json(Api.given(FAKE.server()).header("Authorization", "Bearer fl_demo_acme").get("/clients/1")).get("name")
        .asText()).isEqualTo("Kowalski Sp. z o.o.");
  }

  @Test
  void resetOfOneApiLeavesTheOthersAsTheyAre() {
    long kept = json(createFinSyncClient("fs_demo_acme", "Kept")).get("id").asLong();
    assertThat(Api.given(FAKE.server()).header("Authorization", "Bearer ft_demo_acme_write").delete("/api/public/v1/clients/101")
        .statusCode()).isEqualTo(204);

    Response reset = Api.given(FAKE.server()).post("/__counterfeit/reset?api=fintoro");

    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(json(reset)).isEqualTo(object("status", "reset", "api", "fintoro"));
    assertThat(Api.given(FAKE.server()).header("Authorization", "Bearer ft_demo_acme_write").get("/api/public/v1/clients/101")
        .statusCode()).isEqualTo(200);
    assertThat(Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme").get("/api/clients/" + kept).statusCode())
        .isEqualTo(200);
  }

  @Test
  void resetOfAnApiNotServedIsA404NamingTheServedOnes() {
    Response reset = Api.given(FAKE.server()).post("/__counterfeit/reset?api=nosuch");
    assertThat(reset.statusCode()).isEqualTo(404);
    assertThat(json(reset).path("error").asText()).contains("fintoro", "flowtly");
  }

  @Test
  void resetRestartsIdSequences() {
    long first = json(createFinSyncClient("fs_demo_acme", "First")).get("id").asLong();
    Api.given(FAKE.server()).post("/__counterfeit/reset");

    long again = json(createFinSyncClient("fs_demo_acme", "Again")).get("id").asLong();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void stateShowsEachTenantsRecordsSeparately() {
    createFinSyncClient("fs_demo_acme", "Visible In Acme");

    Response r = Api.given(FAKE.server()).get("/__counterfeit/state");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode all = json(r);
    assertThat(keys(all)).containsExactlyInAnyOrder("apidev", "finsync", "fintoro", "flowtly");
    assertThat(keys(all.get("finsync"))).containsExactlyInAnyOrder("acme", "globex");
    assertThat(names(all.at("/finsync/acme/clients"))).containsExactly(
        "Caja principal", "Banco Galicia", "Mercado Pago", "Distribuidora Norte SRL", "Lucía Fernández", "Visible In Acme");
    assertThat(names(all.at("/finsync/globex/clients"))).containsExactly("Caja chica", "Transportes del Sur SA");
    JsonNode mine = all.at("/finsync/acme/clients/5");
    assertThat(mine.get("~tenant").asText()).isEqualTo("acme");
    assertThat(mine.get("type").asInt()).isEqualTo(1);
    assertThat(names(all.at("/flowtly/globex/clients"))).containsExactly("Globex Polska");
  }

  @Test
  void healthListsTheServedApis() {
    Response r = Api.given(FAKE.server()).get("/__counterfeit/health");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r)).isEqualTo(object("status", "up", "apis",
        object("apidev", "/apidev/v1", "finsync", "/", "fintoro", "/api/public/v1", "flowtly", "/")));
  }

  @Test
  void unknownControlEndpointAnswers404() {
    Response r = Api.given(FAKE.server()).get("/__counterfeit/nope");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(keys(json(r))).containsExactly("error");
  }

  @Test
  void corsPreflightAnswers204WithAllowHeaders() {
    Response r = Api.given(FAKE.server()).header("Origin", ORIGIN).header("Access-Control-Request-Method", "PATCH")
        .header("Access-Control-Request-Headers", "authorization, content-type").options("/clients/1");

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(r.header("Access-Control-Allow-Methods")).contains("PATCH");
    assertThat(r.header("Access-Control-Allow-Headers")).isEqualTo("authorization, content-type");
    assertThat(r.asString()).isEmpty();
  }

  @Test
  void preflightDoesNotNeedCredentialsOnAnyApi() {
    for (String path : List.of("/api/clients", "/api/public/v1/clients", "/apidev/v1/clients", "/counterparties")) {
      Response r = Api.given(FAKE.server()).header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST").options(path);

      assertThat(r.statusCode()).as(path).isEqualTo(204);
      assertThat(r.header("Access-Control-Allow-Origin")).as(path).isEqualTo(ORIGIN);
    }
  }

  @Test
  void requestWithOriginGetsAllowOriginOnSuccessAndError() {
    Response ok = Api.given(FAKE.server()).header("Origin", ORIGIN).header("x-api-key", "fs_demo_acme").get("/api/clients/101");
    Response denied = Api.given(FAKE.server()).header("Origin", ORIGIN).get("/clients/1");

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(denied.statusCode()).isEqualTo(401);
    assertThat(denied.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(denied.header("Access-Control-Expose-Headers")).containsIgnoringCase("WWW-Authenticate");
  }

  @Test
  void requestWithoutOriginGetsNoCorsHeaders() {
    Response r = Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme").get("/api/clients/101");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isNull();
  }
}

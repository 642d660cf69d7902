package dev.counterfeit.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.stubs.store.StoreLocation;
import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.MutableClock;
import dev.counterfeit.stubs.testsupport.Postgres;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas of the fake on one PostgreSQL database behave as one fake. */
class SharedStateAcceptanceTest {
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private static String url;
  private static CounterfeitServer one;
  private static CounterfeitServer two;

  @BeforeAll
  static void startTwoReplicas() {
    url = Postgres.newDatabase();
    StubServerConfig config = StubServerConfig.builder().port(0).clock(clock)
        .store(new StoreLocation.Database(url)).build();
    one = CounterfeitServer.start(config);
    two = CounterfeitServer.start(config);
  }

  /** A reset on one replica empties the shared database, rate-limit windows included. */
  @BeforeEach
  void reset() {
    one.reset();
  }

  @AfterAll
  static void stop() {
    one.stop();
    two.stop();
  }

  private static RequestSpecification fintoro(CounterfeitServer server) {
    return Api.given(server).header("Authorization", "Bearer ft_demo_acme_write").contentType("application/json");
  }

  @Test
  void aRecordWrittenOnOneReplicaIsReadOnTheOtherAndTheSeedLoadsOnce() {
    int seeded = fintoro(two).get("/api/public/v1/clients").then().extract().path("data.size()");
    assertThat((int) fintoro(one).get("/api/public/v1/clients").then().extract().path("data.size()")).isEqualTo(seeded);
    Response created = fintoro(one).body("{\"name\": \"Replicated s.r.o.\"}").post("/api/public/v1/clients");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = created.path("id").toString();
    Response read = fintoro(two).get("/api/public/v1/clients/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.<String>path("name")).isEqualTo("Replicated s.r.o.");
    assertThat(fintoro(two).delete("/api/public/v1/clients/" + id).statusCode()).isEqualTo(204);
    assertThat(fintoro(one).get("/api/public/v1/clients/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void aCompanysRateLimitCountsRequestsToEveryReplica() {
    for (int i = 0; i < 60; i++) {
      assertThat(fintoro(one).get("/api/public/v1/countries").statusCode()).isEqualTo(200);
      assertThat(fintoro(two).get("/api/public/v1/countries").statusCode()).isEqualTo(200);
    }
    Response limited = fintoro(i(121)).get("/api/public/v1/countries");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(limited.<String>path("message")).isEqualTo("Too Many Attempts.");
    assertThat(fintoro(one).get("/api/public/v1/countries").statusCode()).isEqualTo(429);
  }

  private static CounterfeitServer i(int request) {
    return request % 2 == 0 ? one : two;
  }

  @Test
  void aRetryLandingOnTheOtherReplicaReplaysTheFirstAnswer() {
    String body = "{\"name\": \"Once Only a.s.\"}";
    Response first = fintoro(one).header("Idempotency-Key", "key-42").body(body).post("/api/public/v1/clients");
    Response retry = fintoro(two).header("Idempotency-Key", "key-42").body(body).post("/api/public/v1/clients");
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.header("Idempotency-Status")).isEqualTo("Repeated");
    assertThat(retry.path("id").toString()).isEqualTo(first.path("id").toString());
    Response other = fintoro(two).header("Idempotency-Key", "key-42").body("{\"name\": \"Else\"}").post("/api/public/v1/clients");
    assertThat(other.statusCode()).isEqualTo(422);
  }

  @Test
  void aTokenIssuedByOneReplicaIsAcceptedByTheOther() {
    Response login = Api.given(one).header("tenant", "demo.geotareas.com").contentType("application/json")
        .body("{\"email\": \"admin@acme.test\", \"password\": \"demo-password\"}").post("/apidev/v1/login");
    assertThat(login.statusCode()).isEqualTo(200);
    String jwt = login.path("data.authorization");
    Response clients = Api.given(two).header("tenant", "demo.geotareas.com").header("X-API-Key", "gtk_demo_acme")
        .header("Authorization", "Bearer " + jwt).get("/apidev/v1/clients");
    assertThat(clients.statusCode()).isEqualTo(200);
    String forged = jwt.substring(0, jwt.lastIndexOf('.') + 1) + "AAAA" + jwt.substring(jwt.lastIndexOf('.') + 5);
    assertThat(Api.given(two).header("tenant", "demo.geotareas.com").header("X-API-Key", "gtk_demo_acme")
        .header("Authorization", "Bearer " + forged).get("/apidev/v1/clients").statusCode()).isEqualTo(401);
  }

  @Test
  void aResetOnOneReplicaResetsTheSharedDatabase() {
    Response created = fintoro(one).body("{\"name\": \"Temporary\"}").post("/api/public/v1/clients");
    String id = created.path("id").toString();
    assertThat(Api.given(two).post("/__counterfeit/reset").statusCode()).isEqualTo(200);
    assertThat(fintoro(one).get("/api/public/v1/clients/" + id).statusCode()).isEqualTo(404);
    JsonNode state = Api.JSON.valueToTree(Api.given(one).get("/__counterfeit/state").as(java.util.Map.class));
    assertThat(state.path("fintoro").path("acme").path("clients").size()).isGreaterThan(0);
  }

  @Test
  void aDatabaseThatGoesAwayIsA503InTheVendorsEnvelopeUntilItComesBack() throws Exception {
    String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    try (Connection admin = DriverManager.getConnection(url.replace("/" + database + "?", "/postgres?"));
        Statement st = admin.createStatement()) {
      st.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
      st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
      Response down = fintoro(one).get("/api/public/v1/clients");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.contentType()).startsWith("application/json");
      assertThat(down.<String>path("message")).isNotBlank();
      assertThat(down.asString()).doesNotContain("Exception").doesNotContain("SQL");
      st.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }
    assertThat(fintoro(one).get("/api/public/v1/clients").statusCode()).isEqualTo(200);
  }
}

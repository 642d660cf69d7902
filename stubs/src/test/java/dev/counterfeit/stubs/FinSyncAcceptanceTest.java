package dev.counterfeit.stubs;

import static dev.counterfeit.stubs.testsupport.Api.assertDateTime;
import static dev.counterfeit.stubs.testsupport.Api.json;
import static dev.counterfeit.stubs.testsupport.Api.keys;
import static dev.counterfeit.stubs.testsupport.Api.object;
import static dev.counterfeit.stubs.testsupport.Api.state;
import static dev.counterfeit.stubs.testsupport.Api.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.SharedFake;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FinSync ({@code x-api-key}, bare items, {@code {data, pagination}} lists, {@code {"error"}} errors) over HTTP. */
class FinSyncAcceptanceTest {
  private static final String ACME = "fs_demo_acme";
  private static final String GLOBEX = "fs_demo_globex";
  private static final String CLIENTS = "/api/clients";

  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  private static RequestSpecification as(String key) {
    return Api.given(FAKE.server()).header("x-api-key", key);
  }

  private static Response create(String key, Object body) {
    return as(key).contentType("application/json").body(body.toString()).post(CLIENTS);
  }

  private static void assertError(Response r, int status, String message) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode body = json(r);
    assertThat(keys(body)).containsExactly("error");
    assertThat(body.get("error").asText()).isEqualTo(message);
  }

  private static List<Long> ids(JsonNode list) {
    List<Long> ids = new ArrayList<>();
    list.path("data").forEach(c -> ids.add(c.get("id").asLong()));
    return ids;
  }

  // ---- limits and validation

  @Test
  void createAcceptsNameOfExactly100Characters() {
    Response r = create(ACME, object("name", text(100)));

    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    assertThat(json(r).get("name").asText()).isEqualTo(text(100));
  }

  @Test
  void createRejectsNameOf101CharactersWith400() {
    assertError(create(ACME, object("name", text(101))), 400,
        "The name field must not be longer than 100 characters.");
  }

  @Test
  void createWithoutNameIsRejectedWith400() {
    assertError(create(ACME, object("description", "no name")), 400, "The name field is required.");
  }

  @Test
  void createWithNumericNameIsRejectedWith400() {
    assertError(create(ACME, "{\"name\": 42}"), 400, "The name field must be of type string.");
  }

  @Test
  void createWithMalformedJsonIsRejectedWith400() {
    assertError(create(ACME, "{\"name\": \"Broken\""), 400, "Syntax error: the request body is not valid JSON.");
  }

  @Test
  void createWithNonJsonContentTypeIsRejectedWith400() {
    Response r = as(ACME).contentType("text/plain").body("{\"name\":\"Plain\"}").post(CLIENTS);

    assertError(r, 400, "The content-type \"text/plain\" is not supported. Supported MIME types are \"application/json\".");
  }

  @Test
  void rejectedCreatesLeaveTheStoreUnchanged() {
    JsonNode before = state(FAKE.server(), "finsync");
    long totalBefore = json(as(ACME).get(CLIENTS)).at("/pagination/total").asLong();

    create(ACME, object("name", text(101)));
    create(ACME, object("description", "x"));
    create(ACME, "{\"name\":");
    as(ACME).contentType("text/plain").body("{\"name\":\"Plain\"}").post(CLIENTS);

    assertThat(state(FAKE.server(), "finsync")).isEqualTo(before);
    assertThat(json(as(ACME).get(CLIENTS)).at("/pagination/total").asLong()).isEqualTo(totalBefore).isEqualTo(5);
  }

  // ---- credentials

  @Test
  void requestWithoutApiKeyIsRejectedWith401() {
    assertError(Api.given(FAKE.server()).get(CLIENTS), 401, "Missing API key: send it in the x-api-key header.");
    assertError(Api.given(FAKE.server()).contentType("application/json").body("{\"name\":\"x\"}").post(CLIENTS), 401,
        "Missing API key: send it in the x-api-key header.");
  }

  @Test
  void requestWithUnknownApiKeyIsRejectedWith401() {
    assertError(as("fs_wrong_key").get(CLIENTS + "/101"), 401, "Invalid API key.");
  }

  @Test
  void writeWithUnknownApiKeyIsRejectedAndStoresNothing() {
    JsonNode before = state(FAKE.server(), "finsync");

    assertError(create("fs_wrong_key", object("name", "Intruder")), 401, "Invalid API key.");

    assertThat(state(FAKE.server(), "finsync")).isEqualTo(before);
  }

  // ---- not found

  @Test
  void unknownClientAnswers404InErrorEnvelope() {
    assertError(as(ACME).get(CLIENTS + "/999999"), 404, "No clients item with id 999999.");
  }

  // ---- lifecycle

  @Test
  void createdClientIsExternalAndCanBeReadAndListed() {
    Response created = create(ACME, object("name", "Distribuidora del Sur SRL", "description", "Proveedor de insumos"));

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    JsonNode c = json(created);
    assertThat(keys(c)).containsExactly(
        "id", "name", "description", "company_id", "type", "company_client_id", "created_at", "updated_at");
    assertThat(c.get("id").isIntegralNumber()).isTrue();
    assertThat(c.get("name").asText()).isEqualTo("Distribuidora del Sur SRL");
    assertThat(c.get("description").asText()).isEqualTo("Proveedor de insumos");
    assertThat(c.get("company_id").asInt()).isEqualTo(1);
    assertThat(c.get("type").asInt()).isEqualTo(1);
    assertThat(c.get("company_client_id").asInt()).isEqualTo(6);
    assertDateTime(c.get("created_at"));
    assertThat(c.get("updated_at")).isEqualTo(c.get("created_at"));
    long id = c.get("id").asLong();

    Response read = as(ACME).get(CLIENTS + "/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode r = json(read);
    assertThat(keys(r)).containsExactly(
        "id", "name", "description", "company_id", "type", "created_at", "updated_at", "accounts");
    assertThat(r.get("id").asLong()).isEqualTo(id);
    assertThat(r.get("name").asText()).isEqualTo("Distribuidora del Sur SRL");
    assertThat(r.get("type").asInt()).isEqualTo(1);
    assertThat(r.get("accounts").isArray()).isTrue();
    assertThat(r.get("accounts")).isEmpty();

    JsonNode list = json(as(ACME).queryParam("pageSize", 100).get(CLIENTS));
    assertThat(ids(list)).containsExactly(101L, 102L, 103L, 104L, 105L, id);
    assertThat(list.get("pagination")).isEqualTo(object("page", 1, "pageSize", 100, "total", 6, "totalPages", 1));

    JsonNode filtered = json(as(ACME).queryParam("description", "INSUMOS").get(CLIENTS));
    assertThat(ids(filtered)).containsExactly(104L, id);
  }

  @Test
  void createForcesExternalTypeAndDropsUnknownFields() {
    JsonNode c = json(create(ACME, object("name", "Caja nueva", "type", 0, "color", "red", "description", null)));

    assertThat(c.get("type").asInt()).isEqualTo(1);
    assertThat(c.get("description").isNull()).isTrue();
    JsonNode stored = storedClient(c.get("id").asText());
    assertThat(stored.get("type").asInt()).isEqualTo(1);
    assertThat(stored.has("color")).isFalse();
  }

  @Test
  void updateAndDeleteAreNotRoutesAndAnswer405WithAllowGet() {
    JsonNode before = state(FAKE.server(), "finsync");
    for (String method : List.of("PUT", "PATCH", "DELETE")) {
      Response r = as(ACME).contentType("application/json").body("{\"name\":\"Renamed\"}").request(method, CLIENTS + "/104");

      assertError(r, 405, "The " + method + " method is not supported for this route. Supported methods: GET.");
      assertThat(r.header("Allow")).isEqualTo("GET");
    }
    assertThat(state(FAKE.server(), "finsync")).isEqualTo(before);
    assertThat(json(as(ACME).get(CLIENTS + "/104")).get("name").asText()).isEqualTo("Distribuidora Norte SRL");
  }

  @Test
  void seededClientShowsItsAccountsPerCurrency() {
    JsonNode c = json(as(ACME).get(CLIENTS + "/104"));

    assertThat(c.get("type").asInt()).isEqualTo(1);
    assertThat(c.get("accounts")).hasSize(2);
    JsonNode ars = c.get("accounts").get(0);
    assertThat(keys(ars)).containsExactly("id", "name", "currency_name", "client_id", "balance", "created_at", "updated_at");
    assertThat(ars.get("currency_name").asText()).isEqualTo("ARS");
    assertThat(ars.get("client_id").asLong()).isEqualTo(104);
    assertThat(ars.get("balance").decimalValue()).isEqualByComparingTo("150000");
  }

  @Test
  void listPagesWithDefaultsAndRejectsOutOfRangeParameters() {
    JsonNode first = json(as(ACME).get(CLIENTS));
    assertThat(ids(first)).containsExactly(101L, 102L, 103L, 104L, 105L);
    assertThat(first.get("pagination")).isEqualTo(object("page", 1, "pageSize", 10, "total", 5, "totalPages", 1));

    JsonNode second = json(as(ACME).queryParam("page", 2).queryParam("pageSize", 2).get(CLIENTS));
    assertThat(ids(second)).containsExactly(103L, 104L);
    assertThat(second.get("pagination")).isEqualTo(object("page", 2, "pageSize", 2, "total", 5, "totalPages", 3));

    Response tooBig = as(ACME).queryParam("pageSize", 101).get(CLIENTS);
    assertThat(tooBig.statusCode()).isEqualTo(400);
    assertThat(keys(json(tooBig))).containsExactly("error");
    Response zero = as(ACME).queryParam("page", 0).get(CLIENTS);
    assertThat(zero.statusCode()).isEqualTo(400);
    assertThat(keys(json(zero))).containsExactly("error");
  }

  // ---- tenants

  @Test
  void clientOfAnotherCompanyAnswers404() {
    long id = json(create(ACME, object("name", "Solo de Acme"))).get("id").asLong();

    assertError(as(GLOBEX).get(CLIENTS + "/" + id), 404, "No clients item with id " + id + ".");
    assertError(as(ACME).get(CLIENTS + "/201"), 404, "No clients item with id 201.");
    assertThat(ids(json(as(GLOBEX).get(CLIENTS)))).containsExactly(201L, 202L);
    assertThat(json(as(ACME).get(CLIENTS + "/" + id)).get("name").asText()).isEqualTo("Solo de Acme");
  }

  @Test
  void companyNumbersAndClientNumbersArePerCompany() {
    JsonNode c = json(create(GLOBEX, object("name", "Cliente de Globex")));

    assertThat(c.get("company_id").asInt()).isEqualTo(2);
    assertThat(c.get("company_client_id").asInt()).isEqualTo(3);
  }

  private static JsonNode storedClient(String id) {
    for (JsonNode record : state(FAKE.server(), "finsync").path("acme").path("clients")) {
      if (record.path("~id").asText().equals(id)) {
        return record;
      }
    }
    throw new AssertionError("client " + id + " not in the store");
  }
}

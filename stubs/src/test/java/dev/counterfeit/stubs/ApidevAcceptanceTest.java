package dev.counterfeit.stubs;

import static dev.counterfeit.stubs.testsupport.Api.json;
import static dev.counterfeit.stubs.testsupport.Api.keys;
import static dev.counterfeit.stubs.testsupport.Api.object;
import static dev.counterfeit.stubs.testsupport.Api.state;
import static dev.counterfeit.stubs.testsupport.Api.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.SharedFake;
import dev.counterfeit.stubs.testsupport.MutableClock;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The apidev ERP (login JWT + X-API-Key + tenant, {success, data, meta} envelope, 400 VALIDATION_ERROR) over HTTP. */
class ApidevAcceptanceTest {
  private static final String BASE = "/apidev/v1";
  private static final String CLIENTS = BASE + "/clients";
  private static final String ACME_HOST = "demo.geotareas.com";
  private static final String GLOBEX_HOST = "other.geotareas.com";
  private static final String PASSWORD = "demo-password";
  private static final String FERRETERIA = "900000000000000002";
  private static final String UNKNOWN = "900000000000999999";

  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  private String acmeJwt;

  /** Runs after the extension has put the store back to the seed. */
  @BeforeEach
  void logIn() {
    acmeJwt = login(ACME_HOST, "admin@acme.test");
  }

  private static String login(String host, String email) {
    Response r = Api.given(FAKE.server()).header("tenant", host).contentType("application/json")
        .body(object("email", email, "password", PASSWORD).toString()).post(BASE + "/login");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(List.copyOf(keys(body))).containsExactly("success", "data", "meta");
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(List.copyOf(keys(body.get("data")))).containsExactly("authorization");
    String jwt = body.at("/data/authorization").asText();
    assertThat(jwt.split("\\.")).hasSize(3);
    return jwt;
  }

  private static RequestSpecification as(String host, String apiKey, String jwt) {
    return Api.given(FAKE.server()).header("tenant", host).header("X-API-Key", apiKey).header("Authorization", "Bearer " + jwt);
  }

  private RequestSpecification acme() {
    return as(ACME_HOST, "gtk_demo_acme", acmeJwt);
  }

  private static RequestSpecification globex() {
    return as(GLOBEX_HOST, "gtk_demo_globex", login(GLOBEX_HOST, "admin@globex.test"));
  }

  private Response create(Object body) {
    return acme().contentType("application/json").body(body.toString()).post(CLIENTS);
  }

  private Response update(String id, Object body) {
    return acme().contentType("application/json").body(body.toString()).put(CLIENTS + "/" + id);
  }

  private JsonNode read(String id) {
    Response r = acme().get(CLIENTS + "/" + id);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return json(r).get("data");
  }

  /** {success: false, data: null, error: {code, message}} with this status and code. */
  private static JsonNode assertError(Response r, int status, String code) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode body = json(r);
    assertThat(List.copyOf(keys(body))).containsExactly("success", "data", "error");
    assertThat(body.get("success").asBoolean()).isFalse();
    assertThat(body.get("success").isBoolean()).isTrue();
    assertThat(body.get("data").isNull()).isTrue();
    JsonNode error = body.get("error");
    assertThat(error.get("code").asText()).isEqualTo(code);
    assertThat(error.get("message").isTextual()).isTrue();
    if (code.equals("VALIDATION_ERROR")) {
      assertThat(List.copyOf(keys(error))).containsExactly("code", "message", "details");
    } else {
      assertThat(List.copyOf(keys(error))).containsExactly("code", "message");
    }
    return error;
  }

  /** A 400 VALIDATION_ERROR naming exactly one field with this message. */
  private static void assertValidation(Response r, String field, String message) {
    JsonNode error = assertError(r, 400, "VALIDATION_ERROR");
    assertThat(error.get("message").asText()).isEqualTo("Invalid parameters.");
    assertThat(error.get("details")).hasSize(1);
    assertThat(error.get("details").get(0)).isEqualTo(object("field", field, "message", message));
  }

  private List<String> listIds(RequestSpecification spec) {
    Response r = spec.get(CLIENTS);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(r).get("data").forEach(c -> ids.add(c.get("id").asText()));
    return ids;
  }

  // ---- limits and validation

  @Test
  void createAcceptsNameOf200Characters() {
    Response r = create(object("name", text(200)));

    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    assertThat(read(json(r).at("/data/id").asText()).get("name").asText()).isEqualTo(text(200));
  }

  @Test
  void createRejectsNameOf201CharactersWithValidationError() {
    assertValidation(create(object("name", text(201))), "name", "name must be at most 200 characters.");
  }

  @Test
  void updateRejectsNameOf201CharactersAndAcceptsExactly200() {
    assertValidation(update(FERRETERIA, object("name", text(201))), "name", "name must be at most 200 characters.");
    assertThat(update(FERRETERIA, object("name", text(200))).statusCode()).isEqualTo(200);
    assertThat(read(FERRETERIA).get("name").asText()).isEqualTo(text(200));
  }

  @Test
  void createWithoutNameIsRejectedWithValidationError() {
    assertValidation(create(object("email", "a@b.test")), "name", "name is required.");
  }

  @Test
  void createWithNumericNameIsRejectedWithValidationError() {
    assertValidation(create("{\"name\": 42}"), "name", "name must be a string.");
  }

  @Test
  void createWithIdInBodyIsRejectedWithValidationError() {
    assertValidation(create(object("name", "With Id", "id", "900000000000000077")), "id", "id is not an accepted field.");
  }

  @Test
  void malformedJsonIsRejectedWithBadRequest() {
    JsonNode error = assertError(create("{\"name\": "), 400, "BAD_REQUEST");
    assertThat(error.get("message").asText()).isEqualTo("Malformed JSON body.");
  }

  @Test
  void nonJsonContentTypeIsRejectedWithBadRequest() {
    Response r = acme().contentType("text/plain").body("{\"name\":\"Plain\"}").post(CLIENTS);

    JsonNode error = assertError(r, 400, "BAD_REQUEST");
    assertThat(error.get("message").asText()).isEqualTo("The body must be application/json.");
  }

  @Test
  void rejectedRequestsLeaveTheStoreUnchanged() {
    JsonNode before = state(FAKE.server(), "apidev");

    create(object("name", text(201)));
    create("{\"name\": ");
    update(FERRETERIA, object("name", null, "notes", null));
    update(FERRETERIA, object("id", FERRETERIA, "phone", "+1"));
    update(FERRETERIA, object("nickname", "Ferre"));
    update(FERRETERIA, object("phone", text(61)));
    update(UNKNOWN, object("phone", "+1"));
    as(ACME_HOST, "gtk_demo_acme", login(ACME_HOST, "viewer@acme.test")).contentType("application/json")
        .body(object("name", "Viewer").toString()).post(CLIENTS);

    assertThat(state(FAKE.server(), "apidev")).isEqualTo(before);
  }

  // ---- credentials

  @ParameterizedTest
  @ValueSource(strings = {"tenant", "X-API-Key", "Authorization"})
  void missingRequiredHeaderIsRejectedWith400BadRequest(String missing) {
    RequestSpecification spec = Api.given(FAKE.server());
    if (!missing.equals("tenant")) {
      spec = spec.header("tenant", ACME_HOST);
    }
    if (!missing.equals("X-API-Key")) {
      spec = spec.header("X-API-Key", "gtk_demo_acme");
    }
    if (!missing.equals("Authorization")) {
      spec = spec.header("Authorization", "Bearer " + acmeJwt);
    }

    JsonNode error = assertError(spec.get(CLIENTS), 400, "BAD_REQUEST");
    assertThat(error.get("message").asText()).startsWith("Missing required headers");
  }

  @Test
  void loginWithoutTenantHeaderIsRejectedWith400BadRequest() {
    Response r = Api.given(FAKE.server()).contentType("application/json")
        .body(object("email", "admin@acme.test", "password", PASSWORD).toString()).post(BASE + "/login");

    JsonNode error = assertError(r, 400, "BAD_REQUEST");
    assertThat(error.get("message").asText()).startsWith("Missing required headers");
  }

  @Test
  void loginWithWrongPasswordIsRejectedWith401() {
    Response r = Api.given(FAKE.server()).header("tenant", ACME_HOST).contentType("application/json")
        .body(object("email", "admin@acme.test", "password", "wrong").toString()).post(BASE + "/login");

    assertError(r, 401, "UNAUTHORIZED");
  }

  @Test
  void invalidJwtOrApiKeyIsRejectedWith401() {
    assertError(as(ACME_HOST, "gtk_demo_acme", "not.a.jwt").get(CLIENTS), 401, "UNAUTHORIZED");
    assertError(as(ACME_HOST, "gtk_wrong", acmeJwt).get(CLIENTS), 401, "UNAUTHORIZED");
    assertError(as(ACME_HOST, "gtk_demo_globex", acmeJwt).get(CLIENTS), 401, "UNAUTHORIZED");
    assertError(as(GLOBEX_HOST, "gtk_demo_acme", acmeJwt).get(CLIENTS), 401, "UNAUTHORIZED");
  }

  @Test
  void userWithoutWritePermissionCanReadButNotWrite() {
    RequestSpecification viewer = as(ACME_HOST, "gtk_demo_acme", login(ACME_HOST, "viewer@acme.test"));

    assertThat(viewer.get(CLIENTS + "/" + FERRETERIA).statusCode()).isEqualTo(200);
    assertError(as(ACME_HOST, "gtk_demo_acme", login(ACME_HOST, "viewer@acme.test")).contentType("application/json")
        .body(object("name", "Nope").toString()).post(CLIENTS), 403, "FORBIDDEN");
    assertError(as(ACME_HOST, "gtk_demo_acme", login(ACME_HOST, "viewer@acme.test")).contentType("application/json")
        .body(object("phone", "+1").toString()).put(CLIENTS + "/" + FERRETERIA), 403, "FORBIDDEN");
  }

  // ---- not found

  @Test
  void unknownClientAnswers404NotFound() {
    assertThat(assertError(acme().get(CLIENTS + "/" + UNKNOWN), 404, "NOT_FOUND").get("message").asText())
        .isEqualTo("Resource not found.");
    assertError(update(UNKNOWN, object("phone", "+1")), 404, "NOT_FOUND");
  }

  // ---- lifecycle

  @Test
  void createdClientCanBeReadListedAndUpdated() {
    Response created = create(object("name", "Regional Distributors II", "business_name", "RD II S.A.",
        "email", "info@rd2.test", "phone", "+59821000000", "street", "Bvar. Artigas", "door_number", "568",
        "country_id", "1", "department_id", "10", "latitude", -34.9, "document_type", 2));

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    JsonNode body = json(created);
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(List.copyOf(keys(body.get("data")))).containsExactly("id");
    String id = body.at("/data/id").asText();
    assertThat(id).matches("^[0-9]{18}$");

    JsonNode c = read(id);
    assertThat(List.copyOf(keys(c))).containsExactly("id", "name", "business_name", "email", "phone", "mobile",
        "image_url", "status", "document", "document_type", "tax_id", "external_code", "notes", "associated_accounts",
        "address");
    assertThat(c.get("name").asText()).isEqualTo("Regional Distributors II");
    assertThat(c.get("mobile").isNull()).isTrue();
    assertThat(c.get("document_type").asInt()).isEqualTo(2);
    assertThat(c.get("address")).isEqualTo(object("street", "Bvar. Artigas", "door_number", "568", "apartment", null,
        "corner", null, "zip_code", null, "latitude", -34.9, "longitude", null, "country_id", "1", "department_id", "10"));

    Response list = acme().queryParam("search", "distributors").get(CLIENTS);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode page = json(list);
    assertThat(List.copyOf(keys(page))).containsExactly("success", "data", "meta");
    assertThat(page.get("meta")).isEqualTo(object("total", 2, "limit", 25, "offset", 0));
    assertThat(listIds(acme().queryParam("search", "distributors"))).containsExactly("900000000000000001", id);
    assertThat(List.copyOf(keys(page.get("data").get(1)))).containsExactly("id", "name", "business_name", "email",
        "phone", "image_url", "status", "document", "tax_id", "external_code", "associated_accounts");

    Response updated = update(id, object("email", "new@rd2.test", "phone", "+59821005555", "notes", "Updated contact"));
    assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
    JsonNode u = json(updated);
    assertThat(List.copyOf(keys(u))).containsExactly("success", "data", "meta");
    assertThat(u.get("data")).isEqualTo(object("id", id, "updated_fields", List.of("email", "phone", "notes")));
    JsonNode after = read(id);
    assertThat(after.get("email").asText()).isEqualTo("new@rd2.test");
    assertThat(after.get("notes").asText()).isEqualTo("Updated contact");
    assertThat(after.get("business_name").asText()).isEqualTo("RD II S.A.");
  }

  @Test
  void clientsCannotBeDeleted() {
    assertError(acme().delete(CLIENTS + "/" + FERRETERIA), 404, "NOT_FOUND");
    assertThat(read(FERRETERIA).get("name").asText()).isEqualTo("Ferretería Central");
  }

  @Test
  void listPagesWithLimitAndOffset() {
    JsonNode page = json(acme().queryParam("limit", 1).queryParam("offset", 1).get(CLIENTS));

    assertThat(page.get("data")).hasSize(1);
    assertThat(page.at("/data/0/id").asText()).isEqualTo(FERRETERIA);
    assertThat(page.get("meta")).isEqualTo(object("total", 3, "limit", 1, "offset", 1));
    assertValidation(acme().queryParam("limit", 101).get(CLIENTS), "limit", "limit must be at most 100.");
  }

  // ---- partial update (PUT merges)

  @Test
  void updateLeavesOmittedFieldsUnchangedAndNullClearsNullableFields() {
    JsonNode before = read(FERRETERIA);

    Response r = update(FERRETERIA, object("phone", "+59821005555", "notes", null, "street", null));

    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    assertThat(json(r).get("data")).isEqualTo(object("id", FERRETERIA,
        "updated_fields", List.of("phone", "notes", "street")));
    JsonNode after = read(FERRETERIA);
    assertThat(after.get("phone").asText()).isEqualTo("+59821005555");
    assertThat(after.get("notes").isNull()).isTrue();
    assertThat(after.at("/address/street").isNull()).isTrue();
    for (String field : List.of("name", "business_name", "email", "mobile", "status", "document", "document_type",
        "tax_id", "external_code")) {
      assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
    }
    assertThat(after.at("/address/door_number")).isEqualTo(before.at("/address/door_number"));
    assertThat(after.at("/address/latitude")).isEqualTo(before.at("/address/latitude"));
  }

  @Test
  void updatedFieldsListsExactlyTheFieldsSentInOrder() {
    Response r = update(FERRETERIA, object("status", "I", "email", "x@y.test", "name", "Ferretería Sur"));

    assertThat(Api.texts(json(r).at("/data/updated_fields"))).containsExactly("status", "email", "name");
    assertThat(Api.texts(json(update(FERRETERIA, object())).at("/data/updated_fields"))).isEmpty();
  }

  @Test
  void updateWithNullNameIsRejectedAndClientUnchanged() {
    JsonNode before = read(FERRETERIA);

    assertValidation(update(FERRETERIA, object("name", null)), "name", "name cannot be null.");

    assertThat(read(FERRETERIA)).isEqualTo(before);
  }

  @Test
  void updateWithIdOrUnknownFieldIsRejectedAndClientUnchanged() {
    JsonNode before = read(FERRETERIA);

    assertValidation(update(FERRETERIA, object("id", FERRETERIA)), "id", "id is not an accepted field.");
    assertValidation(update(FERRETERIA, object("nickname", "Ferre")), "nickname", "nickname is not an accepted field.");

    assertThat(read(FERRETERIA)).isEqualTo(before);
  }

  // ---- tenants

  @Test
  void clientOfAnotherTenantAnswers404() {
    String id = json(create(object("name", "Acme Only"))).at("/data/id").asText();
    RequestSpecification globex = globex();

    assertError(globex.get(CLIENTS + "/" + id), 404, "NOT_FOUND");
    assertError(globex().contentType("application/json").body(object("name", "Hijack").toString())
        .put(CLIENTS + "/" + id), 404, "NOT_FOUND");
    assertThat(listIds(globex())).containsExactly("900000000000000004");
    assertError(acme().get(CLIENTS + "/900000000000000004"), 404, "NOT_FOUND");
    assertThat(read(id).get("name").asText()).isEqualTo("Acme Only");
  }

  // ---- token lifetime

  @Test
  void jwtStopsWorkingAfterOneHourAndANewLoginWorks() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    CounterfeitServer timed = CounterfeitServer.start(StubServerConfig.builder().port(0).rateLimits(false)
        .apis(Set.of("apidev")).clock(clock).build());
    try {
      java.util.function.Supplier<String> login = () -> {
        Response r = RestAssured.given().baseUri(timed.baseUrl()).header("tenant", ACME_HOST).contentType("application/json")
            .body(object("email", "admin@acme.test", "password", PASSWORD).toString()).post(BASE + "/login");
        assertThat(r.statusCode()).isEqualTo(200);
        return json(r).at("/data/authorization").asText();
      };
      java.util.function.Function<String, Response> list = jwt -> RestAssured.given().baseUri(timed.baseUrl())
          .header("tenant", ACME_HOST).header("X-API-Key", "gtk_demo_acme").header("Authorization", "Bearer " + jwt)
          .get(CLIENTS);
      String jwt = login.get();

      clock.advance(Duration.ofMinutes(59));
      assertThat(list.apply(jwt).statusCode()).isEqualTo(200);

      clock.advance(Duration.ofMinutes(1));
      assertError(list.apply(jwt), 401, "UNAUTHORIZED");
      assertThat(list.apply(login.get()).statusCode()).isEqualTo(200);
    } finally {
      timed.stop();
    }
  }
}

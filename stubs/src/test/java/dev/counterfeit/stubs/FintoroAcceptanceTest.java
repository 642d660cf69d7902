package dev.counterfeit.stubs;

import static dev.counterfeit.stubs.testsupport.Api.assertDateTime;
import static dev.counterfeit.stubs.testsupport.Api.json;
import static dev.counterfeit.stubs.testsupport.Api.keys;
import static dev.counterfeit.stubs.testsupport.Api.object;
import static dev.counterfeit.stubs.testsupport.Api.state;
import static dev.counterfeit.stubs.testsupport.Api.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.SharedFake;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fintoro (Laravel: Bearer tokens with read/write scope, bare items, 422 validation envelope) over HTTP. */
class FintoroAcceptanceTest {
  private static final String BASE = "/api/public/v1";
  private static final String CLIENTS = BASE + "/clients";
  private static final String ACME_WRITE = "ft_demo_acme_write";
  private static final String ACME_READ = "ft_demo_acme_read";
  private static final String GLOBEX_WRITE = "ft_demo_globex_write";

  /** Every key a client answer carries, in the documented order. */
  private static final List<String> CLIENT_KEYS = List.of(
      "id", "name", "type", "subjectId", "taxId", "vatId", "isVatPayer", "email", "street", "city", "zip", "country",
      "hasDeliveryAddress", "deliveryStreet", "deliveryCity", "deliveryZip", "deliveryCountry", "createdAt", "updatedAt",
      "preferredDeliveryMethodId", "preferredPaymentMethodId", "preferredCurrencyId", "preferredLanguageId",
      "preferredDueDays", "preferredNote", "preferredVariableSymbol", "preferredConstantSymbol",
      "preferredSpecificSymbol", "preferredTextAboveItems");

  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  private static RequestSpecification as(String token) {
    return Api.given(FAKE.server()).header("Authorization", "Bearer " + token);
  }

  private static Response create(String token, Object body) {
    return as(token).contentType("application/json").body(body.toString()).post(CLIENTS);
  }

  private static Response replace(String token, Object id, Object body) {
    return as(token).contentType("application/json").body(body.toString()).put(CLIENTS + "/" + id);
  }

  private static void assertMessage(Response r, int status, String message) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode body = json(r);
    assertThat(keys(body)).containsExactly("message");
    assertThat(body.get("message").asText()).isEqualTo(message);
  }

  /** 422 {message, errors: {field: [messages]}} with exactly these fields and messages. */
  private static void assertInvalid(Response r, Map<String, List<String>> errors) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode body = json(r);
    assertThat(keys(body)).containsExactly("message", "errors");
    assertThat(body.get("message").asText()).isEqualTo("The given data was invalid.");
    assertThat(keys(body.get("errors"))).containsExactlyInAnyOrderElementsOf(errors.keySet());
    errors.forEach((field, messages) -> assertThat(Api.texts(body.get("errors").get(field))).isEqualTo(messages));
  }

  private static List<Long> listIds(String token, String... query) {
    RequestSpecification spec = as(token);
    for (int i = 0; i < query.length; i += 2) {
      spec = spec.queryParam(query[i], query[i + 1]);
    }
    Response r = spec.get(CLIENTS);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(keys(body)).containsExactly("data");
    List<Long> ids = new ArrayList<>();
    body.get("data").forEach(c -> ids.add(c.get("id").asLong()));
    return ids;
  }

  // ---- limits and validation

  @Test
  void createAcceptsNameOf255AndZipOf10Characters() {
    Response r = create(ACME_WRITE, object("name", text(255), "zip", "1234567890"));

    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    assertThat(json(r).get("name").asText()).isEqualTo(text(255));
    assertThat(json(r).get("zip").asText()).isEqualTo("1234567890");
  }

  @Test
  void createRejectsNameOf256CharactersWith422() {
    assertInvalid(create(ACME_WRITE, object("name", text(256))),
        Map.of("name", List.of("The name field must not be greater than 255 characters.")));
  }

  @Test
  void createRejectsZipOf11CharactersWith422() {
    assertInvalid(create(ACME_WRITE, object("name", "Zip Too Long", "zip", "12345678901")),
        Map.of("zip", List.of("The zip field must not be greater than 10 characters.")));
  }

  @Test
  void createWithoutNameIsRejectedWith422() {
    assertInvalid(create(ACME_WRITE, object("city", "Bratislava")),
        Map.of("name", List.of("The name field is required.")));
  }

  @Test
  void createWithNumericNameIsRejectedWith422() {
    assertInvalid(create(ACME_WRITE, "{\"name\": 42}"), Map.of("name", List.of("The name field must be a string.")));
  }

  @Test
  void createWithMalformedJsonIsReadAsEmptyBodyAnd422NameRequired() {
    assertInvalid(create(ACME_WRITE, "{\"name\": \"Broken\""), Map.of("name", List.of("The name field is required.")));
  }

  @Test
  void createWithNonJsonContentTypeIsReadAsEmptyBodyAnd422NameRequired() {
    Response r = as(ACME_WRITE).contentType("text/plain").body("{\"name\":\"Plain\"}").post(CLIENTS);

    assertInvalid(r, Map.of("name", List.of("The name field is required.")));
  }

  @Test
  void createWithUnknownCountryIdIsRejectedWith422() {
    assertInvalid(create(ACME_WRITE, object("name", "Nowhere Ltd", "countryId", 999)),
        Map.of("countryId", List.of("The selected country id is invalid.")));
  }

  @Test
  void rejectedWritesLeaveTheStoreUnchanged() {
    JsonNode before = state(FAKE.server(), "fintoro");
    String clientBefore = as(ACME_WRITE).get(CLIENTS + "/101").asString();

    create(ACME_WRITE, object("name", text(256)));
    create(ACME_WRITE, "{\"name\":");
    replace(ACME_WRITE, 101, object("city", "Nameless"));
    replace(ACME_WRITE, 101, object("name", "Acme", "zip", "12345678901"));
    replace(ACME_WRITE, 101, object("name", "Acme", "countryId", 999));
    create(ACME_READ, object("name", "Read only"));
    as(ACME_READ).delete(CLIENTS + "/101");

    assertThat(state(FAKE.server(), "fintoro")).isEqualTo(before);
    assertThat(as(ACME_WRITE).get(CLIENTS + "/101").asString()).isEqualTo(clientBefore);
  }

  // ---- credentials

  @Test
  void requestWithoutTokenIsRejectedWith401() {
    assertMessage(Api.given(FAKE.server()).get(CLIENTS), 401, "Unauthenticated.");
    assertMessage(Api.given(FAKE.server()).contentType("application/json").body("{\"name\":\"x\"}").post(CLIENTS), 401,
        "Unauthenticated.");
  }

  @Test
  void requestWithUnknownTokenIsRejectedWith401() {
    assertMessage(as("ft_not_a_token").get(CLIENTS + "/101"), 401, "Unauthenticated.");
    assertMessage(Api.given(FAKE.server()).header("Authorization", "Basic Zm9vOmJhcg==").get(CLIENTS), 401, "Unauthenticated.");
  }

  @Test
  void readTokenCanReadButWritesAreForbiddenWith403() {
    assertThat(as(ACME_READ).get(CLIENTS + "/101").statusCode()).isEqualTo(200);

    assertMessage(create(ACME_READ, object("name", "Nope")), 403, "This action is unauthorized.");
    assertMessage(replace(ACME_READ, 101, object("name", "Nope")), 403, "This action is unauthorized.");
    assertMessage(as(ACME_READ).delete(CLIENTS + "/101"), 403, "This action is unauthorized.");
  }

  // ---- not found

  @Test
  void unknownClientAnswers404InMessageEnvelope() {
    assertMessage(as(ACME_WRITE).get(CLIENTS + "/999999"), 404, "No query results for model.");
    assertMessage(replace(ACME_WRITE, 999999, object("name", "Ghost")), 404, "No query results for model.");
    assertMessage(as(ACME_WRITE).delete(CLIENTS + "/999999"), 404, "No query results for model.");
  }

  // ---- lifecycle

  @Test
  void createdClientCanBeReadListedReplacedAndDeleted() {
    ObjectNode body = object("name", "Bratislava Trade s.r.o.", "subjectId", "55667788", "email", "office@bt.test",
        "street", "Obchodná 5", "city", "Bratislava", "zip", "81106", "countryId", 703, "preferredCurrencyId", 1,
        "preferredDueDays", 30);
    Response created = create(ACME_WRITE, body);

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    JsonNode c = json(created);
    assertThat(List.copyOf(keys(c))).isEqualTo(CLIENT_KEYS);
    assertThat(c.get("id").isIntegralNumber()).isTrue();
    assertThat(c.get("name").asText()).isEqualTo("Bratislava Trade s.r.o.");
    assertThat(c.get("type").asText()).isEqualTo("company");
    assertThat(c.get("isVatPayer").asBoolean()).isFalse();
    assertThat(c.get("country")).isEqualTo(object("id", 703, "name", "Slovakia", "code", "SK", "eu", true));
    assertThat(c.get("hasDeliveryAddress").asBoolean()).isFalse();
    assertThat(c.get("deliveryCountry").isNull()).isTrue();
    assertThat(c.get("preferredDueDays").asInt()).isEqualTo(30);
    assertThat(c.get("preferredNote").isNull()).isTrue();
    assertDateTime(c.get("createdAt"));
    assertThat(created.header("X-Request-Id")).isNotBlank();
    long id = c.get("id").asLong();

    Response read = as(ACME_WRITE).get(CLIENTS + "/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read)).isEqualTo(c);

    assertThat(listIds(ACME_WRITE)).containsExactly(101L, id, 103L, 102L); // sorted by name by default
    assertThat(listIds(ACME_WRITE, "search", "bratislava")).containsExactly(101L, id);

    Response replaced = replace(ACME_WRITE, id, object("name", "BT Renamed", "city", "Košice"));
    assertThat(replaced.statusCode()).as(replaced.asString()).isEqualTo(200);
    assertThat(json(replaced).get("name").asText()).isEqualTo("BT Renamed");
    assertThat(json(as(ACME_WRITE).get(CLIENTS + "/" + id)).get("city").asText()).isEqualTo("Košice");

    Response deleted = as(ACME_WRITE).delete(CLIENTS + "/" + id);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.asString()).isEmpty();
    assertMessage(as(ACME_WRITE).get(CLIENTS + "/" + id), 404, "No query results for model.");
    assertThat(listIds(ACME_WRITE)).doesNotContain(id);
  }

  @Test
  void putIsAFullReplacementOmittedFieldsGoBackToNullOrDefault() {
    Response r = replace(ACME_WRITE, 101, object("name", "Acme Replaced", "city", "Trnava"));

    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    JsonNode c = json(r);
    assertThat(c.get("id").asLong()).isEqualTo(101);
    assertThat(c.get("name").asText()).isEqualTo("Acme Replaced");
    assertThat(c.get("city").asText()).isEqualTo("Trnava");
    assertThat(c.get("type").asText()).isEqualTo("person"); // default again: no business id sent
    assertThat(c.get("isVatPayer").asBoolean()).isFalse();
    assertThat(c.get("hasDeliveryAddress").asBoolean()).isFalse();
    for (String field : List.of("subjectId", "taxId", "vatId", "email", "street", "zip", "country", "deliveryStreet",
        "deliveryCity", "deliveryZip", "deliveryCountry", "preferredDeliveryMethodId", "preferredPaymentMethodId",
        "preferredCurrencyId", "preferredLanguageId", "preferredDueDays", "preferredNote", "preferredVariableSymbol",
        "preferredConstantSymbol", "preferredSpecificSymbol", "preferredTextAboveItems")) {
      assertThat(c.get(field).isNull()).as(field).isTrue();
    }
    assertThat(c.get("createdAt").asText()).isEqualTo("2026-01-15T09:00:00Z");
    assertThat(json(as(ACME_WRITE).get(CLIENTS + "/101"))).isEqualTo(c);
  }

  @Test
  void putWithoutNameIsRejectedAndTheClientIsUnchanged() {
    String before = as(ACME_WRITE).get(CLIENTS + "/101").asString();

    assertInvalid(replace(ACME_WRITE, 101, object("city", "Nitra")), Map.of("name", List.of("The name field is required.")));

    assertThat(as(ACME_WRITE).get(CLIENTS + "/101").asString()).isEqualTo(before);
  }

  @Test
  void patchIsNotARouteAndAnswers405() {
    Response r = as(ACME_WRITE).contentType("application/json").body("{\"name\":\"x\"}").patch(CLIENTS + "/101");

    assertMessage(r, 405, "The PATCH method is not supported for this route. Supported methods: GET, PUT, DELETE.");
    assertThat(r.header("Allow")).isEqualTo("GET, PUT, DELETE");
  }

  @Test
  void writeOnlyFieldsAreStoredButNeverReturnedAndUnknownFieldsAreDropped() {
    JsonNode c = json(create(ACME_WRITE, object("name", "Stripe Customer", "stripeCustomerId", "cus_123",
        "systemeioContactId", 987, "favouriteColour", "blue")));

    assertThat(keys(c)).doesNotContain("stripeCustomerId", "systemeioContactId", "favouriteColour");
    assertThat(keys(json(as(ACME_WRITE).get(CLIENTS + "/" + c.get("id").asLong()))))
        .doesNotContain("stripeCustomerId", "systemeioContactId", "favouriteColour");
    JsonNode stored = null;
    for (JsonNode record : state(FAKE.server(), "fintoro").path("acme").path("clients")) {
      if (record.path("~id").asLong() == c.get("id").asLong()) {
        stored = record;
      }
    }
    assertThat(stored).isNotNull();
    assertThat(stored.get("stripeCustomerId").asText()).isEqualTo("cus_123");
    assertThat(stored.get("systemeioContactId").asInt()).isEqualTo(987);
    assertThat(stored.has("favouriteColour")).isFalse();
  }

  @Test
  void vatIdAndDeliveryFieldsInferTypeVatPayerAndDeliveryAddress() {
    JsonNode c = json(create(ACME_WRITE, object("name", "Vat Payer", "vatId", "SK1234567890", "deliveryCity", "Žilina")));

    assertThat(c.get("type").asText()).isEqualTo("company");
    assertThat(c.get("isVatPayer").asBoolean()).isTrue();
    assertThat(c.get("hasDeliveryAddress").asBoolean()).isTrue();
  }

  // ---- tenants

  @Test
  void clientOfAnotherCompanyAnswers404() {
    long id = json(create(ACME_WRITE, object("name", "Acme Only"))).get("id").asLong();

    assertMessage(as(GLOBEX_WRITE).get(CLIENTS + "/" + id), 404, "No query results for model.");
    assertMessage(replace(GLOBEX_WRITE, id, object("name", "Hijacked")), 404, "No query results for model.");
    assertMessage(as(GLOBEX_WRITE).delete(CLIENTS + "/" + id), 404, "No query results for model.");
    assertMessage(as(ACME_WRITE).get(CLIENTS + "/201"), 404, "No query results for model.");
    assertThat(listIds(GLOBEX_WRITE)).containsExactly(201L);
    assertThat(json(as(ACME_WRITE).get(CLIENTS + "/" + id)).get("name").asText()).isEqualTo("Acme Only");
  }

  // ---- idempotency (documented: Idempotency-Key replays, Idempotency-Status Original/Repeated)

  @Test
  void repeatedIdempotencyKeyWithSameBodyReplaysTheFirstAnswer() {
    String body = object("name", "Idempotent s.r.o.").toString();
    Response first = as(ACME_WRITE).header("Idempotency-Key", "key-1").contentType("application/json").body(body).post(CLIENTS);
    Response second = as(ACME_WRITE).header("Idempotency-Key", "key-1").contentType("application/json").body(body).post(CLIENTS);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.header("Idempotency-Key")).isEqualTo("key-1");
    assertThat(first.header("Idempotency-Status")).isEqualTo("Original");
    assertThat(second.statusCode()).isEqualTo(201);
    assertThat(second.header("Idempotency-Status")).isEqualTo("Repeated");
    assertThat(json(second)).isEqualTo(json(first));
    assertThat(listIds(ACME_WRITE)).hasSize(4);
  }

  @Test
  void reusedIdempotencyKeyWithAnotherBodyIsRejectedWith422() {
    as(ACME_WRITE).header("Idempotency-Key", "key-2").contentType("application/json")
        .body(object("name", "First").toString()).post(CLIENTS);
    Response r = as(ACME_WRITE).header("Idempotency-Key", "key-2").contentType("application/json")
        .body(object("name", "Second").toString()).post(CLIENTS);

    assertThat(r.statusCode()).as(r.asString()).isEqualTo(422);
    assertThat(keys(json(r))).containsExactly("error");
    assertThat(listIds(ACME_WRITE)).hasSize(4);
  }

  // ---- headers every answer carries, ids, languages

  @Test
  void everyAnswerCarriesRequestIdAndContentLanguage() {
    List<Response> answers = List.of(
        as(ACME_WRITE).get(CLIENTS + "/101"),
        Api.given(FAKE.server()).get(CLIENTS),
        as(ACME_WRITE).get(CLIENTS + "/999999"),
        create(ACME_WRITE, object("city", "No name")),
        create(ACME_READ, object("name", "Read only")),
        as(ACME_WRITE).contentType("application/json").body("{}").patch(CLIENTS + "/101"));

    for (Response r : answers) {
      assertThat(r.header("X-Request-Id")).as("X-Request-Id on %s", r.statusLine()).isNotBlank();
      assertThat(r.header("Content-Language")).as("Content-Language on %s", r.statusLine()).isEqualTo("en");
    }
  }

  @Test
  void nonNumericClientIdAnswers404() {
    assertMessage(as(ACME_WRITE).get(CLIENTS + "/abc"), 404, "No query results for model.");
  }

  @Test
  void slovakAcceptLanguageLocalisesValidationMessages() {
    Response r = as(ACME_WRITE).header("Accept-Language", "sk").contentType("application/json").body("{}").post(CLIENTS);

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.header("Content-Language")).isEqualTo("sk");
    assertThat(Api.texts(json(r).at("/errors/name"))).hasSize(1).doesNotContain("The name field is required.");
  }

  @Test
  void czechAcceptLanguageFallsBackToSlovakAndOthersToEnglish() {
    Response czech = as(ACME_WRITE).header("Accept-Language", "cs").get(BASE + "/countries");
    Response german = as(ACME_WRITE).header("Accept-Language", "de").get(BASE + "/countries");

    assertThat(czech.header("Content-Language")).isEqualTo("sk");
    assertThat(german.header("Content-Language")).isEqualTo("en");
    assertThat(json(german).at("/data/0/name").asText()).isEqualTo("Slovakia");
    assertThat(json(czech).at("/data/0/name").asText()).isNotEqualTo("Slovakia");
  }
}

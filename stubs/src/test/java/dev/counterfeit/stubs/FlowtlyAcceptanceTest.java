package dev.counterfeit.stubs;

import static dev.counterfeit.stubs.testsupport.Api.assertDateTime;
import static dev.counterfeit.stubs.testsupport.Api.json;
import static dev.counterfeit.stubs.testsupport.Api.keys;
import static dev.counterfeit.stubs.testsupport.Api.object;
import static dev.counterfeit.stubs.testsupport.Api.state;
import static dev.counterfeit.stubs.testsupport.Api.text;
import static dev.counterfeit.stubs.testsupport.Api.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.SharedFake;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Flowtly (API Platform: JSON-LD/Hydra, merge-patch, problem+json with constraint violations) over HTTP. */
class FlowtlyAcceptanceTest {
  private static final String ACME = "fl_demo_acme";
  private static final String GLOBEX = "fl_demo_globex";
  private static final String LD = "application/ld+json";
  private static final String MERGE = "application/merge-patch+json";
  private static final String SEED_NOTE = "3f1c2b5e-8a7d-4c1e-9b2a-6d5e4f3a2b10";

  private static final List<String> ERROR_KEYS = List.of(
      "@context", "@id", "@type", "title", "detail", "status", "type", "hydra:title", "hydra:description");
  private static final List<String> VIOLATION_KEYS = List.of(
      "@context", "@id", "@type", "title", "detail", "status", "type", "hydra:title", "hydra:description", "violations");

  private static final String CODE_BLANK = "c1051bb4-d103-4f74-8988-acbcafc7fdc3";
  private static final String CODE_NULL = "ad32d13f-c3d4-423b-909a-857b961eb720";
  private static final String CODE_TOO_LONG = "d94b19cc-114f-4f44-9cc4-4138e80a87b9";
  private static final String CODE_CHOICE = "8e179f1b-97aa-4560-a02f-2a8b42e49df7";
  private static final String CODE_REF = "3e3f9b6c-9a4f-4a6d-bd0b-4f5a3c1f3c27";

  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  private static RequestSpecification as(String token) {
    return Api.given(FAKE.server()).header("Authorization", "Bearer " + token);
  }

  private static Response post(String token, String path, Object body) {
    return as(token).contentType(LD).body(body.toString()).post(path);
  }

  private static Response patch(String token, String path, Object body) {
    return as(token).contentType(MERGE).body(body.toString()).patch(path);
  }

  private static Response get(String token, String path) {
    return as(token).get(path);
  }

  private static JsonNode newClientBody(String name) {
    return object("name", name, "country", "/countries/PL", "currency", "/currencies/PLN", "status", "active",
        "tinType", "none");
  }

  /** An RFC 7807 hydra:Error with the given status and detail. */
  private static void assertProblem(Response r, int status, String detail) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode body = json(r);
    assertThat(List.copyOf(keys(body))).isEqualTo(ERROR_KEYS);
    assertThat(body.get("@context").asText()).isEqualTo("/contexts/Error");
    assertThat(body.get("@type").asText()).isEqualTo("hydra:Error");
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("title").asText()).isEqualTo("An error occurred");
    assertThat(body.get("detail").asText()).isEqualTo(detail);
    assertThat(body.get("hydra:description").asText()).isEqualTo(detail);
  }

  /** A 422 ConstraintViolationList with exactly one violation. */
  private static void assertViolation(Response r, String propertyPath, String message, String code) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode body = json(r);
    assertThat(List.copyOf(keys(body))).isEqualTo(VIOLATION_KEYS);
    assertThat(body.get("@type").asText()).isEqualTo("ConstraintViolationList");
    assertThat(body.get("status").asInt()).isEqualTo(422);
    assertThat(body.get("detail").asText()).isEqualTo(propertyPath + ": " + message);
    assertThat(body.get("violations")).hasSize(1);
    JsonNode v = body.get("violations").get(0);
    assertThat(List.copyOf(keys(v))).containsExactly("propertyPath", "message", "code");
    assertThat(v.get("propertyPath").asText()).isEqualTo(propertyPath);
    assertThat(v.get("message").asText()).isEqualTo(message);
    assertThat(v.get("code").asText()).isEqualTo(code);
  }

  private static void assertJwtError(Response r, String message) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    JsonNode body = json(r);
    assertThat(List.copyOf(keys(body))).containsExactly("code", "message");
    assertThat(body.get("code").asInt()).isEqualTo(401);
    assertThat(body.get("message").asText()).isEqualTo(message);
  }

  private static List<String> memberIds(Response r) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    assertThat(r.contentType()).startsWith(LD);
    JsonNode body = json(r);
    assertThat(body.get("@type").asText()).isEqualTo("hydra:Collection");
    List<String> ids = new ArrayList<>();
    body.get("hydra:member").forEach(m -> ids.add(m.get("@id").asText()));
    assertThat(body.get("hydra:totalItems").asInt()).isGreaterThanOrEqualTo(ids.size());
    return ids;
  }

  // ---- limits and validation

  @Test
  void clientNameOf255CharactersIsAccepted() {
    Response r = post(ACME, "/clients", newClientBody(text(255)));

    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    assertThat(json(r).get("name").asText()).isEqualTo(text(255));
  }

  @Test
  void clientNameOf256CharactersIsRejectedWith422() {
    assertViolation(post(ACME, "/clients", newClientBody(text(256))), "name",
        "This value is too long. It should have 255 characters or less.", CODE_TOO_LONG);
  }

  @Test
  void patchNameOf256CharactersIsRejectedAndClientUnchanged() {
    String before = get(ACME, "/clients/1").asString();

    assertViolation(patch(ACME, "/clients/1", object("name", text(256))), "name",
        "This value is too long. It should have 255 characters or less.", CODE_TOO_LONG);

    assertThat(get(ACME, "/clients/1").asString()).isEqualTo(before);
  }

  @Test
  void createClientWithoutNameIsRejectedWith422NotBlank() {
    JsonNode body = newClientBody("x");
    ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("name");

    assertViolation(post(ACME, "/clients", body), "name", "This value should not be blank.", CODE_BLANK);
  }

  @Test
  void createClientWithStatusOutsideItsChoicesIsRejectedWith422() {
    JsonNode body = ((com.fasterxml.jackson.databind.node.ObjectNode) newClientBody("Bad Status")).put("status", "dormant");

    assertViolation(post(ACME, "/clients", body), "status", "The value you selected is not a valid choice.", CODE_CHOICE);
  }

  @Test
  void valueOfWrongJsonTypeIsRejectedWith400() {
    // API Platform's serializer refuses a wrongly typed attribute before validation: 400, not 422 (spec BadRequest).
    JsonNode body = ((com.fasterxml.jackson.databind.node.ObjectNode) newClientBody("Typed")).put("dueDays", "14");

    assertProblem(post(ACME, "/clients", body), 400,
        "The type of the \"dueDays\" attribute must be \"int\", \"string\" given.");
    assertProblem(patch(ACME, "/clients/1", object("dueDays", "14")), 400,
        "The type of the \"dueDays\" attribute must be \"int\", \"string\" given.");
  }

  @Test
  void malformedJsonIsRejectedWith400SyntaxError() {
    assertProblem(as(ACME).contentType(LD).body("{\"name\": ").post("/clients"), 400, "Syntax error");
    assertProblem(as(ACME).contentType(MERGE).body("{\"name\": ").patch("/clients/1"), 400, "Syntax error");
  }

  @Test
  void patchWithApplicationJsonIsRejectedWith415() {
    Response r = as(ACME).contentType("application/json").body("{\"name\":\"Json\"}").patch("/clients/1");

    assertProblem(r, 415,
        "The content-type \"application/json\" is not supported. Supported MIME types are \"application/merge-patch+json\".");
  }

  @Test
  void postWithTextPlainIsRejectedWith415() {
    Response r = as(ACME).contentType("text/plain").body(newClientBody("Plain").toString()).post("/clients");

    assertProblem(r, 415, "The content-type \"text/plain\" is not supported. Supported MIME types are "
        + "\"application/ld+json\", \"application/json\".");
  }

  @Test
  void pageBelowOneIsRejectedWith400() {
    assertProblem(as(ACME).queryParam("page", 0).get("/clients"), 400, "Page should not be less than 1");
  }

  @Test
  void rejectedRequestsLeaveTheStoreUnchanged() {
    JsonNode before = state(FAKE.server(), "flowtly");

    post(ACME, "/clients", newClientBody(text(256)));
    as(ACME).contentType(LD).body("{\"name\": ").post("/clients");
    as(ACME).contentType("application/json").body("{\"name\":\"Json\"}").patch("/clients/1");
    patch(ACME, "/clients/1", object("name", null, "tin", null));
    patch(ACME, "/client-contacts/1", object("email", null, "title", null));
    post(ACME, "/client-contacts", object("client", "/clients/10", "type", "general", "email", "a@b.test", "name", "X"));
    patch(GLOBEX, "/counterparties/1", object("displayName", "Stolen"));
    as(GLOBEX).delete("/counterparties/1");
    Api.given(FAKE.server()).contentType(LD).body(newClientBody("Anonymous").toString()).post("/clients");

    assertThat(state(FAKE.server(), "flowtly")).isEqualTo(before);
  }

  // ---- credentials

  @Test
  void requestWithoutTokenIsRejectedWith401() {
    assertJwtError(Api.given(FAKE.server()).get("/clients"), "JWT Token not found");
    assertJwtError(Api.given(FAKE.server()).contentType(LD).body(newClientBody("x").toString()).post("/clients"),
        "JWT Token not found");
  }

  @Test
  void requestWithUnknownTokenIsRejectedWith401() {
    assertJwtError(get("not-a-token", "/clients/1"), "Invalid JWT Token");
  }

  // ---- not found

  @Test
  void unknownIdsAnswer404Problem() {
    assertProblem(get(ACME, "/clients/999"), 404, "Not Found");
    assertProblem(patch(ACME, "/clients/999", object("name", "Ghost")), 404, "Not Found");
    assertProblem(get(ACME, "/client-contacts/999"), 404, "Not Found");
    assertProblem(as(ACME).delete("/client-contacts/999"), 404, "Not Found");
    assertProblem(get(ACME, "/client-notes/" + UUID.randomUUID()), 404, "Not Found");
    assertProblem(get(ACME, "/counterparties/999"), 404, "Not Found");
    assertProblem(as(ACME).delete("/counterparties/999"), 404, "Not Found");
  }

  // ---- clients

  @Test
  void clientCanBeCreatedReadListedAndPatchedButNotDeleted() {
    Response created = post(ACME, "/clients", newClientBody("Nordwind Logistics"));

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.contentType()).startsWith(LD);
    JsonNode c = json(created);
    long id = c.get("id").asLong();
    assertThat(c.get("@context").asText()).isEqualTo("/contexts/Client");
    assertThat(c.get("@id").asText()).isEqualTo("/clients/" + id);
    assertThat(c.get("@type").asText()).isEqualTo("Client");
    assertThat(c.get("dueDays").asInt()).isEqualTo(14);
    assertThat(c.get("documentsLanguage").asText()).isEqualTo("en");
    assertThat(c.get("clientContacts")).isEmpty();
    assertThat(c.get("tin").isNull()).isTrue();
    assertThat(c.get("costGroup").isNull()).isTrue();

    assertThat(json(get(ACME, "/clients/" + id))).isEqualTo(c);
    assertThat(memberIds(get(ACME, "/clients"))).containsExactly("/clients/1", "/clients/2", "/clients/3", "/clients/" + id);
    assertThat(memberIds(as(ACME).queryParam("q", "nordwind").get("/clients/search"))).containsExactly("/clients/" + id);

    Response patched = patch(ACME, "/clients/" + id, object("dueDays", 30, "tin", "5252448481"));
    assertThat(patched.statusCode()).as(patched.asString()).isEqualTo(200);
    assertThat(json(patched).get("dueDays").asInt()).isEqualTo(30);
    assertThat(json(get(ACME, "/clients/" + id)).get("tin").asText()).isEqualTo("5252448481");

    Response delete = as(ACME).delete("/clients/" + id);
    assertProblem(delete, 405, "The DELETE method is not supported for this route. Supported methods: GET, PATCH.");
    assertThat(delete.header("Allow")).isEqualTo("GET, PATCH");
    assertThat(get(ACME, "/clients/" + id).statusCode()).isEqualTo(200);
  }

  @Test
  void patchLeavesOmittedFieldsUnchangedAndNullClearsANullableField() {
    JsonNode before = json(get(ACME, "/clients/1"));

    Response r = patch(ACME, "/clients/1", object("tin", null, "dueDays", 30));

    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    JsonNode after = json(get(ACME, "/clients/1"));
    assertThat(after.get("tin").isNull()).isTrue();
    assertThat(after.get("dueDays").asInt()).isEqualTo(30);
    for (String field : List.of("name", "country", "currency", "status", "tinType", "tinCountry", "vatNumber",
        "documentsLanguage", "addressCity", "addressStreetLine", "addressPostCode", "addressCountry")) {
      assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
    }
    assertThat(json(r)).isEqualTo(after);
  }

  @Test
  void patchWithNullOnNonNullableFieldIsRejectedAndClientUnchanged() {
    String before = get(ACME, "/clients/1").asString();

    assertViolation(patch(ACME, "/clients/1", object("name", null)), "name", "This value should not be null.", CODE_NULL);

    assertThat(get(ACME, "/clients/1").asString()).isEqualTo(before);
  }

  @Test
  void collectionMembersCarryNoJsonLdContext() {
    JsonNode list = json(get(ACME, "/clients"));

    assertThat(list.get("@context").asText()).isEqualTo("/contexts/Client");
    assertThat(list.get("hydra:member")).isNotEmpty();
    list.get("hydra:member").forEach(m -> assertThat(keys(m)).doesNotContain("@context"));
  }

  @Test
  void clientListsTheIrisOfItsContacts() {
    // ClientContact.client and Client.clientContacts are the two sides of one relation.
    assertThat(Api.texts(json(get(ACME, "/clients/1")).get("clientContacts"))).containsExactly("/client-contacts/1");

    JsonNode contact = json(post(ACME, "/client-contacts",
        object("client", "/clients/3", "type", "general", "email", "jan@nowak.test", "name", "Jan Nowak")));

    assertThat(Api.texts(json(get(ACME, "/clients/3")).get("clientContacts")))
        .containsExactly(contact.get("@id").asText());
  }

  // ---- client contacts

  @Test
  void clientContactLifecycle() {
    Response created = post(ACME, "/client-contacts", object("client", "/clients/2", "type", "invoicing",
        "email", "ap@nordic.test", "name", "Karin Berg", "title", "CFO", "phone", "+46 8 123"));

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    JsonNode c = json(created);
    long id = c.get("id").asLong();
    assertThat(List.copyOf(keys(c))).containsExactly("@context", "@id", "@type", "id", "client", "type", "position",
        "email", "name", "title", "phone", "createdAt", "updatedAt", "possibleTypes");
    assertThat(c.get("@id").asText()).isEqualTo("/client-contacts/" + id);
    assertThat(c.get("position").asInt()).isEqualTo(0);
    assertThat(c.get("possibleTypes").asText()).isEqualTo("general,invoicing,reminders,accounting");
    assertDateTime(c.get("createdAt"));

    assertThat(json(get(ACME, "/client-contacts/" + id))).isEqualTo(c);
    assertThat(memberIds(as(ACME).queryParam("client", "/clients/2").get("/client-contacts")))
        .containsExactly("/client-contacts/2", "/client-contacts/" + id);

    Response patched = patch(ACME, "/client-contacts/" + id, object("title", null, "position", 2));
    assertThat(patched.statusCode()).as(patched.asString()).isEqualTo(200);
    JsonNode p = json(get(ACME, "/client-contacts/" + id));
    assertThat(p.get("title").isNull()).isTrue();
    assertThat(p.get("position").asInt()).isEqualTo(2);
    assertThat(p.get("phone").asText()).isEqualTo("+46 8 123");
    assertThat(p.get("email").asText()).isEqualTo("ap@nordic.test");

    assertViolation(patch(ACME, "/client-contacts/" + id, object("email", null)), "email",
        "This value should not be null.", CODE_NULL);

    Response deleted = as(ACME).delete("/client-contacts/" + id);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.asString()).isEmpty();
    assertProblem(get(ACME, "/client-contacts/" + id), 404, "Not Found");
    assertThat(memberIds(get(ACME, "/client-contacts"))).doesNotContain("/client-contacts/" + id);
  }

  @Test
  void contactNameOf256CharactersIsRejected() {
    assertViolation(post(ACME, "/client-contacts", object("type", "general", "email", "a@b.test", "name", text(256))),
        "name", "This value is too long. It should have 255 characters or less.", CODE_TOO_LONG);
  }

  @Test
  void contactForAClientOfAnotherCompanyIsRejected() {
    assertViolation(post(ACME, "/client-contacts", object("client", "/clients/10", "type", "general",
        "email", "a@b.test", "name", "Cross Tenant")), "client", "Item not found for this IRI.", CODE_REF);
  }

  @Test
  void patchingClientContactsMovesTheContactsAndTheAnswerShowsIt() {
    Response patched = patch(ACME, "/clients/3", object("clientContacts", List.of("/client-contacts/1")));
    assertThat(patched.statusCode()).as(patched.asString()).isEqualTo(200);
    assertThat(texts(json(patched).get("clientContacts"))).containsExactly("/client-contacts/1");
    assertThat(texts(json(get(ACME, "/clients/3")).get("clientContacts"))).containsExactly("/client-contacts/1");
    assertThat(texts(json(get(ACME, "/clients/1")).get("clientContacts"))).as("its former client").isEmpty();
    assertThat(json(get(ACME, "/client-contacts/1")).get("client").asText()).isEqualTo("/clients/3");
    Response emptied = patch(ACME, "/clients/3", object("clientContacts", List.of()));
    assertThat(texts(json(emptied).get("clientContacts"))).isEmpty();
    assertThat(json(get(ACME, "/client-contacts/1")).path("client").isNull()).isTrue();
  }

  @Test
  void patchingClientContactsWithAnUnknownContactIsRejectedAndChangesNothing() {
    JsonNode before = state(FAKE.server(), "flowtly");
    assertViolation(patch(ACME, "/clients/3", object("clientContacts", List.of("/client-contacts/999"))),
        "clientContacts", "Item not found for this IRI.", CODE_REF);
    assertThat(state(FAKE.server(), "flowtly")).isEqualTo(before);
  }

  // ---- client notes

  @Test
  void clientNoteLifecycleWithUuidIds() {
    Response created = post(ACME, "/client-notes",
        object("client", "/clients/2", "employee", "/employees/3", "note", "Call back in May."));

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    JsonNode n = json(created);
    assertThat(n.get("id").isTextual()).isTrue();
    String id = UUID.fromString(n.get("id").asText()).toString();
    assertThat(n.get("@id").asText()).isEqualTo("/client-notes/" + id);
    assertThat(List.copyOf(keys(n))).containsExactly(
        "@context", "@id", "@type", "id", "client", "employee", "note", "createdAt", "updatedAt");

    assertThat(json(get(ACME, "/client-notes/" + id))).isEqualTo(n);
    assertThat(memberIds(get(ACME, "/client-notes"))).containsExactly("/client-notes/" + SEED_NOTE, "/client-notes/" + id);

    Response patched = patch(ACME, "/client-notes/" + id, object("note", "Called; back in June."));
    assertThat(patched.statusCode()).as(patched.asString()).isEqualTo(200);
    JsonNode p = json(get(ACME, "/client-notes/" + id));
    assertThat(p.get("note").asText()).isEqualTo("Called; back in June.");
    assertThat(p.get("employee").asText()).isEqualTo("/employees/3");
    assertThat(p.get("client").asText()).isEqualTo("/clients/2");

    assertViolation(patch(ACME, "/client-notes/" + id, object("note", null)), "note",
        "This value should not be null.", CODE_NULL);

    assertThat(as(ACME).delete("/client-notes/" + id).statusCode()).isEqualTo(204);
    assertProblem(get(ACME, "/client-notes/" + id), 404, "Not Found");
  }

  @Test
  void clientNoteWithoutEmployeeIsRejected() {
    assertViolation(post(ACME, "/client-notes", object("client", "/clients/2", "note", "Orphan")), "employee",
        "This value should not be blank.", CODE_BLANK);
  }

  // ---- counterparties

  @Test
  void counterpartyLifecycle() {
    Response created = post(ACME, "/counterparties", object("type", "client", "client", "/clients/2",
        "displayName", "Nordic Design", "corporateWebsiteUrl", "https://nordic.test"));

    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    JsonNode c = json(created);
    long id = c.get("id").asLong();
    assertThat(List.copyOf(keys(c))).containsExactly("@context", "@id", "@type", "id", "type", "client", "supplier",
        "requireAttachment", "cyclic", "budgetNeutral", "logoUrl", "corporateWebsiteUrl", "displayName", "costGroupIcon");
    assertThat(c.get("@id").asText()).isEqualTo("/counterparties/" + id);
    assertThat(c.get("requireAttachment").asBoolean()).isFalse();
    assertThat(c.get("cyclic").asBoolean()).isFalse();
    assertThat(c.get("supplier").isNull()).isTrue();

    assertThat(json(get(ACME, "/counterparties/" + id))).isEqualTo(c);
    assertThat(memberIds(as(ACME).queryParam("type", "client").get("/counterparties")))
        .containsExactly("/counterparties/1", "/counterparties/" + id);

    Response patched = patch(ACME, "/counterparties/" + id, object("corporateWebsiteUrl", null, "budgetNeutral", true));
    assertThat(patched.statusCode()).as(patched.asString()).isEqualTo(200);
    JsonNode p = json(get(ACME, "/counterparties/" + id));
    assertThat(p.get("corporateWebsiteUrl").isNull()).isTrue();
    assertThat(p.get("budgetNeutral").asBoolean()).isTrue();
    assertThat(p.get("displayName").asText()).isEqualTo("Nordic Design");
    assertThat(p.get("client").asText()).isEqualTo("/clients/2");

    assertViolation(patch(ACME, "/counterparties/" + id, object("cyclic", null)), "cyclic",
        "This value should not be null.", CODE_NULL);

    assertThat(as(ACME).delete("/counterparties/" + id).statusCode()).isEqualTo(204);
    assertProblem(get(ACME, "/counterparties/" + id), 404, "Not Found");
  }

  @Test
  void counterpartyDisplayNameOf256CharactersIsRejected() {
    assertViolation(post(ACME, "/counterparties", object("displayName", text(256))), "displayName",
        "This value is too long. It should have 255 characters or less.", CODE_TOO_LONG);
  }

  // ---- tenants

  @Test
  void itemsOfAnotherCompanyAnswer404() {
    long client = json(post(ACME, "/clients", newClientBody("Acme Only"))).get("id").asLong();
    long contact = json(post(ACME, "/client-contacts", object("client", "/clients/" + client, "type", "general",
        "email", "a@acme.test", "name", "Acme Person"))).get("id").asLong();
    String note = json(post(ACME, "/client-notes", object("client", "/clients/" + client, "employee", "/employees/1",
        "note", "Acme secret"))).get("id").asText();
    long counterparty = json(post(ACME, "/counterparties", object("displayName", "Acme Vendor"))).get("id").asLong();

    assertProblem(get(GLOBEX, "/clients/" + client), 404, "Not Found");
    assertProblem(patch(GLOBEX, "/clients/" + client, object("name", "Hijacked")), 404, "Not Found");
    assertProblem(get(GLOBEX, "/client-contacts/" + contact), 404, "Not Found");
    assertProblem(get(GLOBEX, "/client-notes/" + note), 404, "Not Found");
    assertProblem(get(GLOBEX, "/counterparties/" + counterparty), 404, "Not Found");
    assertProblem(as(GLOBEX).delete("/counterparties/" + counterparty), 404, "Not Found");
    assertThat(memberIds(get(GLOBEX, "/clients"))).containsExactly("/clients/10");
    assertThat(memberIds(get(GLOBEX, "/counterparties"))).isEmpty();
    assertThat(json(get(ACME, "/clients/" + client)).get("name").asText()).isEqualTo("Acme Only");
    assertThat(get(ACME, "/counterparties/" + counterparty).statusCode()).isEqualTo(200);
  }
}

package dev.counterfeit.stubs;

import static dev.counterfeit.stubs.testsupport.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.SharedFake;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Flowtly's routes beyond CRUD: merge, branding enrichment, create/update by type, search, documents. */
class FlowtlyRulesAcceptanceTest {
  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  private static RequestSpecification acme(String contentType) {
    return Api.given(FAKE.server()).header("Authorization", "Bearer fl_demo_acme").contentType(contentType);
  }

  @Test
  void mergeKeepsTheTargetFillsItsGapsAndRemovesTheSource() {
    Response merged = acme("application/ld+json").body("{\"source\":\"/counterparties/2\"}").post("/counterparties/1/merge");
    assertThat(merged.statusCode()).isEqualTo(200);
    assertThat(json(merged).path("displayName").asText()).isEqualTo("Kowalski");
    assertThat(json(merged).path("corporateWebsiteUrl").asText()).isEqualTo("https://kowalski.test");
    assertThat(acme("application/ld+json").get("/counterparties/2").statusCode()).isEqualTo(404);
    assertThat(json(acme("application/ld+json").get("/counterparties")).path("hydra:totalItems").asInt()).isEqualTo(1);
  }

  @Test
  void mergeIntoItselfOrFromNothingIsRejected() {
    Response self = acme("application/ld+json").body("{\"source\":\"/counterparties/1\"}").post("/counterparties/1/merge");
    assertThat(self.statusCode()).isEqualTo(422);
    assertThat(json(self).at("/violations/0/propertyPath").asText()).isEqualTo("source");
    assertThat(acme("application/ld+json").body("{\"source\":\"/counterparties/99\"}").post("/counterparties/1/merge").statusCode())
        .isEqualTo(422);
    assertThat(acme("application/ld+json").body("{\"source\":\"/counterparties/2\"}").post("/counterparties/99/merge").statusCode())
        .isEqualTo(404);
  }

  @Test
  void brandingEnrichmentIsQueuedAndItsResultShowsOnTheCounterparty() {
    Response queued = acme("application/ld+json").post("/counterparties/2/enrich-branding-ai");
    assertThat(queued.statusCode()).isEqualTo(202);
    assertThat(json(queued).path("status").asText()).isEqualTo("queued");
    assertThat(json(queued).path("counterparties").get(0).asText()).isEqualTo("/counterparties/2");
    JsonNode enriched = json(acme("application/ld+json").get("/counterparties/2"));
    assertThat(enriched.path("logoUrl").asText()).startsWith("https://");
  }

  @Test
  void batchEnrichmentRefusesUnknownCounterpartiesAndQueuesNothingThen() {
    Response refused = acme("application/json").body("{\"counterparties\":[\"/counterparties/2\",\"/counterparties/99\"]}")
        .post("/counterparties/enrich-branding-ai");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(json(acme("application/ld+json").get("/counterparties/2")).path("logoUrl").isNull()).isTrue();
    Response queued = acme("application/json").body("{\"counterparties\":[\"/counterparties/1\",\"/counterparties/2\"]}")
        .post("/counterparties/enrich-branding-ai");
    assertThat(queued.statusCode()).isEqualTo(202);
    assertThat(json(queued).path("queued").asInt()).isEqualTo(2);
    // @type and status are the consts of the answer's schema.
    assertThat(json(queued).path("@type").asText()).isEqualTo("CounterpartyBrandingEnrichment");
    assertThat(json(queued).path("status").asText()).isEqualTo("queued");
  }

  @Test
  void counterpartyByTypeCreatesAClientAndItsLinkedCounterparty() {
    Response created = acme("application/ld+json").body("{\"type\":\"client\",\"name\":\"Nowy Klient\",\"cyclic\":true}").post("/counterparty");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode counterparty = json(created);
    assertThat(counterparty.path("type").asText()).isEqualTo("client");
    assertThat(counterparty.path("displayName").asText()).isEqualTo("Nowy Klient");
    assertThat(counterparty.path("cyclic").asBoolean()).isTrue();
    String clientIri = counterparty.path("client").asText();
    JsonNode client = json(acme("application/ld+json").get(clientIri));
    assertThat(client.path("name").asText()).isEqualTo("Nowy Klient");
    assertThat(client.path("status").asText()).isEqualTo("active");
    // The rest of the defaults the spec's handler settings give a new client.
    assertThat(client.path("tinType").asText()).isEqualTo("none");
    assertThat(client.path("country").asText()).isEqualTo("/countries/PL");
    assertThat(client.path("currency").asText()).isEqualTo("/currencies/PLN");

    Response patched = acme("application/merge-patch+json").body("{\"name\":\"Renamed\",\"displayName\":\"Renamed CP\"}")
        .patch("/counterparty/" + counterparty.path("id").asText());
    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(json(patched).path("displayName").asText()).isEqualTo("Renamed CP");
    assertThat(json(acme("application/ld+json").get(clientIri)).path("name").asText()).isEqualTo("Renamed");
  }

  @Test
  void searchFindsClientsByPartOfTheirNameOrCity() {
    JsonNode byName = json(acme("application/ld+json").get("/clients/search?q=nordic"));
    assertThat(byName.path("hydra:member")).extracting(c -> c.path("name").asText()).containsExactly("Nordic Design AB");
    JsonNode byCity = json(acme("application/ld+json").get("/clients/search?q=warsz"));
    assertThat(byCity.path("hydra:totalItems").asInt()).isEqualTo(1);
  }

  @Test
  void clientDocumentsAreACollectionOfThatClientsDocumentsOnly() {
    JsonNode docs = json(acme("application/ld+json").get("/clients/1/documents"));
    assertThat(docs.path("@type").asText()).isEqualTo("hydra:Collection");
    assertThat(docs.path("hydra:member")).extracting(d -> d.path("client").asText()).containsOnly("/clients/1").hasSize(2);
    assertThat(json(acme("application/ld+json").get("/clients/2/documents")).path("hydra:totalItems").asInt()).isZero();
    assertThat(acme("application/ld+json").get("/clients/99/documents").statusCode()).isEqualTo(404);
  }

  @Test
  void hydraViewLinksThePages() {
    JsonNode page = json(acme("application/ld+json").get("/clients?itemsPerPage=1&page=2"));
    assertThat(page.path("hydra:member")).hasSize(1);
    JsonNode view = page.path("hydra:view");
    assertThat(view.path("@id").asText()).isEqualTo("/clients?itemsPerPage=1&page=2");
    assertThat(view.path("hydra:first").asText()).isEqualTo("/clients?itemsPerPage=1&page=1");
    assertThat(view.path("hydra:last").asText()).isEqualTo("/clients?itemsPerPage=1&page=3");
    assertThat(view.path("hydra:previous").asText()).isEqualTo("/clients?itemsPerPage=1&page=1");
    assertThat(view.path("hydra:next").asText()).isEqualTo("/clients?itemsPerPage=1&page=3");
  }
}

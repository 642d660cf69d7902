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

/** FinSync's rules: external-only creation, accounts per currency, balance signs, manual balances, filters. */
class FinSyncRulesAcceptanceTest {
  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  private static RequestSpecification acme() {
    return Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme").contentType("application/json");
  }

  @Test
  void askingForAnInternalClientStillCreatesAnExternalOneWithNoAccounts() {
    Response created = acme().body("{\"name\":\"Caja nueva\",\"type\":0}").post("/api/clients");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).path("type").asInt()).isEqualTo(1);
    JsonNode read = json(acme().get("/api/clients/" + json(created).path("id").asText()));
    assertThat(read.path("type").asInt()).isEqualTo(1);
    assertThat(read.path("accounts").isEmpty()).isTrue();
  }

  @Test
  void seedHasInternalAndExternalClientsWithSignedBalancesPerCurrency() {
    JsonNode clients = json(acme().get("/api/clients?pageSize=100")).path("data");
    assertThat(clients.findValues("type")).extracting(JsonNode::asInt).contains(0, 1);
    JsonNode bank = json(acme().get("/api/clients/102"));
    assertThat(bank.path("type").asInt()).isZero();
    assertThat(bank.at("/accounts/0/balance").asDouble()).as("an overdrawn bank").isNegative();
    JsonNode supplier = json(acme().get("/api/clients/104"));
    assertThat(supplier.path("accounts")).extracting(a -> a.path("currency_name").asText()).containsExactly("ARS", "USD");
  }

  @Test
  void manualBalanceSetsOrAdjustsAndTheClientShowsTheLatestBalance() {
    Response adjusted = acme().body("{\"adjustment\": -1000.25}").post("/api/accounts/105/manual-balance");
    assertThat(adjusted.statusCode()).isEqualTo(200);
    assertThat(json(adjusted).path("balance_before").asDouble()).isEqualTo(150000.0);
    assertThat(json(adjusted).path("balance_after").asDouble()).isEqualTo(148999.75);
    Response set = acme().body("{\"balance\": 10}").post("/api/accounts/105/manual-balance");
    assertThat(json(set).path("adjustment").asDouble()).isEqualTo(10 - 148999.75);
    assertThat(json(acme().get("/api/clients/104")).at("/accounts/0/balance").asDouble()).isEqualTo(10.0);
  }

  @Test
  void manualBalanceNeedsExactlyOneOfBalanceOrAdjustment() {
    for (String body : new String[] {"{}", "{\"balance\":1,\"adjustment\":2}"}) {
      Response r = acme().body(body).post("/api/accounts/105/manual-balance");
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(json(r).path("error").asText()).isNotBlank();
    }
    assertThat(json(acme().get("/api/clients/104")).at("/accounts/0/balance").asDouble()).isEqualTo(150000.0);
  }

  @Test
  void accountsOfAnotherCompanyAreNotFound() {
    Response r = Api.given(FAKE.server()).header("x-api-key", "fs_demo_globex").contentType("application/json")
        .body("{\"adjustment\":1}").post("/api/accounts/105/manual-balance");
    assertThat(r.statusCode()).isEqualTo(404);
  }

  @Test
  void listFiltersByDescriptionCaseInsensitively() {
    JsonNode found = json(acme().get("/api/clients?description=BILLETERA"));
    assertThat(found.path("data")).extracting(c -> c.path("name").asText()).containsExactly("Mercado Pago");
    assertThat(found.at("/pagination/total").asInt()).isEqualTo(1);
  }
}

package dev.counterfeit.stubs;

import static dev.counterfeit.stubs.testsupport.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.SharedFake;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the docs page and the dashboard are made of, over HTTP: the pages, Swagger UI from its webjar, the
 * specs aimed at the fake, and the served APIs with their demo credentials. (The pages working in a browser
 * is {@link BrowserAcceptanceTest}.)
 */
class PagesAcceptanceTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  @Test
  void docsPageLoadsSwaggerUiFromTheWebjar() {
    Response page = Api.given(FAKE.server()).get("/__counterfeit/docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.asString()).contains("/__counterfeit/docs/assets/swagger-ui-bundle.js", "/__counterfeit/ui/docs.js");

    Response bundle = Api.given(FAKE.server()).get("/__counterfeit/docs/assets/swagger-ui-bundle.js");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.contentType()).startsWith("text/javascript");
    assertThat(bundle.asString()).contains("SwaggerUIBundle");
    assertThat(Api.given(FAKE.server()).get("/__counterfeit/docs/assets/swagger-ui.css").statusCode()).isEqualTo(200);
  }

  @Test
  void assetsOutsideTheirFolderAreNotServed() {
    assertThat(Api.given(FAKE.server()).urlEncodingEnabled(false).get("/__counterfeit/docs/assets/..%2F..%2Fpom.properties")
        .statusCode()).isEqualTo(404);
    assertThat(Api.given(FAKE.server()).get("/__counterfeit/docs/assets/nosuch.js").statusCode()).isEqualTo(404);
    assertThat(Api.given(FAKE.server()).get("/__counterfeit/ui/Pages.class").statusCode()).isEqualTo(404);
  }

  @Test
  void specsAreServedWithServersAimedAtTheFake() throws Exception {
    String origin = FAKE.server().baseUrl();
    Response yaml = Api.given(FAKE.server()).get("/__counterfeit/specs/fintoro.yaml");
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.contentType()).startsWith("application/yaml");
    JsonNode fintoro = YAML.readTree(yaml.asString());
    assertThat(fintoro.get("servers")).hasSize(1);
    assertThat(fintoro.at("/servers/0/url").asText()).isEqualTo(origin + "/api/public/v1");
    assertThat(fintoro.at("/paths/~1clients/get/operationId").asText()).isEqualTo("listClients");

    JsonNode apidev = json(Api.given(FAKE.server()).get("/__counterfeit/specs/apidev.json"));
    assertThat(apidev.at("/servers/0/url").asText()).isEqualTo(origin + "/apidev/v1");
    assertThat(apidev.at("/servers/0/variables").isMissingNode()).isTrue();
    JsonNode finsync = json(Api.given(FAKE.server()).get("/__counterfeit/specs/finsync.json"));
    assertThat(finsync.at("/servers/0/url").asText()).isEqualTo(origin);
  }

  @Test
  void anUnknownSpecIsA404NamingTheServedOnes() {
    Response r = Api.given(FAKE.server()).get("/__counterfeit/specs/nosuch.yaml");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("error").asText()).contains("/__counterfeit/specs/fintoro.yaml");
  }

  @Test
  void apisListsEveryServedApiWithItsDemoCredentialsAsHeaders() {
    JsonNode apis = json(Api.given(FAKE.server()).get("/__counterfeit/apis")).get("apis");
    List<String> vendors = new ArrayList<>();
    apis.forEach(a -> vendors.add(a.get("vendor").asText()));
    assertThat(vendors).containsExactly("apidev", "finsync", "fintoro", "flowtly");

    JsonNode fintoro = apis.get(2);
    assertThat(fintoro.get("baseUrl").asText()).isEqualTo(FAKE.server().baseUrl() + "/api/public/v1");
    assertThat(fintoro.get("spec").asText()).isEqualTo("/__counterfeit/specs/fintoro.yaml");
    JsonNode write = fintoro.at("/credentials/0");
    assertThat(write.get("header").asText()).isEqualTo("Authorization");
    assertThat(write.get("value").asText()).isEqualTo("Bearer ft_demo_acme_write");
    assertThat(write.get("tenant").asText()).isEqualTo("acme");
    assertThat(Api.texts(write.get("grants"))).containsExactly("read", "write");
    assertThat(apis.get(1).at("/credentials/0/header").asText()).isEqualTo("x-api-key");
    assertThat(apis.get(0).at("/users/0/email").asText()).isEqualTo("admin@acme.test");
  }

  @Test
  void dashboardIsServedAtTheControlPrefix() {
    Response page = Api.given(FAKE.server()).get("/__counterfeit/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.asString()).contains("/__counterfeit/ui/dashboard.js");
    assertThat(Api.given(FAKE.server()).get("/__counterfeit/ui/dashboard.js").asString())
        .contains("'state'", "'requests'", "'apis'", "reset");

    Response bare = Api.given(FAKE.server()).redirects().follow(false).get("/__counterfeit");
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.header("Location")).isEqualTo("/__counterfeit/");
  }

  @Test
  void aBrowserOpeningTheRootIsSentToTheDashboardWhileApiClientsKeepTheVendors404() {
    Response browser = Api.given(FAKE.server()).redirects().follow(false)
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").get("/");
    assertThat(browser.statusCode()).isEqualTo(302);
    assertThat(browser.header("Location")).isEqualTo("/__counterfeit/");

    Response client = Api.given(FAKE.server()).header("Accept", "application/json").get("/");
    assertThat(client.statusCode()).isEqualTo(404);
    assertThat(json(client).toString()).contains("No route found");
  }
}

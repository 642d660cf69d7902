package dev.counterfeit.stubs.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.openapi.ApiSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServedSpecsTest {
  private static final ServedSpecs SPECS = ServedSpecs.of(
      List.of(ApiSpec.load("apidev"), ApiSpec.load("finsync"), ApiSpec.load("fintoro"), ApiSpec.load("flowtly")));

  @Test
  void tellsApartApisThatShareTheRootByTheirRoutes() {
    assertThat(SPECS.vendorOf("/api/public/v1/clients/101")).isEqualTo("fintoro");
    assertThat(SPECS.vendorOf("/api/clients/101")).isEqualTo("finsync");
    assertThat(SPECS.vendorOf("/clients/1")).isEqualTo("flowtly");
    assertThat(SPECS.vendorOf("/apidev/v1/anything")).isEqualTo("apidev");
    assertThat(SPECS.vendorOf("/")).isNull();
    assertThat(SPECS.vendorOf("/favicon.ico")).isNull();
  }

  @Test
  void aimsServersAtTheFakeAndKeepsTheRest() {
    var fintoro = SPECS.aimedAt("fintoro", "http://localhost:9000");
    assertThat(fintoro.at("/servers/0/url").asText()).isEqualTo("http://localhost:9000/api/public/v1");
    assertThat(fintoro.get("servers")).hasSize(1);
    assertThat(fintoro.at("/paths/~1clients/get/operationId").asText()).isEqualTo("listClients");
    // The document kept for other callers is untouched.
    assertThat(SPECS.aimedAt("fintoro", "http://other").at("/servers/0/url").asText()).isEqualTo("http://other/api/public/v1");
  }

  @Test
  void knowsEachSchemesHeaderAndEachSpecsOperations() {
    assertThat(SPECS.header("finsync", "apiKey")).contains(new ServedSpecs.Header("x-api-key", ""));
    assertThat(SPECS.header("fintoro", "bearerAuth")).contains(new ServedSpecs.Header("Authorization", "Bearer "));
    assertThat(SPECS.header("fintoro", "nosuch")).isEmpty();
    assertThat(SPECS.hasOperation("fintoro", "listClients")).isTrue();
    assertThat(SPECS.hasOperation("fintoro", "setAccountManualBalance")).isFalse();
  }
}

package dev.counterfeit.stubs.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.openapi.ApiSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class VendorOfPathTest {
  private static final VendorOfPath PATHS = VendorOfPath.of(
      List.of(ApiSpec.load("finsync"), ApiSpec.load("flowtly"), ApiSpec.load("fintoro"), ApiSpec.load("apidev")));

  @Test
  void eachVendorsPathsNameIt() {
    assertThat(PATHS.vendor("/api/clients/%zz")).contains("finsync");
    assertThat(PATHS.vendor("/clients/{id}")).contains("flowtly");
    assertThat(PATHS.vendor("/api/public/v1/clients/1")).contains("fintoro");
    assertThat(PATHS.vendor("/apidev/v1/clients")).contains("apidev");
  }

  @Test
  void aLongerBasePathWinsAndNoPathNamesNoVendor() {
    assertThat(PATHS.vendor("/api/public/v1/nothing")).contains("fintoro");
    assertThat(PATHS.vendor(null)).isEmpty();
  }
}

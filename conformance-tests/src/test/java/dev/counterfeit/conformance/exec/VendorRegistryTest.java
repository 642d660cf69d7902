package dev.counterfeit.conformance.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.openapi.ApiSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VendorRegistryTest {
  private final VendorRegistry registry = VendorRegistry.load();

  @Test
  void findsEveryRegisteredVendorProfileInIdOrder() {
    assertThat(registry.ids()).containsExactly("apidev", "finsync", "fintoro", "flowtly");
  }

  @Test
  void eachFactoryMakesTheProfileOfItsOwnSpec() {
    KitConfig config = new KitConfig(key -> Optional.empty(), registry.ids());
    for (String id : registry.ids()) {
      VendorProfile profile = registry.profile(id, config, ApiSpec.load(id));
      assertThat(profile.id()).isEqualTo(id);
      assertThat(registry.factory(id).settings()).as(id).isNotEmpty();
    }
  }

  @Test
  void anUnknownVendorIsRefusedNamingTheKnownOnes() {
    assertThat(registry.find("nope")).isEmpty();
    assertThatThrownBy(() -> registry.factory("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown API 'nope'; known: apidev, finsync, fintoro, flowtly");
  }

  @Test
  void theMainCredentialFillsEachVendorsOwnSetting() {
    assertThat(List.of("apidev", "finsync", "fintoro", "flowtly").stream()
        .map(id -> registry.factory(id).settings().get(dev.counterfeit.conformance.config.CredentialOption.TOKEN)))
        .containsExactly("apiKey", "apiKey", "token", "token");
  }
}

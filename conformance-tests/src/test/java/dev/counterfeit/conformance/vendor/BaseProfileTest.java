package dev.counterfeit.conformance.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.conformance.exec.VendorProfile;
import dev.counterfeit.conformance.exec.VendorRegistry;
import dev.counterfeit.openapi.ApiSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaseProfileTest {
  private static final VendorRegistry REGISTRY = VendorRegistry.load();

  private static VendorProfile profile(String vendor) {
    return REGISTRY.profile(vendor, new KitConfig(key -> Optional.empty(), REGISTRY.ids()), ApiSpec.load(vendor));
  }

  @Test
  void anEnvelopedVendorsItemIdChangedFieldsAndErrorCodeSitWhereItsSpecSays() {
    VendorProfile apidev = profile("apidev");
    assertThat(apidev.itemPointer()).isEqualTo("/data");
    assertThat(apidev.idPointer()).isEqualTo("/data/id");
    assertThat(apidev.updatedFieldsPointer()).contains("/data/updated_fields");
    assertThat(apidev.errorCodePointer()).contains("/error/code");
  }

  @Test
  void bareVendorsAnswerTheItemItselfWithItsIdAtTheTop() {
    for (String vendor : new String[] {"finsync", "fintoro", "flowtly"}) {
      VendorProfile profile = profile(vendor);
      assertThat(profile.itemPointer()).as(vendor).isEmpty();
      assertThat(profile.idPointer()).as(vendor).isEqualTo("/id");
      assertThat(profile.updatedFieldsPointer()).as(vendor).isEmpty();
      assertThat(profile.errorCodePointer()).as(vendor).isEmpty();
    }
  }
}

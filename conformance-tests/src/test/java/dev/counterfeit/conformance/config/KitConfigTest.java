package dev.counterfeit.conformance.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.conformance.exec.VendorRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KitConfigTest {
  private static KitConfig of(Map<String, String> values) {
    return new KitConfig(key -> Optional.ofNullable(values.get(key)), VendorRegistry.load().ids());
  }

  @Test
  void checksAllFourApisIntoTargetByDefault() {
    KitConfig config = of(Map.of());
    assertThat(config.apis()).containsExactly("apidev", "finsync", "fintoro", "flowtly");
    assertThat(config.reportDir()).isEqualTo(Path.of("target"));
    assertThat(config.rateLimit()).isFalse();
    assertThat(config.hasBaseUrl()).isFalse();
    assertThat(config.readOnly()).isFalse();
    assertThat(config.timeoutSeconds()).isEqualTo(30);
    assertThat(config.rateLimitSpacingMillis()).isEmpty();
    assertThat(config.rules()).isEmpty();
  }

  @Test
  void aVendorRateLimitBaseUrlWinsOverTheCommonOne() {
    KitConfig config = of(Map.of("counterfeit.rateLimitBaseUrl", "http://limited",
        "counterfeit.apidev.rateLimitBaseUrl", "http://a"));
    assertThat(config.rateLimitBaseUrl("apidev")).contains("http://a");
    assertThat(config.rateLimitBaseUrl("fintoro")).contains("http://limited");
  }

  @Test
  void aVendorBaseUrlWinsOverTheCommonOne() {
    KitConfig config = of(Map.of("counterfeit.baseUrl", "http://all", "counterfeit.flowtly.baseUrl", "http://f"));
    assertThat(config.baseUrl("flowtly")).contains("http://f");
    assertThat(config.baseUrl("fintoro")).contains("http://all");
  }

  @Test
  void defaultsApplyOnlyWhereNothingIsSetAndBlankCountsAsUnset() {
    KitConfig config = of(Map.of("counterfeit.fintoro.token", "mine", "counterfeit.flowtly.token", " "))
        .withDefaults(Map.of("counterfeit.fintoro.token", "demo", "counterfeit.flowtly.token", "demo-f"));
    assertThat(config.vendor("fintoro", "token")).contains("mine");
    assertThat(config.vendor("flowtly", "token")).contains("demo-f");
  }

  @Test
  void apisAndOperationsAreCommaLists() {
    KitConfig config = of(Map.of("counterfeit.api", " fintoro , flowtly", "counterfeit.operations", "createClient"));
    assertThat(config.apis()).containsExactly("fintoro", "flowtly");
    assertThat(config.operations()).containsExactly("createClient");
  }
}

package dev.counterfeit.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.counterfeit.stubs.http.Limits;
import dev.counterfeit.stubs.proxy.ProxySettings;
import dev.counterfeit.stubs.store.StoreLocation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StubServerConfigTest {

  @Test
  void aBuilderLeftAloneGivesTheDocumentedDefaults() {
    StubServerConfig config = StubServerConfig.builder().build();
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.bind()).isEqualTo("127.0.0.1");
    assertThat(config.apis()).isEmpty();
    assertThat(config.seed()).isTrue();
    assertThat(config.corsOrigins()).containsExactly("*");
    assertThat(config.journalLimit()).isZero();
    assertThat(config.requestLog()).isEqualTo(200);
    assertThat(config.rateLimits()).isTrue();
    assertThat(config.checkResponses()).isFalse();
    assertThat(config.specOverrides()).isEmpty();
    assertThat(config.clock()).isEqualTo(Clock.systemUTC());
    assertThat(config.store()).isEqualTo(StoreLocation.memory());
    assertThat(config.limits()).isEqualTo(Limits.defaults());
    assertThat(config.proxy()).isEqualTo(ProxySettings.none());
  }

  @Test
  void eachSettingNamedOnTheBuilderEndsUpInTheConfigAndSpecOverridesAddUp() {
    StubServerConfig config = StubServerConfig.builder().port(0).bind("0.0.0.0").apis(Set.of("finsync"))
        .seed(false).corsOrigins(List.of("https://app.test")).journalLimit(5).requestLog(0).rateLimits(false)
        .checkResponses(true).specOverride("finsync", "a: 1").specOverride("fintoro", "b: 2").build();
    assertThat(config.port()).isZero();
    assertThat(config.bind()).isEqualTo("0.0.0.0");
    assertThat(config.apis()).containsExactly("finsync");
    assertThat(config.seed()).isFalse();
    assertThat(config.corsOrigins()).containsExactly("https://app.test");
    assertThat(config.journalLimit()).isEqualTo(5);
    assertThat(config.requestLog()).isZero();
    assertThat(config.rateLimits()).isFalse();
    assertThat(config.checkResponses()).isTrue();
    assertThat(config.specOverrides()).isEqualTo(Map.of("finsync", "a: 1", "fintoro", "b: 2"));
  }

  @Test
  void aConfigBuiltEarlierDoesNotChangeWhenTheBuilderGoesOn() {
    StubServerConfig.Builder builder = StubServerConfig.builder().specOverride("finsync", "a: 1");
    StubServerConfig first = builder.build();
    builder.specOverride("fintoro", "b: 2").rateLimits(false);
    assertThat(first.specOverrides()).containsOnlyKeys("finsync");
    assertThat(first.rateLimits()).isTrue();
  }

  @Test
  void aNegativeLogSizeIsRefused() {
    assertThatThrownBy(() -> StubServerConfig.builder().requestLog(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}

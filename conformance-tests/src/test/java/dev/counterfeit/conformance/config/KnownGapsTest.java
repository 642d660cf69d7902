package dev.counterfeit.conformance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KnownGapsTest {
  @Test
  void matchesAWholeTestNameOfTheListedVendorOnly() {
    KnownGaps gaps = KnownGaps.parse("""
        # comment
        fintoro | GET /clients -> 401 .* | the 401 lacks rate-limit headers
        """);
    assertThat(gaps.find("fintoro", "GET /clients -> 401 no credentials")).get()
        .extracting(KnownGaps.Gap::reason).isEqualTo("the 401 lacks rate-limit headers");
    assertThat(gaps.find("flowtly", "GET /clients -> 401 no credentials")).isEmpty();
    assertThat(gaps.find("fintoro", "POST /clients -> 401 no credentials")).isEmpty();
  }

  @Test
  void aGapWithoutAReasonIsRefused() {
    assertThatThrownBy(() -> KnownGaps.parse("fintoro | GET .*"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
  }
}

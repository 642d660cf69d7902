package dev.counterfeit.stubs.profile.fintoro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.stubs.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FintoroLanguageTest {
  private static String language(String header) {
    return FintoroProfile.language(new HttpRequest("GET", "/", Map.of(), Map.of("Accept-Language", List.of(header)), null));
  }

  @Test
  void weightsDecideBetweenSlovakAndEnglish() {
    assertThat(language("en;q=0.4, cs;q=0.9")).isEqualTo("sk");
    assertThat(language("de, en")).isEqualTo("en");
  }

  @Test
  void aHeaderThatIsNotAValidListIsReadLeniently() {
    assertThat(language("x".repeat(5000))).isEqualTo("en");
    assertThat(language("sk;q=abc,,;,en-US;q=2")).isEqualTo("sk");
  }
}

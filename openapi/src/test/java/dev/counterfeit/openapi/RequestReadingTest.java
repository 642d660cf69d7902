package dev.counterfeit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestReadingTest {

  @Test
  void readsIriReferencesAndEmptyUnreadableBodiesFromTheDocumentRoot() {
    ApiSpec spec = ApiSpec.fromText("t", """
        openapi: 3.1.0
        x-counterfeit-references: iri
        x-counterfeit-unreadable-body: empty
        paths: {}
        """);
    assertThat(spec.requestReading()).isEqualTo(new RequestReading(true, true));
  }

  @Test
  void aDocumentWithoutEitherTakesBareIdsAndRefusesUnreadableBodies() {
    assertThat(ApiSpec.fromText("t", "openapi: 3.1.0\npaths: {}\n").requestReading())
        .isEqualTo(new RequestReading(false, false));
  }

  @Test
  void theDefaultsMayBeWrittenOut() {
    ApiSpec spec = ApiSpec.fromText("t", """
        openapi: 3.1.0
        x-counterfeit-references: id
        x-counterfeit-unreadable-body: refuse
        paths: {}
        """);
    assertThat(spec.requestReading()).isEqualTo(new RequestReading(false, false));
  }

  @Test
  void refusesAValueItDoesNotKnow() {
    assertThatThrownBy(() -> ApiSpec.fromText("t", "openapi: 3.1.0\nx-counterfeit-references: url\npaths: {}\n"))
        .hasMessageContaining("x-counterfeit-references must be id or iri");
    assertThatThrownBy(() -> ApiSpec.fromText("t", "openapi: 3.1.0\nx-counterfeit-unreadable-body: ignore\npaths: {}\n"))
        .hasMessageContaining("x-counterfeit-unreadable-body must be refuse or empty");
  }

  @Test
  void theShippedSpecsSayWhichVendorsReadIrisAndEmptyForms() {
    assertThat(ApiSpec.load("flowtly").requestReading()).isEqualTo(new RequestReading(true, false));
    assertThat(ApiSpec.load("fintoro").requestReading()).isEqualTo(new RequestReading(false, true));
    assertThat(ApiSpec.load("apidev").requestReading()).isEqualTo(new RequestReading(false, false));
    assertThat(ApiSpec.load("finsync").requestReading()).isEqualTo(new RequestReading(false, false));
  }
}

package dev.counterfeit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  @Test
  void readsTheItemListAndErrorCodePointersFromTheDocumentRoot() {
    ApiSpec spec = ApiSpec.fromText("t", """
        openapi: 3.1.0
        x-counterfeit-envelope: {item: /data, list: /data/items, error-code: /error/code}
        paths: {}
        """);
    assertThat(spec.envelope()).isEqualTo(new Envelope("/data", "/data/items", Optional.of("/error/code")));
  }

  @Test
  void aDocumentWithoutAnEnvelopeAnswersBare() {
    assertThat(ApiSpec.fromText("t", "openapi: 3.1.0\npaths: {}\n").envelope())
        .isEqualTo(new Envelope("", "", Optional.empty()));
  }

  @Test
  void refusesAPointerWithoutItsLeadingSlash() {
    assertThatThrownBy(() -> ApiSpec.fromText("t", "openapi: 3.1.0\nx-counterfeit-envelope: {item: data}\npaths: {}\n"))
        .hasMessageContaining("x-counterfeit-envelope.item must be a JSON pointer");
  }

  @Test
  void theShippedSpecsDeclareWhereTheirListsSit() {
    assertThat(ApiSpec.load("flowtly").envelope().list()).isEqualTo("/hydra:member");
    assertThat(ApiSpec.load("apidev").envelope().item()).isEqualTo("/data");
    assertThat(ApiSpec.load("apidev").envelope().errorCode()).contains("/error/code");
  }
}

package dev.counterfeit.stubs.wiremock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {
  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void wellFormedUtf8IsAccepted() {
    assertThat(RequestLimits.wellFormedUtf8("{\"name\":\"Žilina – 東京 😀\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(RequestLimits.wellFormedUtf8(new byte[0])).isTrue();
  }

  @Test
  void overlongFormsSurrogatesAndStrayBytesAreRefused() {
    assertThat(RequestLimits.wellFormedUtf8(bytes(0xC0, 0xAF))).as("overlong '/'").isFalse();
    assertThat(RequestLimits.wellFormedUtf8(bytes(0xE0, 0x80, 0xAF))).as("overlong 3-byte '/'").isFalse();
    assertThat(RequestLimits.wellFormedUtf8(bytes(0xED, 0xA0, 0x80))).as("surrogate").isFalse();
    assertThat(RequestLimits.wellFormedUtf8(bytes(0xF4, 0x90, 0x80, 0x80))).as("past U+10FFFF").isFalse();
    assertThat(RequestLimits.wellFormedUtf8(bytes(0xFF))).isFalse();
    assertThat(RequestLimits.wellFormedUtf8(bytes(0xC3))).as("cut short").isFalse();
    assertThat(RequestLimits.wellFormedUtf8(bytes(0xC3, 0x41))).as("bad continuation").isFalse();
  }
}

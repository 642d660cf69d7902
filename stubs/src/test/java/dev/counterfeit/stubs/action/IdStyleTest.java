package dev.counterfeit.stubs.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IdStyleTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static IdStyle of(String schema) throws Exception {
    return IdStyle.of(JSON.readTree(schema));
  }

  @Test
  void integerIdsAreASequenceAnsweredAsNumbers() throws Exception {
    IdStyle style = of("{\"type\":\"integer\"}");
    assertThat(style.next(7)).isEqualTo("7");
    assertThat(style.render("7").isNumber()).isTrue();
    assertThat(style.counterOf("7")).isEqualTo(7);
  }

  @Test
  void digitPatternIdsHaveTheirFixedWidth() throws Exception {
    IdStyle style = of("{\"type\":\"string\",\"pattern\":\"^[0-9]{18}$\"}");
    String id = style.next(5);
    assertThat(id).hasSize(18).matches("^[0-9]{18}$").isEqualTo("900000000000000005");
    assertThat(style.render(id).isTextual()).isTrue();
    assertThat(style.counterOf(id)).isEqualTo(5);
  }

  @Test
  void uuidIdsAreRandomAndNeedNoCounter() throws Exception {
    IdStyle style = of("{\"type\":\"string\",\"format\":\"uuid\"}");
    assertThat(style.next(1)).isNotEqualTo(style.next(1)).matches("^[0-9a-f-]{36}$");
    assertThat(style.counted()).isFalse();
  }
}

package dev.counterfeit.conformance.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private final Values values = new Values("ab12");
  private final ObjectMapper json = new ObjectMapper();

  private ObjectNode schema(String format) {
    return json.createObjectNode().put("type", "string").put("format", format);
  }

  @Test
  void fillerStartsWithTheRunNonceAndHasTheExactLength() {
    assertThat(values.filler(40)).startsWith("ctab12").hasSize(40);
    assertThat(values.filler(3)).isEqualTo("cta");
    assertThat(values.filler(0)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {9, 64, 65, 120, 200, 254})
  void emailsOfAnyLengthUpTo254AreWellFormed(int length) {
    String email = values.stringOfLength(schema("email"), length).orElseThrow();
    assertThat(email).hasSize(length).matches("[a-z0-9]{1,64}@([a-z]{1,63}\\.)+com");
  }

  @Test
  void noEmailIsLongerThan254Characters() {
    assertThat(values.stringOfLength(schema("email"), 255)).isEmpty();
  }

  @Test
  void urisAndIriReferencesKeepTheirShape() {
    assertThat(values.stringOfLength(schema("uri"), 255).orElseThrow()).startsWith("https://example.com/").hasSize(255);
    assertThat(values.stringOfLength(schema("iri-reference"), 10).orElseThrow()).startsWith("/").hasSize(10);
  }

  @Test
  void aPatternIsOnlySatisfiedByAnExampleOfTheRightLength() {
    ObjectNode schema = json.createObjectNode().put("type", "string").put("pattern", "^[A-Z]{2}$");
    assertThat(values.stringOfLength(schema, 2)).isEmpty();
    schema.putArray("examples").add("PL");
    assertThat(values.stringOfLength(schema, 2)).contains("PL");
  }

  @Test
  void numbersKeepIntegersIntegralAndBigOnesExact() {
    assertThat(Values.number(new BigDecimal("10000000000"), true).isIntegralNumber()).isTrue();
    assertThat(Values.number(new BigDecimal("10000000000"), true).asLong()).isEqualTo(10_000_000_000L);
    assertThat(Values.number(new BigDecimal("-91"), false).asInt()).isEqualTo(-91);
  }

  @Test
  void wrongTypesNeverLookLikeTheDeclaredOne() {
    assertThat(Values.wrongType("integer").asText()).doesNotContainPattern("\\d");
    assertThat(Values.wrongType("string").isNumber()).isTrue();
    assertThat(Values.wrongType("boolean").isTextual()).isTrue();
  }
}

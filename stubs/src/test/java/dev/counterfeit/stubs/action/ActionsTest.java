package dev.counterfeit.stubs.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ActionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void mergePatchFollowsRfc7396Examples() throws Exception {
    // RFC 7396 appendix A, a few of its cases.
    assertThat(Actions.mergePatch(json("{\"a\":\"b\"}"), json("{\"a\":\"c\"}"))).isEqualTo(json("{\"a\":\"c\"}"));
    assertThat(Actions.mergePatch(json("{\"a\":\"b\"}"), json("{\"b\":\"c\"}"))).isEqualTo(json("{\"a\":\"b\",\"b\":\"c\"}"));
    assertThat(Actions.mergePatch(json("{\"a\":\"b\",\"b\":\"c\"}"), json("{\"a\":null}"))).isEqualTo(json("{\"b\":\"c\"}"));
    assertThat(Actions.mergePatch(json("{\"a\":{\"b\":\"c\"}}"), json("{\"a\":{\"b\":\"d\",\"c\":null}}")))
        .isEqualTo(json("{\"a\":{\"b\":\"d\"}}"));
    assertThat(Actions.mergePatch(json("{\"a\":[{\"b\":\"c\"}]}"), json("{\"a\":[1]}"))).isEqualTo(json("{\"a\":[1]}"));
    assertThat(Actions.mergePatch(json("{\"e\":null}"), json("{\"a\":1}"))).isEqualTo(json("{\"e\":null,\"a\":1}"));
    assertThat(Actions.mergePatch(null, json("{\"a\":{\"bb\":{\"ccc\":null}}}"))).isEqualTo(json("{\"a\":{\"bb\":{}}}"));
  }

  @Test
  void nullPatchOfATopLevelFieldIsKeptAsAnExplicitNull() throws Exception {
    assertThat(Actions.mergePatch(json("\"old\""), json("null")).isNull()).isTrue();
  }
}

package dev.counterfeit.stubs.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemAnswers;
import dev.counterfeit.stubs.profile.VendorProfile;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.SpecException;
import org.junit.jupiter.api.Test;

class InferenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final VendorProfile BARE = new VendorProfile() {
    public String id() {
      return "t";
    }

    public JsonNode wrapList(ListPage page) {
      return JSON.createArrayNode().addAll(page.items());
    }

    public HttpResponse render(Problem problem, ProblemAnswers answers, HttpRequest request) {
      return HttpResponse.empty(problem.kind().defaultStatus());
    }
  };

  private static VendorApi api(String itemProperties) {
    return new VendorApi(BARE, ApiModel.compile(ApiSpec.fromText("t", """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        servers: [{url: "https://t.test"}]
        security: []
        paths:
          /things/{id}:
            get:
              operationId: getThing
              x-counterfeit-action: read
              x-counterfeit-resource: things
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: object, properties: {%s}}
        """.formatted(itemProperties))), null);
  }

  private static ObjectNode record(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void aMissingFieldTakesThenWhenAnySourceHoldsAValueAndElseOtherwise() throws Exception {
    VendorApi api = api("kind: {type: string, x-counterfeit-infer: {when-any: [a, b], then: firm, else: person}}");
    ObjectNode withB = record("{\"b\":\"x\"}");
    api.infer("things", withB);
    assertThat(withB.path("kind").asText()).isEqualTo("firm");
    ObjectNode withNothing = record("{\"a\":null,\"b\":\"\"}");
    api.infer("things", withNothing);
    assertThat(withNothing.path("kind").asText()).as("null and \"\" hold no value").isEqualTo("person");
  }

  @Test
  void aSentValueWinsUnlessTheFieldIsAlwaysInferred() throws Exception {
    VendorApi sometimes = api("flag: {type: boolean, x-counterfeit-infer: {when-any: [a], then: true}}");
    ObjectNode sent = record("{\"a\":\"x\",\"flag\":false}");
    sometimes.infer("things", sent);
    assertThat(sent.path("flag").asBoolean()).isFalse();
    ObjectNode none = record("{}");
    sometimes.infer("things", none);
    assertThat(none.has("flag")).as("no else: left unset").isFalse();

    VendorApi always = api("flag: {type: boolean, x-counterfeit-infer: {when-any: [a], then: true, else: false, always: true}}");
    ObjectNode stale = record("{\"flag\":true}");
    always.infer("things", stale);
    assertThat(stale.path("flag").asBoolean()).isFalse();
  }

  @Test
  void anInferenceWithoutSourcesOrValueDoesNotStart() {
    assertThatThrownBy(() -> api("kind: {type: string, x-counterfeit-infer: {then: firm}}"))
        .isInstanceOf(SpecException.class).hasMessageContaining("x-counterfeit-infer needs when-any fields and a then value");
  }
}

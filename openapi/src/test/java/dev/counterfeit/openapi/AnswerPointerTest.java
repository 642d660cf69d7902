package dev.counterfeit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerPointerTest {
  private static final ApiSpec SPEC = ApiSpec.fromText("t", """
      openapi: 3.1.0
      paths:
        /things:
          get:
            responses:
              '200':
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
          post:
            responses:
              '201':
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        data:
                          allOf:
                            - $ref: '#/components/schemas/Thing'
                            - properties:
                                changed: {type: array, x-counterfeit-value: updated-fields}
              '422':
                content:
                  application/json:
                    schema:
                      properties:
                        token: {type: string, x-counterfeit-value: token}
      components:
        schemas:
          Thing:
            type: object
            properties:
              owner:
                type: object
                properties:
                  id: {type: string, x-counterfeit-value: id}
              id: {type: string, x-counterfeit-value: id}
      """);

  @Test
  void findsTheShallowestMarkThroughRefsAndAllOf() {
    assertThat(SPEC.answerPointer("id")).contains("/data/id");
    assertThat(SPEC.answerPointer("updated-fields")).contains("/data/changed");
  }

  @Test
  void neitherListItemsNorErrorAnswersDecide() {
    assertThat(SPEC.answerPointer("token")).isEmpty();
    assertThat(ApiSpec.fromText("t", SPEC.tree().toString().replace("\"post\"", "\"x-post\"")).answerPointer("id"))
        .isEmpty();
  }

  @Test
  void theShippedSpecsSayWhereTheirAnswersCarryIdsChangedFieldsAndTokens() {
    assertThat(ApiSpec.load("apidev").answerPointer("id")).contains("/data/id");
    assertThat(ApiSpec.load("apidev").answerPointer("updated-fields")).contains("/data/updated_fields");
    assertThat(ApiSpec.load("apidev").answerPointer("token")).contains("/data/authorization");
    for (String bare : new String[] {"finsync", "fintoro", "flowtly"}) {
      assertThat(ApiSpec.load(bare).answerPointer("id")).as(bare).contains("/id");
      assertThat(ApiSpec.load(bare).answerPointer("updated-fields")).as(bare).isEmpty();
    }
  }
}

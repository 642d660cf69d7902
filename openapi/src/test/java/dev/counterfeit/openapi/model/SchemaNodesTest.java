package dev.counterfeit.openapi.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterfeit.openapi.ApiSpec;
import org.junit.jupiter.api.Test;

class SchemaNodesTest {
  private static final ApiSpec SPEC = ApiSpec.fromText("t", """
      openapi: 3.1.0
      info: {title: t, version: '1'}
      paths:
        /clients:
          post:
            operationId: createClient
            x-counterfeit-action: create
            x-counterfeit-resource: clients
            requestBody:
              content:
                application/json:
                  schema:
                    unevaluatedProperties: false
                    allOf:
                      - $ref: '#/components/schemas/Named'
                      - type: object
                        required: [email]
                        properties:
                          email: {type: string, format: email}
                          address: {$ref: '#/components/schemas/Address'}
                          owner: {$ref: '#/components/schemas/Base', readOnly: true, x-counterfeit-ref: users}
            responses:
              '201': {description: created}
      components:
        schemas:
          Base:
            type: object
            required: [id]
            properties:
              id: {type: integer, readOnly: true}
          Named:
            allOf:
              - $ref: '#/components/schemas/Base'
              - type: object
                required: [name]
                properties:
                  name: {type: string}
          Address:
            oneOf:
              - type: object
                properties:
                  city: {type: string}
              - type: 'null'
          Closed:
            type: object
            additionalProperties: false
            properties:
              name: {type: string}
          Maybe:
            type: [string, 'null']
      """);
  private static final ApiModel MODEL = ApiModel.compile(SPEC);
  private static final JsonNode BODY = MODEL.operation("createClient").body().schemaNode();

  @Test
  void allOfMergesThePropertiesOfEveryPartFollowingNestedRefs() {
    assertThat(SchemaNodes.properties(SPEC, BODY)).containsOnlyKeys("id", "name", "email", "address", "owner");
    assertThat(SchemaNodes.resolvedProperties(SPEC, BODY).get("address").has("oneOf")).isTrue();
    assertThat(SchemaNodes.properties(SPEC, BODY).get("address").has("$ref")).isTrue();
  }

  @Test
  void allOfMergesTheRequiredFieldsOfEveryPart() {
    assertThat(SchemaNodes.required(SPEC, BODY)).containsExactly("id", "name", "email");
  }

  @Test
  void anAllOfIsOneObjectNotAChoiceOfItsParts() {
    assertThat(SchemaNodes.objectBranch(SPEC, BODY)).isSameAs(BODY);
    assertThat(SchemaNodes.at(SPEC, BODY, "/address/city")).get()
        .satisfies(city -> assertThat(city.path("type").asText()).isEqualTo("string"));
    assertThat(SchemaNodes.at(SPEC, BODY, "/nowhere")).isEmpty();
    assertThat(SchemaNodes.at(SPEC, BODY, "")).contains(BODY);
  }

  @Test
  void theCompiledBodySchemaHoldsEveryPart() throws Exception {
    var schema = MODEL.operation("createClient").bodySchemas().get("application/json");
    ObjectMapper json = new ObjectMapper();
    assertThat(schema.validate(json.readTree("{\"id\": 1, \"name\": \"a\", \"email\": \"a@b.example\"}"))).isEmpty();
    assertThat(schema.validate(json.readTree("{\"id\": 1, \"email\": \"a@b.example\"}"))).isNotEmpty();
    assertThat(schema.validate(json.readTree("{\"id\": 1, \"name\": \"a\"}"))).isNotEmpty();
    assertThat(schema.validate(json.readTree("{\"id\": 1, \"name\": \"a\", \"email\": \"a@b.example\", \"x\": 1}")))
        .isNotEmpty();
  }

  @Test
  void additionalOrUnevaluatedPropertiesFalseRefusesUnknownProperties() {
    assertThat(SchemaNodes.closed(SPEC, SPEC.at("/components/schemas/Closed"))).isTrue();
    assertThat(SchemaNodes.closed(SPEC, BODY)).isTrue();
    assertThat(SchemaNodes.closed(SPEC, SPEC.at("/components/schemas/Named"))).isFalse();
  }

  @Test
  void typesCountTheBranchesOfAOneOfAndNullMakesASchemaNullable() {
    JsonNode address = SPEC.at("/components/schemas/Address");
    assertThat(SchemaNodes.types(SPEC, address)).containsExactly("object", "null");
    assertThat(SchemaNodes.declaredType(SPEC, address)).contains("object");
    assertThat(SchemaNodes.nullable(SPEC, address)).isTrue();
    JsonNode maybe = SPEC.at("/components/schemas/Maybe");
    assertThat(SchemaNodes.declaredType(SPEC, maybe)).contains("string");
    assertThat(SchemaNodes.primaryType(maybe)).isEqualTo("string");
    assertThat(SchemaNodes.nullable(SPEC, maybe)).isTrue();
    assertThat(SchemaNodes.nullable(SPEC, SPEC.at("/components/schemas/Base"))).isFalse();
    assertThat(SchemaNodes.declaredType(SPEC, SPEC.at("/components/schemas/Named"))).isEmpty();
  }

  @Test
  void keywordsBesideARefWinOverTheTargetsWhenPropertiesAreResolved() {
    JsonNode owner = SchemaNodes.resolvedProperties(SPEC, BODY).get("owner");
    assertThat(owner.path("readOnly").asBoolean()).isTrue();
    assertThat(owner.path("x-counterfeit-ref").asText()).isEqualTo("users");
    assertThat(owner.path("properties").has("id")).isTrue();
    assertThat(MODEL.object(BODY).property("owner")).get().extracting(Property::ref).isEqualTo("users");
    assertThat(SPEC.at("/components/schemas/Base").has("readOnly")).isFalse();
  }
}

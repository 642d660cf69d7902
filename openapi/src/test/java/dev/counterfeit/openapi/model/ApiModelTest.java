package dev.counterfeit.openapi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.counterfeit.openapi.ApiSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiModelTest {

  /** A document with one server, two schemes and the given paths (indented as under {@code paths:}). */
  private static ApiModel model(String root, String paths) {
    return ApiModel.compile(ApiSpec.fromText("t", """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        servers:
          - url: https://api.example/v1
        %s
        components:
          securitySchemes:
            apiKey: {type: apiKey, in: header, name: X-API-Key}
            bearer: {type: http, scheme: bearer}
            tenant: {type: apiKey, in: header, name: X-Tenant}
          schemas:
            Problem:
              type: object
              properties:
                message: {type: string}
        paths:
        %s""".formatted(root, paths.indent(2))));
  }

  private static ApiModel paths(String paths) {
    return model("", paths);
  }

  private static final String ITEMS = """
      /items:
        get:
          operationId: listItems
          x-counterfeit-action: list
          x-counterfeit-resource: items
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {type: array, items: {type: object}}
      """;

  private static final String IDEMPOTENT_CREATE = """
      /items:
        post:
          operationId: createItem
          x-counterfeit-action: create
          x-counterfeit-resource: items
          parameters:
            - name: Idempotency-Key
              in: header
              schema: {type: string}
              x-counterfeit-idempotency: %s
            - name: X-Other
              in: header
              schema: {type: string}
          responses:
            '201': {description: ok}
      """;

  @Test
  void anIdempotencyKeyHeaderSaysWhichHeaderAndValuesMarkOriginalAndReplayedAnswers() {
    Operation create = paths(IDEMPOTENT_CREATE.formatted(
        "{answer-header: Idempotency-Status, original: Original, replayed: Repeated}")).operation("createItem");
    assertThat(create.parameters()).extracting(Parameter::name, Parameter::idempotency).containsExactly(
        tuple("Idempotency-Key", new Parameter.Idempotency("Idempotency-Status", "Original", "Repeated")),
        tuple("X-Other", null));
  }

  @Test
  void anIdempotencyMarkWithoutItsValuesIsRefusedAtStart() {
    assertThatThrownBy(() -> paths(IDEMPOTENT_CREATE.formatted("{answer-header: Idempotency-Status}")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("x-counterfeit-idempotency on Idempotency-Key needs answer-header, original and replayed");
  }

  @Test
  void everyMethodIsAnOperationIncludingHeadAndOptions() {
    ApiModel model = paths("""
        /items:
          head:
            operationId: headItems
            x-counterfeit-action: list
            x-counterfeit-resource: items
            responses:
              '200': {description: ok}
          options:
            operationId: optionsItems
            x-counterfeit-action: custom
            x-counterfeit-handler: preflight
            x-counterfeit-resource: items
            responses:
              '204': {description: ok}
          post:
            operationId: createItem
            x-counterfeit-action: create
            x-counterfeit-resource: items
            responses:
              '201': {description: ok}
        """);
    assertThat(model.operationsById()).extracting(Operation::operationId, Operation::method)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("createItem", "POST"),
            org.assertj.core.groups.Tuple.tuple("headItems", "HEAD"),
            org.assertj.core.groups.Tuple.tuple("optionsItems", "OPTIONS"));
    assertThat(model.operation("headItems").isWrite()).isFalse();
    assertThat(model.operation("optionsItems").isWrite()).isFalse();
    assertThat(model.operation("createItem").isWrite()).isTrue();
    assertThat(model.operation("headItems").template()).isEqualTo("/v1/items");
    assertThat(model.operation("headItems").path()).isEqualTo("/items");
    assertThat(model.operation("headItems").pointer()).isEqualTo("/paths/~1items/head");
  }

  @Test
  void actionsAreTheEnumAndAnUnknownOneOrACustomOneWithoutHandlerIsRefused() {
    ApiModel model = paths(ITEMS);
    assertThat(model.operation("listItems").action()).isEqualTo(Action.LIST);
    assertThat(model.find("items", Action.LIST)).map(Operation::operationId).contains("listItems");
    assertThat(model.find("items", Action.READ)).isEmpty();
    assertThatThrownBy(() -> paths(ITEMS.replace("action: list", "action: browse")))
        .isInstanceOf(SpecException.class).hasMessageContaining("unknown x-counterfeit-action 'browse'");
    assertThatThrownBy(() -> paths(ITEMS.replace("action: list", "action: custom")))
        .isInstanceOf(SpecException.class).hasMessageContaining("custom action without x-counterfeit-handler");
  }

  @Test
  void aResponseIsLookedUpByCodeThenRangeThenDefault() {
    Operation op = paths("""
        /items:
          get:
            operationId: listItems
            x-counterfeit-action: list
            x-counterfeit-resource: items
            responses:
              default:
                description: anything else
                content:
                  application/problem+json:
                    schema: {$ref: '#/components/schemas/Problem'}
              4XX:
                description: a client error
              '404': {description: gone}
              '200': {description: ok}
        """).operation("listItems");
    assertThat(op.responses()).containsOnlyKeys("200", "404", "4XX", "default");
    assertThat(List.copyOf(op.responses().keySet())).containsExactly("200", "404", "4XX", "default");
    assertThat(op.declaredStatus(404)).contains("404");
    assertThat(op.declaredStatus(422)).contains("4XX");
    assertThat(op.declaredStatus(503)).contains("default");
    assertThat(op.response(503)).get().satisfies(r -> {
      assertThat(r.mediaType()).isEqualTo("application/problem+json");
      assertThat(r.schemaFor("application/problem+json; charset=utf-8")).isEqualTo("/components/schemas/Problem");
      assertThat(r.schema()).isNotNull();
    });
    assertThat(op.response(422)).get().satisfies(r -> assertThat(r.schema()).isNull());
    // Only an exact code says the API answers it; a range or default does not.
    assertThat(op.declares(404)).isTrue();
    assertThat(op.declares(422)).isFalse();
  }

  @Test
  void withoutADefaultAnUndeclaredStatusHasNoResponse() {
    Operation op = paths(ITEMS).operation("listItems");
    assertThat(op.declaredStatus(500)).isEmpty();
    assertThat(op.response(404)).isEmpty();
  }

  @Test
  void successStatusesAreTheDeclared2xxAndNoneIsInventedWhereNoneIsDeclared() {
    ApiModel model = paths("""
        /jobs:
          post:
            operationId: startJob
            x-counterfeit-action: create
            x-counterfeit-resource: jobs
            responses:
              '202': {description: accepted}
              '201':
                description: done at once
                content:
                  application/json:
                    schema: {type: object}
              2XX: {description: some other success}
          delete:
            operationId: dropJobs
            x-counterfeit-action: delete
            x-counterfeit-resource: jobs
            responses:
              '400': {description: refused}
              default: {description: whatever}
        """);
    Operation start = model.operation("startJob");
    assertThat(start.successStatuses()).containsExactly(201, 202);
    assertThat(start.successStatus()).isEqualTo(201);
    assertThat(start.successMediaType()).isEqualTo("application/json");
    assertThat(start.responseSchema()).isEqualTo("/paths/~1jobs/post/responses/201/content/application~1json/schema");
    Operation drop = model.operation("dropJobs");
    assertThat(drop.successStatuses()).isEmpty();
    assertThatThrownBy(drop::successStatus).isInstanceOf(SpecException.class).hasMessageContaining("no 2xx response");
  }

  @Test
  void everySecurityAlternativeIsKeptEachWithAllItsSchemes() {
    Operation op = model("""
        security:
          - apiKey: []
        """, """
        /items:
          get:
            operationId: listItems
            x-counterfeit-action: list
            x-counterfeit-resource: items
            security:
              - apiKey: []
              - bearer: []
                tenant: []
            responses:
              '200': {description: ok}
        """).operation("listItems");
    assertThat(op.security()).hasSize(2);
    assertThat(op.security().get(0)).extracting(SecurityScheme::name).containsExactly("apiKey");
    assertThat(op.security().get(1)).extracting(SecurityScheme::name).containsExactly("bearer", "tenant");
    assertThat(op.security().get(1).get(0)).isEqualTo(new SecurityScheme("bearer", "Authorization", true));
    assertThat(op.security().get(1).get(1)).isEqualTo(new SecurityScheme("tenant", "X-Tenant", false));
  }

  @Test
  void theDocumentSecurityAppliesUnlessTheOperationStatesItsOwnAndAnEmptyListOrAlternativeMakesItPublic() {
    String root = """
        security:
          - bearer: []
        """;
    assertThat(model(root, ITEMS).operation("listItems").security())
        .containsExactly(List.of(new SecurityScheme("bearer", "Authorization", true)));
    String withOwn = ITEMS.replace("    responses:", "    security: %s\n    responses:");
    assertThat(model(root, withOwn.formatted("[]")).operation("listItems").security()).isEmpty();
    assertThat(model(root, withOwn.formatted("[{}, {apiKey: []}]")).operation("listItems").security()).isEmpty();
    assertThat(model("", ITEMS).operation("listItems").security()).isEmpty();
    assertThatThrownBy(() -> model(root, withOwn.formatted("[{oauth: []}]")))
        .isInstanceOf(SpecException.class).hasMessageContaining("oauth is not in components/securitySchemes");
  }

  @Test
  void schemesOtherThanHeaderKeysAndBearerTokensAreRefused() {
    assertThatThrownBy(() -> ApiModel.compile(ApiSpec.fromText("t", """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        components:
          securitySchemes:
            cookie: {type: apiKey, in: cookie, name: session}
        paths: {}
        """))).isInstanceOf(SpecException.class).hasMessageContaining("neither a header API key nor bearer");
  }

  @Test
  void anOperationsRateLimitWinsOverTheDocumentsAndFalseSwitchesItOff() {
    String root = """
        x-counterfeit-rate-limit: {requests: 10, seconds: 60}
        """;
    String paths = """
        /a:
          get:
            operationId: a
            x-counterfeit-action: list
            x-counterfeit-resource: a
            responses:
              '200': {description: ok}
        /b:
          get:
            operationId: b
            x-counterfeit-action: list
            x-counterfeit-resource: b
            x-counterfeit-rate-limit: {requests: 5, seconds: 30, per: account, account: {header: tenant, field: email}}
            responses:
              '200': {description: ok}
        /c:
          get:
            operationId: c
            x-counterfeit-action: list
            x-counterfeit-resource: c
            x-counterfeit-rate-limit: false
            responses:
              '200': {description: ok}
        """;
    ApiModel model = model(root, paths);
    RateLimit document = new RateLimit(10, Duration.ofSeconds(60), RateLimit.Per.TENANT);
    assertThat(model.rateLimit()).isEqualTo(document);
    assertThat(model.operation("a").rateLimit()).isEqualTo(document);
    assertThat(model.operation("b").rateLimit()).isEqualTo(new RateLimit(5, Duration.ofSeconds(30), RateLimit.Per.ACCOUNT,
        new RateLimit.Account("tenant", "email")));
    assertThat(model.operation("c").rateLimit()).isNull();
    assertThat(model("", paths).operation("a").rateLimit()).isNull();
    assertThatThrownBy(() -> model("x-counterfeit-rate-limit: {requests: 0, seconds: 60}", paths))
        .isInstanceOf(SpecException.class).hasMessageContaining("positive requests and seconds");
  }

  @Test
  void aPerAccountRateLimitSaysWhereARequestNamesTheAccount() {
    String paths = """
        /login:
          post:
            operationId: login
            x-counterfeit-action: custom
            x-counterfeit-handler: login
            x-counterfeit-resource: users
            x-counterfeit-rate-limit: %s
            responses:
              '200': {description: ok}
        """;
    assertThat(model("", paths.formatted("{requests: 5, seconds: 30, per: account, account: {field: email}}"))
        .operation("login").rateLimit().account()).isEqualTo(new RateLimit.Account(null, "email"));
    assertThatThrownBy(() -> model("", paths.formatted("{requests: 5, seconds: 30, per: account}")))
        .isInstanceOf(SpecException.class).hasMessageContaining("per account needs account: {header, field}");
    assertThatThrownBy(() -> model("", paths.formatted("{requests: 5, seconds: 30, account: {header: tenant}}")))
        .isInstanceOf(SpecException.class).hasMessageContaining("names an account but counts per tenant");
  }

  @Test
  void aRequestBodyHasASchemaPerMediaTypeAndItsExamples() {
    Operation op = paths("""
        /items/{id}:
          patch:
            operationId: updateItem
            x-counterfeit-action: merge
            x-counterfeit-resource: items
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}, example: 7}
            requestBody:
              required: true
              content:
                application/merge-patch+json:
                  schema: {type: object, properties: {name: {type: string}}}
                  example: {name: a}
                Application/JSON:
                  schema: {type: object, properties: {name: {type: string, maxLength: 3}}}
                  examples:
                    short: {value: {name: b}}
                    again: {value: {name: a}}
            responses:
              '200': {description: ok}
        """).operation("updateItem");
    assertThat(op.bodyRequired()).isTrue();
    assertThat(op.body().mediaTypes()).containsExactly("application/merge-patch+json", "application/json");
    assertThat(op.body().mediaType()).isEqualTo("application/json");
    assertThat(op.body().schemaPointer())
        .isEqualTo("/paths/~1items~1{id}/patch/requestBody/content/Application~1JSON/schema");
    assertThat(op.body().schemaNode().at("/properties/name/maxLength").asInt()).isEqualTo(3);
    assertThat(op.bodySchemas()).containsOnlyKeys("application/merge-patch+json", "application/json");
    assertThat(op.body().examples()).extracting(e -> e.get("name").asText()).containsExactly("a", "b");
    assertThat(op.itemParam()).get().satisfies(p -> {
      assertThat(p.in()).isEqualTo(Parameter.In.PATH);
      assertThat(p.example().asInt()).isEqualTo(7);
      assertThat(p.jsonType()).isEqualTo("integer");
    });
  }

  @Test
  void operationParametersWinOverPathParametersOfTheSameName() {
    Operation op = paths("""
        /items:
          parameters:
            - {name: page, in: query, schema: {type: string}}
            - {name: X-Trace, in: header, schema: {type: string}}
          get:
            operationId: listItems
            x-counterfeit-action: list
            x-counterfeit-resource: items
            parameters:
              - {name: page, in: query, required: true, schema: {type: integer, minimum: 1}}
            responses:
              '200': {description: ok}
        """).operation("listItems");
    assertThat(op.parameters(Parameter.In.QUERY)).singleElement().satisfies(p -> {
      assertThat(p.required()).isTrue();
      assertThat(p.jsonType()).isEqualTo("integer");
    });
    assertThat(op.parameters(Parameter.In.HEADER)).extracting(Parameter::name).containsExactly("X-Trace");
  }

  @Test
  void aResponseNamesItsHeadersAndWhichAreRequired() {
    Operation op = paths(ITEMS.replace("        description: ok\n", """
                description: ok
                headers:
                  X-RateLimit-Limit: {required: true, schema: {type: integer}}
                  X-Request-Id: {schema: {type: string}}
        """)).operation("listItems");
    assertThat(op.response(200)).get().satisfies(r -> {
      assertThat(r.headers()).containsExactly("X-RateLimit-Limit", "X-Request-Id");
      assertThat(r.requiredHeaders()).containsExactly("X-RateLimit-Limit");
    });
  }
}

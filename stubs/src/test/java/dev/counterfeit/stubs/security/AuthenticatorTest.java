package dev.counterfeit.stubs.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.problem.Outcome;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
  /** Either an API key alone, or a bearer token together with a company key. */
  private static final ApiModel MODEL = ApiModel.compile(ApiSpec.fromText("t", """
      openapi: 3.1.0
      info: {title: t, version: "1"}
      servers: [{url: "https://t.test"}]
      security: [{key: []}, {jwt: [], company: []}]
      paths:
        /things:
          get:
            operationId: listThings
            x-counterfeit-action: list
            x-counterfeit-resource: things
            responses: {'200': {description: ok}}
        /open:
          get:
            operationId: listOpen
            security: []
            x-counterfeit-action: list
            x-counterfeit-resource: things
            responses: {'200': {description: ok}}
      components:
        securitySchemes:
          key: {type: apiKey, in: header, name: X-Key}
          jwt: {type: http, scheme: bearer}
          company: {type: apiKey, in: header, name: X-Company}
      """));

  private final Credentials credentials = new Credentials(Clock.systemUTC(), "secret".getBytes(StandardCharsets.UTF_8));
  private final Authenticator authenticator = new Authenticator(credentials);

  AuthenticatorTest() {
    credentials.add("t", "key", "k-acme", "acme", Set.of("*"), null);
    credentials.add("t", "jwt", "t-acme", "acme", Set.of("read", "write"), null);
    credentials.add("t", "company", "c-acme", "acme", Set.of("read"), null);
    credentials.add("t", "company", "c-other", "other", Set.of("*"), null);
  }

  private static HttpRequest get(String... headers) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], List.of(headers[i + 1]));
    }
    return new HttpRequest("GET", "/things", Map.of(), map, new byte[0]);
  }

  private Outcome<Principal> authenticate(String operationId, HttpRequest request) {
    Operation op = MODEL.operation(operationId);
    return authenticator.authenticate("t", op, request);
  }

  @Test
  void aPublicRouteGoesOnWithoutACaller() {
    Outcome<Principal> outcome = authenticate("listOpen", get());
    assertThat(outcome.stopped()).isFalse();
    assertThat(outcome.found()).isNull();
  }

  @Test
  void oneAlternativeIsEnough() {
    assertThat(authenticate("listThings", get("X-Key", "k-acme")).found()).isEqualTo(new Principal("acme", Set.of("*")));
  }

  @Test
  void allCredentialsOfAnAlternativeMustBeThereAndTheCallerMayWhatEveryOneAllows() {
    Outcome<Principal> outcome = authenticate("listThings", get("Authorization", "Bearer t-acme", "X-Company", "c-acme"));
    assertThat(outcome.found()).isEqualTo(new Principal("acme", Set.of("read")));
  }

  @Test
  void nothingSentNamesEveryMissingHeaderOnce() {
    Outcome<Principal> outcome = authenticate("listThings", get());
    assertThat(outcome.problem().kind()).isEqualTo(ProblemKind.MISSING_CREDENTIALS);
    assertThat(outcome.problem().detail()).isEqualTo("Missing required headers: X-Key, Authorization, X-Company.");
  }

  @Test
  void aPartlySentAlternativeCountsAsMissingEvenWhenAnotherIsWrong() {
    Outcome<Principal> outcome = authenticate("listThings", get("X-Key", "nope", "X-Company", "c-acme"));
    assertThat(outcome.problem().kind()).isEqualTo(ProblemKind.MISSING_CREDENTIALS);
    assertThat(outcome.problem().detail()).isEqualTo("Missing required headers: Authorization.");
  }

  @Test
  void credentialsThatAreAllThereButWrongAreInvalid() {
    assertThat(authenticate("listThings", get("X-Key", "nope", "Authorization", "Bearer t-acme", "X-Company", "c-nope"))
        .problem().kind()).isEqualTo(ProblemKind.INVALID_CREDENTIALS);
    assertThat(authenticate("listThings", get("X-Key", "nope", "Authorization", "t-acme", "X-Company", "c-acme"))
        .problem().kind()).as("a bearer token without its Bearer prefix").isEqualTo(ProblemKind.INVALID_CREDENTIALS);
  }

  @Test
  void credentialsOfTwoCompaniesInOneAlternativeAreInvalid() {
    Outcome<Principal> outcome = authenticate("listThings",
        get("X-Key", "nope", "Authorization", "Bearer t-acme", "X-Company", "c-other"));
    assertThat(outcome.problem().kind()).isEqualTo(ProblemKind.INVALID_CREDENTIALS);
  }
}

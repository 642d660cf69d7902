package dev.counterfeit.stubs.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.stubs.testsupport.TinySpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {
  private static final ApiModel MODEL = TinySpec.model();
  private final RequestValidator validator = new RequestValidator();

  private RequestCheck create(String contentType, String body, String trace) {
    Operation op = MODEL.operation("createItem");
    Map<String, List<String>> headers = new java.util.HashMap<>();
    if (contentType != null) {
      headers.put("Content-Type", List.of(contentType));
    }
    if (trace != null) {
      headers.put("X-Trace", List.of(trace));
    }
    return validator.check(op, new HttpRequest("POST", "/v1/items", Map.of(), headers,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8)), Map.of());
  }

  private static List<Violation> violations(RequestCheck check) {
    assertThat(check).isInstanceOf(RequestCheck.Invalid.class);
    return ((RequestCheck.Invalid) check).report().violations();
  }

  @Test
  void validBodyComesBackParsed() {
    RequestCheck check = create("application/json; charset=utf-8", "{\"name\":\"abc\",\"note\":null}", "t1");
    assertThat(check).isInstanceOfSatisfying(RequestCheck.Valid.class,
        v -> assertThat(v.body().get("name").asText()).isEqualTo("abc"));
  }

  @Test
  void everyBrokenRuleIsReportedWithFieldKeyAndLimit() {
    List<Violation> found = violations(create("application/json",
        "{\"name\":\"abcd\",\"email\":\"nope\",\"kind\":\"z\",\"nested\":{\"code\":10},\"extra\":1}", "t1"));
    assertThat(found).extracting(Violation::field, Violation::key).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("name", "maxLength"),
        org.assertj.core.groups.Tuple.tuple("email", "format"),
        org.assertj.core.groups.Tuple.tuple("kind", "enum"),
        org.assertj.core.groups.Tuple.tuple("nested.code", "maximum"),
        org.assertj.core.groups.Tuple.tuple("extra", "additionalProperties"));
    assertThat(found.stream().filter(v -> v.key().equals("maxLength")).findFirst().orElseThrow().arg("limit")).isEqualTo("3");
    assertThat(found.stream().filter(v -> v.key().equals("enum")).findFirst().orElseThrow().arg("allowed")).isEqualTo("a, b");
  }

  @Test
  void missingRequiredFieldIsNamedAndNullOnNonNullableIsItsOwnKey() {
    assertThat(violations(create("application/json", "{}", "t1"))).extracting(Violation::field, Violation::key)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "required"));
    assertThat(violations(create("application/json", "{\"name\":null}", "t1"))).extracting(Violation::key).containsExactly("null");
  }

  @Test
  void malformedJsonAndForeignMediaTypesAreTheirOwnOutcomes() {
    assertThat(create("application/json", "{\"name\":", "t1")).isInstanceOf(RequestCheck.Malformed.class);
    assertThat(create("text/plain", "name=abc", "t1")).isInstanceOfSatisfying(RequestCheck.UnsupportedMediaType.class,
        u -> assertThat(u.accepted()).containsExactly("application/json"));
    assertThat(create(null, "{\"name\":\"a\"}", "t1")).isInstanceOf(RequestCheck.UnsupportedMediaType.class);
  }

  @Test
  void headerParametersAreRequiredAndLimited() {
    assertThat(violations(create("application/json", "{\"name\":\"a\"}", null)))
        .extracting(Violation::location, Violation::field, Violation::key)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Violation.Location.HEADER, "X-Trace", "required"));
    assertThat(violations(create("application/json", "{\"name\":\"a\"}", "toolong"))).extracting(Violation::key).containsExactly("maxLength");
  }

  @Test
  void queryParametersAreTypedBoundedAndDefaulted() {
    Operation list = MODEL.operation("listItems");
    RequestCheck none = validator.check(list, new HttpRequest("GET", "/v1/items", Map.of(), Map.of(), null), Map.of());
    assertThat(none).isInstanceOfSatisfying(RequestCheck.Valid.class, v -> assertThat(v.params().get("size").asInt()).isEqualTo(10));
    RequestCheck bad = validator.check(list, new HttpRequest("GET", "/v1/items",
        Map.of("size", List.of("51"), "flag", List.of("yes")), Map.of(), null), Map.of());
    assertThat(violations(bad)).extracting(Violation::field, Violation::key).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("size", "maximum"), org.assertj.core.groups.Tuple.tuple("flag", "type"));
  }

  @Test
  void pathParametersAreCoercedToTheirType() {
    Operation get = MODEL.operation("getItem");
    assertThat(violations(validator.check(get, new HttpRequest("GET", "/v1/items/abc", Map.of(), Map.of(), null), Map.of("id", "abc"))))
        .extracting(Violation::key).containsExactly("type");
    assertThat(validator.check(get, new HttpRequest("GET", "/v1/items/7", Map.of(), Map.of(), null), Map.of("id", "7")))
        .isInstanceOfSatisfying(RequestCheck.Valid.class, v -> assertThat(v.params().get("id").isNumber()).isTrue());
  }
}

package dev.counterfeit.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.SchemaNodes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Builds values for cases: strings of an exact length that still satisfy the field's format, numbers at and
 * beyond bounds, values of the wrong JSON type. Strings carry a run nonce, so data one run creates is
 * recognisable ({@code ct…}) and never collides with an earlier run's (idempotency keys, unique names).
 */
public final class Values {
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";
  /** RFC 5321 caps a forward path, and so any address a format check accepts, at 254 characters. */
  public static final int LONGEST_EMAIL = 254;
  private final String nonce;

  /** @param nonce a few lower-case letters or digits identifying the run */
  public Values(String nonce) {
    this.nonce = nonce;
  }

  public String nonce() {
    return nonce;
  }

  /** Letters, starting {@code ct<nonce>}, of exactly {@code length} characters. */
  public String filler(int length) {
    StringBuilder sb = new StringBuilder("ct").append(nonce);
    for (int i = 0; sb.length() < length; i++) {
      sb.append(ALPHABET.charAt(i % ALPHABET.length()));
    }
    return sb.substring(0, length);
  }

  /**
   * A string of exactly {@code length} characters valid for the schema's {@code format} and {@code pattern}, or
   * empty when none can be built (a pattern the kit cannot satisfy and no example of that length).
   */
  public Optional<String> stringOfLength(JsonNode schema, int length) {
    for (JsonNode example : examplesOf(schema)) {
      if (example.isTextual() && example.asText().length() == length && matchesPattern(schema, example.asText())) {
        return Optional.of(example.asText());
      }
    }
    if (schema.has("pattern") || schema.has("enum") || schema.has("const")) {
      return Optional.empty();
    }
    String format = schema.path("format").asText("");
    return switch (format) {
      case "" -> Optional.of(filler(length));
      case "email" -> email(length);
      case "uri", "url" -> length >= 21 ? Optional.of("https://example.com/" + filler(length - 20)) : Optional.empty();
      case "iri-reference", "uri-reference" -> length >= 2 ? Optional.of("/" + filler(length - 1)) : Optional.empty();
      default -> Optional.empty();
    };
  }

  /** An address of exactly {@code length} characters: a local part of at most 64 and dotted labels of at most 63. */
  private Optional<String> email(int length) {
    // RFC 5321 caps a forward path at 254 characters, which is what format checks enforce.
    if (length < 9 || length > LONGEST_EMAIL) {
      return Optional.empty();
    }
    int local = Math.min(64, length - 8);
    int domain = length - local - 1;
    return Optional.of(filler(local) + "@" + domain(domain));
  }

  private static String domain(int length) {
    if (length <= 67) {
      return "d".repeat(length - 4) + ".com";
    }
    // Keep at least "d.com" for the rest, so no label ends up empty.
    int first = Math.min(63, length - 6);
    return "d".repeat(first) + "." + domain(length - first - 1);
  }

  /** A value valid for the schema, for a required field no example covers. */
  public JsonNode sample(ApiModel model, JsonNode schema) {
    JsonNode s = model.spec().deref(schema);
    for (JsonNode example : examplesOf(s)) {
      return example;
    }
    if (s.has("const")) {
      return s.get("const");
    }
    if (s.has("default")) {
      return s.get("default");
    }
    if (s.has("enum") && s.get("enum").size() > 0) {
      return s.get("enum").get(0);
    }
    String type = SchemaNodes.declaredType(model.spec(), s).orElse("string");
    return switch (type) {
      case "integer", "number" -> number(s.has("minimum") ? s.get("minimum").decimalValue() : BigDecimal.ONE,
          "integer".equals(type));
      case "boolean" -> JsonNodeFactory.instance.booleanNode(false);
      case "array" -> JsonNodeFactory.instance.arrayNode();
      case "object" -> JsonNodeFactory.instance.objectNode();
      default -> {
        int min = s.path("minLength").asInt(1);
        int max = s.path("maxLength").asInt(Math.max(min, 24));
        yield TextNode.valueOf(stringOfLength(s, Math.max(min, Math.min(max, 24))).orElse(filler(Math.max(min, 1))));
      }
    };
  }

  /** A JSON number node holding {@code value}; integral values become integer nodes. */
  public static JsonNode number(BigDecimal value, boolean integer) {
    BigDecimal v = value.stripTrailingZeros();
    if (integer || v.scale() <= 0) {
      BigInteger i = v.toBigInteger();
      if (i.bitLength() < 32) {
        return IntNode.valueOf(i.intValue());
      }
      if (i.bitLength() < 64) {
        return LongNode.valueOf(i.longValue());
      }
      return BigIntegerNode.valueOf(i);
    }
    return DecimalNode.valueOf(v);
  }

  /** A value whose JSON type differs from the declared one; never null, never numeric text for a number. */
  public static JsonNode wrongType(String declaredType) {
    return switch (declaredType) {
      case "string" -> IntNode.valueOf(12345);
      case "integer", "number" -> TextNode.valueOf("not-a-number");
      case "boolean" -> TextNode.valueOf("not-a-boolean");
      case "array" -> TextNode.valueOf("not-an-array");
      case "object" -> TextNode.valueOf("not-an-object");
      default -> JsonNodeFactory.instance.arrayNode();
    };
  }

  /** Short name of a node's JSON type, for test names. */
  public static String jsonType(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isArray()) {
      return "array";
    }
    if (value.isObject()) {
      return "object";
    }
    return "null";
  }

  /** Schema-level {@code examples} and {@code example}, as nodes. */
  public static java.util.List<JsonNode> examplesOf(JsonNode schema) {
    java.util.List<JsonNode> result = new java.util.ArrayList<>();
    schema.path("examples").forEach(result::add);
    if (schema.has("example")) {
      result.add(schema.get("example"));
    }
    return result;
  }

  private static boolean matchesPattern(JsonNode schema, String value) {
    return !schema.has("pattern") || java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(value).find();
  }
}

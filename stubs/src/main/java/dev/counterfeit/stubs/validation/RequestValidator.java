package dev.counterfeit.stubs.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.openapi.model.MediaType;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a request's parameters and body against an operation's compiled schemas. Stateless and thread-safe;
 * nothing is compiled here.
 */
public final class RequestValidator {
  /** Strict like the vendors' parsers: a second document after the first is a syntax error. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

  /** Checks the request; {@code pathParams} are the raw values the router extracted. */
  public RequestCheck check(Operation op, HttpRequest request, Map<String, String> pathParams) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    List<Violation> violations = new ArrayList<>();
    for (Parameter p : op.parameters()) {
      checkParameter(p, raw(p, request, pathParams), values, violations);
    }

    JsonNode body = null;
    if (op.body() != null && !op.body().content().isEmpty() && (request.hasBody() || op.bodyRequired())) {
      String mediaType = request.mediaType();
      MediaType media = mediaType == null ? null : op.body().content().get(mediaType);
      Schema schema = media == null ? null : media.schema();
      if (schema == null) {
        return new RequestCheck.UnsupportedMediaType(mediaType, op.body().mediaTypes());
      }
      if (!request.hasBody()) {
        // A JSON decoder finds nothing to decode: API Platform's "Syntax error", Laravel's empty form.
        return new RequestCheck.Malformed("the request body is empty");
      }
      try {
        body = JSON.readTree(request.body());
      } catch (JsonProcessingException e) {
        return new RequestCheck.Malformed(e.getOriginalMessage());
      } catch (java.io.IOException e) {
        return new RequestCheck.Malformed(e.getMessage());
      }
      if (body == null || body.isMissingNode()) {
        body = JSON.createObjectNode();
      }
      for (Error error : schema.validate(body)) {
        violations.add(toViolation(Violation.Location.BODY, "", error));
      }
    }
    if (!violations.isEmpty()) {
      return new RequestCheck.Invalid(new ValidationReport(violations));
    }
    return new RequestCheck.Valid(values, body);
  }

  private static String raw(Parameter p, HttpRequest request, Map<String, String> pathParams) {
    return switch (p.in()) {
      case PATH -> pathParams.get(p.name());
      case QUERY -> request.queryParam(p.name());
      case HEADER -> request.header(p.name());
    };
  }

  private static void checkParameter(Parameter p, String raw, Map<String, JsonNode> values, List<Violation> out) {
    Violation.Location location = switch (p.in()) {
      case PATH -> Violation.Location.PATH;
      case QUERY -> Violation.Location.QUERY;
      case HEADER -> Violation.Location.HEADER;
    };
    if (raw == null || raw.isEmpty() && p.in() != Parameter.In.QUERY) {
      if (p.required()) {
        out.add(new Violation(location, p.name(), "required", Map.of()));
      } else if (p.schemaNode().has("default")) {
        values.put(p.name(), p.schemaNode().get("default"));
      }
      return;
    }
    JsonNode value = coerce(raw, p.jsonType());
    if (value == null) {
      out.add(new Violation(location, p.name(), "type", Map.of("type", p.jsonType())));
      return;
    }
    List<Error> errors = p.schema().validate(value);
    if (errors.isEmpty()) {
      values.put(p.name(), value);
    }
    for (Error error : errors) {
      out.add(toViolation(location, p.name(), error));
    }
  }

  /** The string form of a parameter as the JSON type its schema names, or null when it is not one. */
  static JsonNode coerce(String raw, String type) {
    try {
      return switch (type) {
        case "integer" -> INTEGER.matcher(raw).matches() ? LongNode.valueOf(Long.parseLong(raw)) : null;
        case "number" -> DecimalNode.valueOf(new BigDecimal(raw));
        case "boolean" -> raw.equals("true") || raw.equals("false") ? BooleanNode.valueOf(raw.equals("true")) : null;
        default -> TextNode.valueOf(raw);
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Turns a networknt error into a neutral violation, with the field path and the limit it broke. */
  static Violation toViolation(Violation.Location location, String prefix, Error error) {
    String field = join(prefix, dotted(error.getInstanceLocation()));
    String key = error.getKeyword() == null ? "invalid" : error.getKeyword();
    Map<String, Object> args = new HashMap<>();
    JsonNode keywordValue = error.getSchemaNode();
    switch (key) {
      case "required", "additionalProperties", "dependentRequired" -> field = join(field, error.getProperty());
      case "type" -> {
        args.put("type", typeNames(keywordValue));
        Object[] found = error.getArguments();
        if (found != null && found.length > 0 && found[0] != null) {
          args.put("found", found[0].toString());
        }
      }
      case "enum" -> args.put("allowed", enumText(keywordValue));
      case "const" -> args.put("allowed", keywordValue == null ? "" : keywordValue.asText());
      case "format" -> args.put("format", keywordValue == null ? "" : keywordValue.asText());
      default -> {
        if (keywordValue != null && keywordValue.isValueNode()) {
          args.put("limit", keywordValue.isNumber() ? keywordValue.numberValue() : keywordValue.asText());
        }
      }
    }
    if (key.equals("type") && error.getInstanceNode() != null && error.getInstanceNode().isNull()) {
      key = "null";
    }
    return new Violation(location, field, key, args);
  }

  private static String join(String a, String b) {
    if (b == null || b.isEmpty()) {
      return a;
    }
    return a.isEmpty() ? b : a + "." + b;
  }

  private static String dotted(NodePath path) {
    if (path == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      parts.add(String.valueOf(path.getElement(i)));
    }
    return String.join(".", parts);
  }

  private static String typeNames(JsonNode type) {
    if (type == null) {
      return "";
    }
    if (!type.isArray()) {
      return type.asText();
    }
    List<String> names = new ArrayList<>();
    type.forEach(t -> {
      if (!t.asText().equals("null")) {
        names.add(t.asText());
      }
    });
    return String.join(" or ", names);
  }

  private static String enumText(JsonNode values) {
    if (values == null) {
      return "";
    }
    List<String> names = new ArrayList<>();
    values.forEach(v -> names.add(v.isNull() ? "null" : v.asText()));
    return String.join(", ", names);
  }
}

package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.openapi.ApiSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reading JSON Schema 2020-12 nodes the way the specs write them (CONVENTIONS.md): properties and required
 * fields merged across {@code allOf}, declared types, nullability, the object branch of a composite.
 */
public final class SchemaNodes {
  private SchemaNodes() {}

  /** The first non-null type a schema names ({@code [string, "null"]} is "string"), or "object" for composites. */
  public static String primaryType(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      return type.asText();
    }
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
      return "null";
    }
    if (schema.has("properties")) {
      return "object";
    }
    return "any";
  }

  /**
   * The types a schema declares, in order; {@code oneOf}/{@code anyOf} branches count with theirs
   * ({@code oneOf: [X, {type: null}]} is X's types plus null). Empty when it declares none.
   */
  public static List<String> types(ApiSpec spec, JsonNode schema) {
    JsonNode node = spec.deref(schema);
    List<String> result = new ArrayList<>();
    JsonNode type = node.get("type");
    if (type != null && type.isTextual()) {
      result.add(type.asText());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> result.add(t.asText()));
    } else if (node.has("oneOf") || node.has("anyOf")) {
      for (JsonNode branch : node.has("oneOf") ? node.get("oneOf") : node.get("anyOf")) {
        for (String t : types(spec, branch)) {
          if (!result.contains(t)) {
            result.add(t);
          }
        }
      }
    }
    return result;
  }

  /** The first non-null type a schema declares, its branches' included ({@link #types}), or empty. */
  public static Optional<String> declaredType(ApiSpec spec, JsonNode schema) {
    return types(spec, schema).stream().filter(t -> !"null".equals(t)).findFirst();
  }

  /** Whether {@code null} is an allowed value. */
  public static boolean nullable(ApiSpec spec, JsonNode schema) {
    JsonNode node = spec.deref(schema);
    JsonNode type = node.get("type");
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (t.asText().equals("null")) {
          return true;
        }
      }
    }
    if (type != null && type.asText().equals("null")) {
      return true;
    }
    for (String composite : new String[] {"oneOf", "anyOf"}) {
      for (JsonNode branch : node.path(composite)) {
        if (nullable(spec, branch)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The branch of a schema that describes an object (itself, or a oneOf/anyOf/allOf member), dereferenced. */
  public static JsonNode objectBranch(ApiSpec spec, JsonNode schema) {
    JsonNode node = spec.deref(schema);
    boolean alternatives = node.has("oneOf") || node.has("anyOf");
    // An allOf is one object made of its members (properties() merges them), not a choice among them.
    if (node.has("properties") || !alternatives && (node.has("allOf") || "object".equals(primaryType(node)))) {
      return node;
    }
    for (String composite : new String[] {"oneOf", "anyOf", "allOf"}) {
      for (JsonNode branch : node.path(composite)) {
        JsonNode found = objectBranch(spec, branch);
        if (found.has("properties")) {
          return found;
        }
      }
    }
    return node;
  }

  /** The array branch's {@code items} schema, dereferenced, or a missing node. */
  public static JsonNode itemsOf(ApiSpec spec, JsonNode schema) {
    JsonNode node = spec.deref(schema);
    if (node.has("items")) {
      return spec.deref(node.get("items"));
    }
    for (String composite : new String[] {"oneOf", "anyOf", "allOf"}) {
      for (JsonNode branch : node.path(composite)) {
        JsonNode items = itemsOf(spec, branch);
        if (!items.isMissingNode()) {
          return items;
        }
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /**
   * Declared properties, including those of allOf members, in document order; values as written (a
   * {@code $ref} may carry sibling extensions), so dereference them before reading keywords.
   */
  public static Map<String, JsonNode> properties(ApiSpec spec, JsonNode schema) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    JsonNode node = objectBranch(spec, schema);
    for (JsonNode member : node.path("allOf")) {
      result.putAll(properties(spec, member));
    }
    node.path("properties").fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  /**
   * {@link #properties} with each value's {@code $ref} followed. Keywords written beside a {@code $ref}
   * ({@code readOnly}, {@code x-counterfeit-ref}) are kept over the target's, as {@link Property} reads them.
   */
  public static Map<String, JsonNode> resolvedProperties(ApiSpec spec, JsonNode schema) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    properties(spec, schema).forEach((name, property) -> result.put(name, resolved(spec, property)));
    return result;
  }

  private static JsonNode resolved(ApiSpec spec, JsonNode property) {
    JsonNode target = spec.deref(property);
    if (!property.has("$ref") || property.size() == 1 || !target.isObject()) {
      return target;
    }
    ObjectNode merged = ((ObjectNode) target).deepCopy();
    property.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("$ref")) {
        merged.set(e.getKey(), e.getValue());
      }
    });
    return merged;
  }

  /** The required property names, merged across {@code allOf} members, in document order. */
  public static Set<String> required(ApiSpec spec, JsonNode schema) {
    Set<String> result = new LinkedHashSet<>();
    JsonNode node = objectBranch(spec, schema);
    for (JsonNode member : node.path("allOf")) {
      result.addAll(required(spec, member));
    }
    node.path("required").forEach(n -> result.add(n.asText()));
    return result;
  }

  /**
   * Whether unknown properties are refused: {@code additionalProperties: false} on the object branch, or
   * {@code unevaluatedProperties: false}, which closes an object made of {@code allOf} parts.
   */
  public static boolean closed(ApiSpec spec, JsonNode schema) {
    JsonNode node = objectBranch(spec, schema);
    for (String keyword : new String[] {"additionalProperties", "unevaluatedProperties"}) {
      JsonNode value = node.get(keyword);
      if (value != null && value.isBoolean() && !value.asBoolean()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The schema at a pointer of property names ({@code /data/attributes}) from {@code schema}, dereferenced; the
   * schema itself for "", empty when a step does not exist.
   */
  public static Optional<JsonNode> at(ApiSpec spec, JsonNode schema, String propertyPointer) {
    List<String> segments = propertyPointer.isEmpty() ? List.of() : List.of(propertyPointer.substring(1).split("/"));
    JsonNode found = walk(spec, schema, segments);
    return found.isMissingNode() ? Optional.empty() : Optional.of(found);
  }

  /**
   * The schema reached by walking property names from {@code schema}; the segment {@code []} steps into
   * array items. Returns a missing node when a step does not exist.
   */
  public static JsonNode walk(ApiSpec spec, JsonNode schema, Iterable<String> segments) {
    JsonNode current = spec.deref(schema);
    for (String segment : segments) {
      current = segment.equals("[]") ? itemsOf(spec, current) : properties(spec, current).get(segment);
      if (current == null || current.isMissingNode()) {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
      current = spec.deref(current);
    }
    return current;
  }
}

package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.openapi.ApiSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading JSON Schema nodes as the engine needs them: properties across allOf, nullability, the object branch. */
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

  /** An extension on a property as written, or on the schema it refers to. */
  public static JsonNode extension(ApiSpec spec, JsonNode property, String name) {
    JsonNode own = property.get(name);
    return own != null ? own : spec.deref(property).path(name);
  }

  /** The branch of a schema that describes an object (itself, or a oneOf/anyOf/allOf member), dereferenced. */
  public static JsonNode objectBranch(ApiSpec spec, JsonNode schema) {
    JsonNode node = spec.deref(schema);
    if (node.has("properties") || "object".equals(primaryType(node)) && !node.has("oneOf") && !node.has("anyOf")) {
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

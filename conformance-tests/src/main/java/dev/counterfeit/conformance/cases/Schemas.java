package dev.counterfeit.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reading JSON Schema 2020-12 nodes the way the specs write them (CONVENTIONS.md). */
public final class Schemas {
  private Schemas() {}

  /** The declared types; {@code oneOf: [X, {type: null}]} counts as X's types plus null. */
  public static List<String> types(SpecModel model, JsonNode schema) {
    JsonNode s = model.spec().deref(schema);
    List<String> result = new ArrayList<>();
    JsonNode type = s.get("type");
    if (type != null && type.isTextual()) {
      result.add(type.asText());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> result.add(t.asText()));
    } else if (s.has("oneOf") || s.has("anyOf")) {
      for (JsonNode branch : s.has("oneOf") ? s.get("oneOf") : s.get("anyOf")) {
        for (String t : types(model, branch)) {
          if (!result.contains(t)) {
            result.add(t);
          }
        }
      }
    }
    return result;
  }

  /** The first non-null type, or empty when the schema declares none. */
  public static Optional<String> primaryType(SpecModel model, JsonNode schema) {
    return types(model, schema).stream().filter(t -> !"null".equals(t)).findFirst();
  }

  public static boolean nullable(SpecModel model, JsonNode schema) {
    return types(model, schema).contains("null");
  }

  /** The properties of an object schema, each with {@code $ref}s followed, in document order. */
  public static Map<String, JsonNode> properties(SpecModel model, JsonNode schema) {
    JsonNode s = model.spec().deref(schema);
    Map<String, JsonNode> result = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      result.put(e.getKey(), model.spec().deref(e.getValue()));
    }
    return result;
  }

  public static Set<String> required(SpecModel model, JsonNode schema) {
    Set<String> result = new LinkedHashSet<>();
    model.spec().deref(schema).path("required").forEach(n -> result.add(n.asText()));
    return result;
  }

  /** {@code additionalProperties: false} — the vendor rejects unknown fields. */
  public static boolean closed(SpecModel model, JsonNode schema) {
    JsonNode additional = model.spec().deref(schema).get("additionalProperties");
    return additional != null && additional.isBoolean() && !additional.asBoolean();
  }

  /** The property schema at a path of property names ({@code /data}), or empty. */
  public static Optional<JsonNode> at(SpecModel model, JsonNode schema, String propertyPointer) {
    JsonNode current = model.spec().deref(schema);
    if (propertyPointer.isEmpty()) {
      return Optional.of(current);
    }
    for (String name : propertyPointer.substring(1).split("/")) {
      JsonNode next = properties(model, current).get(name);
      if (next == null) {
        return Optional.empty();
      }
      current = next;
    }
    return Optional.of(current);
  }

  /** The object schema a {@code oneOf [X, null]} property stands for, else the schema itself. */
  public static JsonNode objectBranch(SpecModel model, JsonNode schema) {
    JsonNode s = model.spec().deref(schema);
    if (s.has("properties")) {
      return s;
    }
    for (String key : List.of("oneOf", "anyOf")) {
      for (JsonNode branch : s.path(key)) {
        JsonNode b = model.spec().deref(branch);
        if (b.has("properties")) {
          return b;
        }
      }
    }
    return s;
  }

  public static boolean flag(JsonNode schema, String keyword) {
    return schema.path(keyword).asBoolean(false);
  }
}

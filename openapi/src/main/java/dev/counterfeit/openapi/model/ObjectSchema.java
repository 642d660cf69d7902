package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.openapi.ApiSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An object schema read once: its declared properties merged across {@code allOf} in document order, each with
 * its extensions read ({@link Property}), and its required names. The fake builds answers and stores writes by it,
 * and the conformance kit builds cases by it, so both read a property the same way.
 *
 * <p>Compiled by {@link ApiModel#object}; immutable once compiled. A schema that contains itself (a tree) is one
 * instance that its own properties point back to.
 */
public final class ObjectSchema {
  private final JsonNode node;
  private final Set<String> required;
  /** Set once, right after construction, by {@link #compile}; a property may refer back to this instance. */
  private List<Property> properties = List.of();
  private Map<String, Property> byName = Map.of();

  private ObjectSchema(JsonNode node, Set<String> required) {
    this.node = node;
    this.required = required;
  }

  /** The schema node this describes: the object branch of the schema it was compiled from, dereferenced. */
  public JsonNode node() {
    return node;
  }

  /** Every declared property, those of {@code allOf} members first, in document order. */
  public List<Property> properties() {
    return properties;
  }

  /** The declared property of that name, if any. */
  public Optional<Property> property(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The required property names, merged across {@code allOf} members, in document order. */
  public Set<String> required() {
    return required;
  }

  /** The first property the server fills with this kind of value, if any. */
  public Optional<Property> generated(Generated kind) {
    return properties.stream().filter(p -> p.is(kind)).findFirst();
  }

  /**
   * Compiles the object branch of {@code schema}, and every object its properties hold, into {@code into} (keyed
   * by node identity, so a schema met twice is compiled once).
   */
  static ObjectSchema compile(ApiSpec spec, JsonNode schema, Map<JsonNode, ObjectSchema> into, String where) {
    JsonNode node = SchemaNodes.objectBranch(spec, schema);
    ObjectSchema known = into.get(node);
    if (known != null) {
      return known;
    }
    ObjectSchema compiled = new ObjectSchema(node, Collections.unmodifiableSet(SchemaNodes.required(spec, node)));
    into.put(node, compiled); // before the properties, so a schema holding itself ends in a cycle, not a loop
    List<Property> properties = new ArrayList<>();
    Map<String, JsonNode> resolved = SchemaNodes.resolvedProperties(spec, node);
    SchemaNodes.properties(spec, node).forEach((name, written) -> {
      // The object a property holds is compiled from its $ref's target, which stays the same node however
      // often it is met (the resolved copy is new each time a $ref carries siblings).
      JsonNode target = spec.deref(written);
      JsonNode items = SchemaNodes.itemsOf(spec, target);
      JsonNode held = items.isMissingNode() ? target : items;
      ObjectSchema object = holdsObject(spec, held) ? compile(spec, held, into, where + "." + name) : null;
      properties.add(Property.read(name, resolved.get(name), SchemaNodes.nullable(spec, target), object, where));
    });
    Map<String, Property> byName = new LinkedHashMap<>();
    properties.forEach(p -> byName.put(p.name(), p));
    compiled.properties = List.copyOf(properties);
    compiled.byName = Collections.unmodifiableMap(byName);
    return compiled;
  }

  private static boolean holdsObject(ApiSpec spec, JsonNode schema) {
    JsonNode branch = SchemaNodes.objectBranch(spec, schema);
    return branch.has("properties") || branch.has("allOf") || SchemaNodes.types(spec, branch).contains("object");
  }
}

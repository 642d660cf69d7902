package dev.counterfeit.conformance.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.openapi.model.Action;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Generated;
import dev.counterfeit.openapi.model.ObjectSchema;
import dev.counterfeit.openapi.model.Property;
import dev.counterfeit.openapi.model.SchemaNodes;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a request field shows up in a read answer, from the model's reading of the read schema: the field itself,
 * the object embedded from it (an {@link Property.Embed} from {@code countryId} shows as {@code country.id}), or a
 * nested object built from flat fields ({@link Property#nest()}: a {@code street} kept flat, answered in
 * {@code address}).
 */
final class Observed {
  private final Map<String, Location> locations = new LinkedHashMap<>();
  private final Set<String> volatilePointers = new LinkedHashSet<>();
  private final Set<String> volatileInAnswers = new LinkedHashSet<>();

  /** Where one field is, and whether it is an embedded object whose {@code id} is the sent value. */
  record Location(String pointer, boolean embedded) {}

  Observed(ObjectSchema item) {
    for (Property property : item.properties()) {
      String pointer = "/" + property.name();
      locations.putIfAbsent(property.name(), new Location(pointer, false));
      if (property.embed() != null && property.embed().from() != null) {
        locations.put(property.embed().from(), new Location(pointer, true));
      }
      if (property.nest() && property.object() != null) {
        for (Property nested : property.object().properties()) {
          locations.putIfAbsent(nested.name(), new Location(pointer + "/" + nested.name(), false));
          if (nested.is(Generated.UPDATED_AT)) {
            volatilePointers.add(pointer + "/" + nested.name());
          }
        }
      }
      if (property.is(Generated.UPDATED_AT)) {
        volatilePointers.add(pointer);
      }
      if (property.isVolatile()) {
        volatileInAnswers.add(pointer);
      }
    }
  }

  /** The read answer's item schema for a resource, if the spec has a read operation. */
  static Optional<Observed> of(ApiModel model, String resource, String itemPointer) {
    return model.find(resource, Action.READ)
        .flatMap(read -> read.response(read.successStatus()))
        .flatMap(r -> r.schemas().values().stream().findFirst())
        .flatMap(pointer -> SchemaNodes.at(model.spec(), model.spec().at(pointer), itemPointer))
        .map(item -> new Observed(model.object(item)));
  }

  Optional<Location> locate(String field) {
    return Optional.ofNullable(locations.get(field));
  }

  /** Pointers the server changes on every write ({@code updatedAt}), which "unchanged" must ignore. */
  Set<String> volatilePointers() {
    return volatilePointers;
  }

  /** Pointers the spec marks volatile ({@link Property#isVolatile()}): a write's answer and a read may differ there. */
  Set<String> volatileInAnswers() {
    return volatileInAnswers;
  }

  /**
   * Where a write's answer and a fresh read of the item disagree: a value both carry that differs, or a value one
   * carries where the other has null or a plain value instead of an object ({@code country} vs {@code country/id}).
   *
   * @param what names the answer in messages ({@code create answer})
   * @param skip pointers allowed to differ, with everything under them
   */
  static List<String> disagreements(String what, JsonNode said, JsonNode stored, Set<String> skip) {
    Set<String> problems = new LinkedHashSet<>();
    Map<String, JsonNode> answerLeaves = leaves(said);
    Map<String, JsonNode> recordLeaves = leaves(stored);
    for (Map.Entry<String, JsonNode> e : answerLeaves.entrySet()) {
      String pointer = e.getKey();
      if (pointer.isEmpty() || skip.stream().anyMatch(p -> pointer.equals(p) || pointer.startsWith(p + "/"))) {
        continue;
      }
      JsonNode shown = recordLeaves.get(pointer);
      if (shown == null) {
        shown = valueAbove(stored, pointer);
        if (shown == null) {
          continue;
        }
      }
      if (!same(e.getValue(), shown)) {
        problems.add(what + " says " + pointer.substring(1) + "=" + cut(e.getValue()) + ", stored record says "
            + cut(shown));
      }
    }
    for (Map.Entry<String, JsonNode> e : recordLeaves.entrySet()) {
      String pointer = e.getKey();
      if (pointer.isEmpty() || answerLeaves.containsKey(pointer)
          || skip.stream().anyMatch(p -> pointer.equals(p) || pointer.startsWith(p + "/"))) {
        continue;
      }
      JsonNode said2 = valueAbove(said, pointer);
      if (said2 != null && !same(said2, e.getValue())) {
        problems.add(what + " says " + ancestorWithValue(said, pointer).substring(1) + "=" + cut(said2)
            + ", stored record says " + pointer.substring(1) + "=" + cut(e.getValue()));
      }
    }
    return List.copyOf(problems);
  }

  /** The plain value (null, text, number, array) that stands where an object holding {@code pointer} would be. */
  private static JsonNode valueAbove(JsonNode root, String pointer) {
    String ancestor = ancestorWithValue(root, pointer);
    return ancestor == null ? null : root.at(ancestor);
  }

  private static String ancestorWithValue(JsonNode root, String pointer) {
    String[] parts = pointer.substring(1).split("/");
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      path.append('/').append(parts[i]);
      JsonNode node = root.at(path.toString());
      if (node.isMissingNode()) {
        return null;
      }
      if (!node.isObject()) {
        return path.toString();
      }
    }
    return null;
  }

  /** Compares a sent value with what an item shows at the field's location; null when they agree. */
  static String mismatch(String field, Location location, JsonNode sent, JsonNode item) {
    JsonNode shown = item.at(location.pointer());
    if (location.embedded()) {
      if (sent.isNull()) {
        return shown.isMissingNode() || shown.isNull() ? null
            : field + ": sent null, " + location.pointer() + " shows " + shown;
      }
      return same(sent, shown.path("id")) ? null
          : field + ": sent " + sent + ", " + location.pointer() + "/id shows " + shown.path("id");
    }
    if (sent.isNull() && shown.isMissingNode()) {
      return field + ": sent null, " + location.pointer() + " is missing from the answer";
    }
    return same(sent, shown) ? null : field + ": sent " + cut(sent) + ", " + location.pointer() + " shows " + cut(shown);
  }

  /** JSON equality with numbers compared by value (14 equals 14.0). */
  static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray() || a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      if (a.isArray()) {
        for (int i = 0; i < a.size(); i++) {
          if (!same(a.get(i), b.get(i))) {
            return false;
          }
        }
        return true;
      }
      for (var it = a.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!b.has(name) || !same(a.get(name), b.get(name))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Every leaf of an item by pointer; arrays count as one leaf. */
  static Map<String, JsonNode> leaves(JsonNode node) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    collect("", node, result);
    return result;
  }

  private static void collect(String pointer, JsonNode node, Map<String, JsonNode> into) {
    if (node.isObject() && node.size() > 0) {
      node.fields().forEachRemaining(e -> collect(pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
          e.getValue(), into));
    } else {
      into.put(pointer, node);
    }
  }

  static String cut(JsonNode value) {
    String text = String.valueOf(value);
    return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + " chars)" : text;
  }
}

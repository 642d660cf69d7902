package dev.counterfeit.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A request body with the places the executor fills at run time. */
public record BodyTemplate(JsonNode body, List<Slot> slots) {

  public BodyTemplate {
    body = body.deepCopy();
    slots = List.copyOf(slots);
  }

  /** A copy with a top-level field set (its old slots dropped) and the given extra slots. */
  public BodyTemplate with(String field, JsonNode value, List<Slot> extra) {
    ObjectNode copy = ((ObjectNode) body).deepCopy();
    copy.set(field, value);
    List<Slot> kept = new ArrayList<>(slotsOutside(field));
    kept.addAll(extra);
    return new BodyTemplate(copy, kept);
  }

  /** A copy without a top-level field (and its slots). */
  public BodyTemplate without(String field) {
    ObjectNode copy = ((ObjectNode) body).deepCopy();
    copy.remove(field);
    return new BodyTemplate(copy, slotsOutside(field));
  }

  public List<Slot> slotsOutside(String field) {
    return slots.stream().filter(s -> !s.within("/" + field.replace("~", "~0").replace("/", "~1"))).toList();
  }

  public boolean has(String field) {
    return body.has(field) && !body.get(field).isNull();
  }
}

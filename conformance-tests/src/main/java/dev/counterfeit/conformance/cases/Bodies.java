package dev.counterfeit.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import dev.counterfeit.openapi.model.Action;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.ObjectSchema;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Property;
import dev.counterfeit.openapi.model.RequestBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Valid request bodies built from the spec: the request schema's {@code examples}, else the media-type examples,
 * else the required fields filled from their schemas. Fields that reference another collection
 * ({@link Property#ref()}) become slots the executor fills with the id (or IRI) of a real item.
 */
public final class Bodies {
  private final ApiModel model;
  private final Values values;
  private final Conventions conventions;

  public Bodies(ApiModel model, Values values, Conventions conventions) {
    this.model = model;
    this.values = values;
    this.conventions = conventions;
  }

  /** The valid body of an operation that takes one. */
  public BodyTemplate base(Operation op) {
    RequestBody body = op.body();
    JsonNode schema = model.spec().deref(body.schemaNode());
    List<JsonNode> examples = Values.examplesOf(schema);
    JsonNode value;
    if (!examples.isEmpty()) {
      value = examples.get(0);
    } else if (!body.examples().isEmpty()) {
      value = body.examples().get(0);
    } else {
      ObjectNode built = JsonNodeFactory.instance.objectNode();
      ObjectSchema object = model.object(schema);
      for (String name : object.required()) {
        built.set(name, object.property(name).map(p -> values.sample(model, p.schema()))
            .orElseGet(() -> TextNode.valueOf(values.filler(8))));
      }
      value = built;
    }
    return new BodyTemplate(value, slotsOf(op, value));
  }

  /** The valid body that creates an item of a collection, if the spec has a create operation for it. */
  public Optional<BodyTemplate> create(String resource) {
    return model.find(resource, Action.CREATE).filter(op -> op.body() != null).map(this::base);
  }

  /** The base body cut down to its required fields (and their slots). */
  public BodyTemplate minimal(Operation op) {
    BodyTemplate base = base(op);
    BodyTemplate result = base;
    var required = model.object(op.body().schemaNode()).required();
    for (var it = base.body().fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!required.contains(name)) {
        result = result.without(name);
      }
    }
    return result;
  }

  /** The slots of a body: references to other collections, and credential fields. */
  public List<Slot> slotsOf(Operation op, JsonNode body) {
    List<Slot> slots = new ArrayList<>();
    for (Property property : model.object(op.body().schemaNode()).properties()) {
      JsonNode value = body.get(property.name());
      if (value == null || value.isNull() || property.ref() == null) {
        continue;
      }
      slots.addAll(referenceSlots(property.name(), property.schema(), value, property.ref()));
    }
    for (Map.Entry<String, String> e : conventions.credentialFields(op).entrySet()) {
      if (body.at(e.getKey()).isValueNode()) {
        slots.add(Slot.credential(e.getKey(), e.getValue()));
      }
    }
    return slots;
  }

  /** Slots for one referencing field: one per element when the field is an array of references. */
  public List<Slot> referenceSlots(String field, JsonNode schema, JsonNode value, String collection) {
    String pointer = "/" + field.replace("~", "~0").replace("/", "~1");
    boolean iri = isIri(schema);
    if (value.isArray()) {
      List<Slot> slots = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        slots.add(Slot.reference(pointer + "/" + i, collection, iri));
      }
      return slots;
    }
    return List.of(Slot.reference(pointer, collection, iri));
  }

  /** Whether a referencing field holds IRIs ({@code format: iri-reference}, on itself or its items). */
  public boolean isIri(JsonNode schema) {
    JsonNode s = model.spec().deref(schema);
    JsonNode items = model.spec().deref(s.path("items"));
    return "iri-reference".equals(s.path("format").asText()) || "iri-reference".equals(items.path("format").asText());
  }

  /** Schema errors of a body against the operation's request schema; empty when valid. */
  public List<Error> errors(Operation op, JsonNode body) {
    return model.spec().schema(op.body().schemaPointer()).validate(body);
  }
}

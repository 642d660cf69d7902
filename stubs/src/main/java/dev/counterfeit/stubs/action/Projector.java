package dev.counterfeit.stubs.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.openapi.model.ObjectSchema;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Property;
import dev.counterfeit.openapi.model.SchemaNodes;
import dev.counterfeit.stubs.store.Query;
import dev.counterfeit.stubs.store.TenantView;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an answer from a stored record by the response schema: what the schema declares comes out, in its
 * order, filled from the record, the engine's own fields, embedded items, defaults or null. Fields stored but
 * not declared (write-only ones) never leave.
 *
 * <p>Every item schema the API answers with is planned once at start from the model's reading of it
 * ({@link ObjectSchema}: properties flattened across {@code allOf}, {@code $ref}s followed, extensions read) into
 * a {@link Plan}, so a request only fills values.
 */
final class Projector {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;
  /** The plan of a property that holds no object (IRIs of embedded items): no fields. */
  private static final Plan EMPTY = new Plan();

  private final VendorApi api;
  /** Plans by schema node identity; filled at construction and read-only afterwards. */
  private final Map<JsonNode, Plan> plans = new IdentityHashMap<>();
  /** The same plans by the model's object schema, nested ones included; read-only after construction. */
  private final Map<ObjectSchema, Plan> byObject = new IdentityHashMap<>();

  Projector(VendorApi api) {
    this.api = api;
    for (Operation op : api.model().operations()) {
      JsonNode item = api.itemSchema(op);
      if (item != null) {
        plans.put(item, plan(api.model().object(item), byObject));
      }
    }
    // Nested objects too, by their own node, for a caller that projects one of them.
    byObject.forEach((object, plan) -> plans.putIfAbsent(object.node(), plan));
  }

  /**
   * @param collection the record's collection (for its id style and self link)
   * @param updatedFields names for a property the server fills with the updated fields, or null
   */
  JsonNode project(JsonNode schema, String collection, ObjectNode record, TenantView tenant, List<String> updatedFields) {
    Plan plan = plans.get(schema);
    if (plan == null) {
      // A schema no operation answers with (a profile's own): planned for this call only, never cached, as
      // the shared map is not written after start.
      plan = plan(api.model().object(schema), new IdentityHashMap<>(byObject));
    }
    return plan.fill(this, collection, record, tenant, updatedFields, 0);
  }

  // ---- planning: the model has read the schema; a plan only arranges it for filling

  private Plan plan(ObjectSchema object, Map<ObjectSchema, Plan> into) {
    Plan known = into.get(object);
    if (known != null) {
      return known;
    }
    Plan plan = new Plan();
    into.put(object, plan); // before the fields, so a schema that embeds itself ends in a cycle, not a loop
    plan.fields = object.properties().stream().map(p -> field(p, into)).toArray(Field[]::new);
    return plan;
  }

  private Field field(Property property, Map<ObjectSchema, Plan> into) {
    Kind kind = property.generated() == null ? Kind.PLAIN : switch (property.generated()) {
      case ID -> Kind.ID;
      case CREATED_AT -> Kind.CREATED;
      case UPDATED_AT -> Kind.UPDATED;
      case TENANT -> Kind.TENANT;
      case TENANT_SEQUENCE -> Kind.SEQUENCE;
      case SELF -> Kind.SELF;
      case UPDATED_FIELDS -> Kind.UPDATED_FIELDS;
      case TOKEN -> Kind.PLAIN; // a login's handler answers it; a stored record has none
    };
    Field field = new Field(property.name());
    field.constant = property.constant();
    field.fallback = property.defaultValue() != null ? property.defaultValue()
        : property.nullable() ? NullNode.getInstance() : null;
    field.integerTenant = SchemaNodes.primaryType(property.schema()).equals("integer");
    Property.Embed embed = property.embed();
    if (kind == Kind.PLAIN && embed != null) {
      field.resource = embed.resource();
      if (embed.byBackref()) {
        kind = Kind.BACKREFS;
        field.from = embed.backref();
        field.iris = embed.iris();
      } else {
        kind = Kind.EMBED;
        field.from = embed.from();
      }
      field.nested = nested(property, into);
    } else if (kind == Kind.PLAIN && property.nest()) {
      kind = Kind.NEST;
      field.nested = nested(property, into);
    }
    field.kind = kind;
    return field;
  }

  private Plan nested(Property property, Map<ObjectSchema, Plan> into) {
    return property.object() == null ? EMPTY : plan(property.object(), into);
  }

  // ---- filling

  private enum Kind { ID, CREATED, UPDATED, TENANT, SEQUENCE, SELF, UPDATED_FIELDS, BACKREFS, EMBED, NEST, PLAIN }

  /** One declared property, with everything about it read from the schema. */
  private static final class Field {
    final String name;
    Kind kind;
    /** {@code const}, or null. */
    JsonNode constant;
    /** What an absent value becomes: the default, null when nullable, or null (left out). */
    JsonNode fallback;
    /** Whether a tenant shows as its number (an integer property) rather than its name. */
    boolean integerTenant;
    /** Embedding: the collection embedded from, the reference field, IRIs instead of objects, the item plan. */
    String resource;
    String from;
    boolean iris;
    Plan nested;

    Field(String name) {
      this.name = name;
    }
  }

  /** The compiled fields of one object schema, in document order. */
  private static final class Plan {
    Field[] fields = new Field[0];

    ObjectNode fill(Projector p, String collection, ObjectNode record, TenantView tenant, List<String> updated,
        int depth) {
      // Sized for every field, so a large answer object is not rehashed as it fills.
      ObjectNode out = new ObjectNode(NODES, new LinkedHashMap<>(fields.length * 4 / 3 + 1));
      for (Field f : fields) {
        JsonNode value = p.value(f, collection, record, tenant, updated, depth);
        if (value != null) {
          out.set(f.name, value);
        }
      }
      return out;
    }
  }

  private JsonNode value(Field f, String collection, ObjectNode record, TenantView tenant, List<String> updated,
      int depth) {
    switch (f.kind) {
      case ID -> {
        JsonNode id = record.get(Records.ID);
        return id == null ? null : api.idStyle(collection).render(id.asText());
      }
      case CREATED -> {
        return record.get(Records.CREATED);
      }
      case UPDATED -> {
        return record.get(Records.UPDATED);
      }
      case TENANT -> {
        return api.renderTenant(record.path(Records.TENANT).asText(), f.integerTenant);
      }
      case SEQUENCE -> {
        return record.get(Records.SEQUENCE);
      }
      case SELF -> {
        return NODES.textNode(api.selfPath(collection, record.path(Records.ID).asText()));
      }
      case UPDATED_FIELDS -> {
        ArrayNode names = NODES.arrayNode();
        if (updated != null) {
          updated.forEach(names::add);
        }
        return names;
      }
      case BACKREFS -> {
        if (depth < MAX_DEPTH) {
          return backrefs(f, collection, record, tenant, depth);
        }
      }
      case EMBED -> {
        if (depth < MAX_DEPTH) {
          return embedded(f, record, tenant, depth);
        }
      }
      case NEST -> {
        if (depth < MAX_DEPTH) {
          return f.nested.fill(this, collection, record, tenant, updated, depth + 1);
        }
      }
      default -> { }
    }
    if (f.constant != null) {
      return f.constant;
    }
    JsonNode stored = record.get(f.name);
    return stored != null ? stored : f.fallback;
  }

  /** The items pointing back at a record, found by the store, so a page never reads a whole collection. */
  private JsonNode backrefs(Field f, String collection, ObjectNode record, TenantView tenant, int depth) {
    String id = record.path(Records.ID).asText();
    ArrayNode out = NODES.arrayNode();
    for (ObjectNode child : tenant.peek(f.resource, Query.where(f.from, api.refForms(collection, id))).items()) {
      out.add(f.iris ? NODES.textNode(api.selfPath(f.resource, child.path(Records.ID).asText()))
          : f.nested.fill(this, f.resource, child, tenant, null, depth + 1));
    }
    return out;
  }

  private JsonNode embedded(Field f, ObjectNode record, TenantView tenant, int depth) {
    JsonNode ref = record.get(f.from);
    if (ref == null || ref.isNull()) {
      return NullNode.getInstance();
    }
    return tenant.peek(f.resource, api.refToId(f.resource, ref))
        .<JsonNode>map(found -> f.nested.fill(this, f.resource, found, tenant, null, depth + 1))
        .orElse(NullNode.getInstance());
  }
}

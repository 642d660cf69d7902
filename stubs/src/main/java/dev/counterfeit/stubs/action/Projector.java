package dev.counterfeit.stubs.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.SchemaNodes;
import dev.counterfeit.stubs.store.Query;
import dev.counterfeit.stubs.store.TenantView;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an answer from a stored record by the response schema: what the schema declares comes out, in its
 * order, filled from the record, the engine's own fields, embedded items, defaults or null. Fields stored but
 * not declared (write-only ones) never leave.
 *
 * <p>Every item schema the API answers with is compiled once at start into a {@link Plan} (properties
 * flattened across {@code allOf}, {@code $ref}s followed, extensions read), so a request only fills values.
 */
final class Projector {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;

  private final VendorApi api;
  /** Plans by schema node identity; filled at construction and read-only afterwards. */
  private final Map<JsonNode, Plan> plans = new IdentityHashMap<>();

  Projector(VendorApi api) {
    this.api = api;
    for (Operation op : api.model().operations()) {
      JsonNode item = api.itemSchema(op);
      if (item != null) {
        compile(item, plans);
      }
    }
  }

  /**
   * @param collection the record's collection (for its id style and self link)
   * @param updatedFields names for an {@code x-counterfeit-value: updated-fields} property, or null
   */
  JsonNode project(JsonNode schema, String collection, ObjectNode record, TenantView tenant, List<String> updatedFields) {
    Plan plan = plans.get(schema);
    if (plan == null) {
      // A schema no operation answers with (a profile's own): compiled for this call only, never cached, as
      // the shared map is not written after start.
      plan = compile(schema, new IdentityHashMap<>(plans));
    }
    return plan.fill(this, collection, record, tenant, updatedFields, 0);
  }

  // ---- compiling

  private Plan compile(JsonNode schema, Map<JsonNode, Plan> into) {
    Plan known = into.get(schema);
    if (known != null) {
      return known;
    }
    Plan plan = new Plan();
    into.put(schema, plan); // before the fields, so a schema that embeds itself ends in a cycle, not a loop
    ApiSpec spec = api.spec();
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : SchemaNodes.properties(spec, schema).entrySet()) {
      fields.add(field(e.getKey(), e.getValue(), spec, into));
    }
    plan.fields = fields.toArray(Field[]::new);
    return plan;
  }

  private Field field(String name, JsonNode property, ApiSpec spec, Map<JsonNode, Plan> into) {
    JsonNode resolved = spec.deref(property);
    Kind kind = switch (SchemaNodes.extension(spec, property, "x-counterfeit-value").asText("")) {
      case "id" -> Kind.ID;
      case "created-at" -> Kind.CREATED;
      case "updated-at" -> Kind.UPDATED;
      case "tenant" -> Kind.TENANT;
      case "tenant-sequence" -> Kind.SEQUENCE;
      case "self" -> Kind.SELF;
      case "updated-fields" -> Kind.UPDATED_FIELDS;
      default -> Kind.PLAIN;
    };
    Field field = new Field(name, resolved);
    field.constant = resolved.get("const");
    field.fallback = resolved.has("default") ? resolved.get("default")
        : SchemaNodes.nullable(spec, resolved) ? NullNode.getInstance() : null;
    JsonNode embed = SchemaNodes.extension(spec, property, "x-counterfeit-embed");
    if (kind == Kind.PLAIN && embed.isObject()) {
      field.resource = embed.path("resource").asText();
      if (embed.has("backref")) {
        kind = Kind.BACKREFS;
        field.from = embed.path("backref").asText();
        field.iris = embed.path("as").asText().equals("iri");
        field.nested = compile(SchemaNodes.itemsOf(spec, resolved), into);
      } else {
        kind = Kind.EMBED;
        field.from = embed.path("from").asText();
        field.nested = compile(SchemaNodes.objectBranch(spec, resolved), into);
      }
    } else if (kind == Kind.PLAIN && SchemaNodes.extension(spec, property, "x-counterfeit-nest").asBoolean(false)) {
      kind = Kind.NEST;
      field.nested = compile(resolved, into);
    }
    field.kind = kind;
    return field;
  }

  // ---- filling

  private enum Kind { ID, CREATED, UPDATED, TENANT, SEQUENCE, SELF, UPDATED_FIELDS, BACKREFS, EMBED, NEST, PLAIN }

  /** One declared property, with everything about it read from the schema. */
  private static final class Field {
    final String name;
    /** The property's schema, dereferenced. */
    final JsonNode schema;
    Kind kind;
    /** {@code const}, or null. */
    JsonNode constant;
    /** What an absent value becomes: the default, null when nullable, or null (left out). */
    JsonNode fallback;
    /** Embedding: the collection embedded from, the reference field, IRIs instead of objects, the item plan. */
    String resource;
    String from;
    boolean iris;
    Plan nested;

    Field(String name, JsonNode schema) {
      this.name = name;
      this.schema = schema;
    }
  }

  /** The compiled fields of one object schema, in document order. */
  private static final class Plan {
    Field[] fields;

    ObjectNode fill(Projector p, String collection, ObjectNode record, TenantView tenant, List<String> updated,
        int depth) {
      ObjectNode out = NODES.objectNode();
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
        return api.renderTenant(record.path(Records.TENANT).asText(), f.schema);
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

package dev.counterfeit.stubs.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.stubs.spec.SchemaNodes;
import dev.counterfeit.stubs.store.TenantView;
import java.util.List;
import java.util.Map;

/**
 * Builds an answer from a stored record by walking the response schema: what the schema declares comes out,
 * in its order, filled from the record, the engine's own fields, embedded items, defaults or null. Fields
 * stored but not declared (write-only ones) never leave.
 */
final class Projector {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;

  private final VendorApi api;

  Projector(VendorApi api) {
    this.api = api;
  }

  /**
   * @param collection the record's collection (for its id style and self link)
   * @param updatedFields names for an {@code x-counterfeit-value: updated-fields} property, or null
   */
  JsonNode project(JsonNode schema, String collection, ObjectNode record, TenantView tenant, List<String> updatedFields) {
    return object(schema, collection, record, tenant, updatedFields, 0);
  }

  private ObjectNode object(
      JsonNode schema, String collection, ObjectNode record, TenantView tenant, List<String> updated, int depth) {
    ApiSpec spec = api.spec();
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> e : SchemaNodes.properties(spec, schema).entrySet()) {
      String name = e.getKey();
      JsonNode property = e.getValue();
      JsonNode resolved = spec.deref(property);
      JsonNode value = value(name, property, resolved, collection, record, tenant, updated, depth);
      if (value != null) {
        out.set(name, value);
      }
    }
    return out;
  }

  private JsonNode value(String name, JsonNode property, JsonNode resolved, String collection, ObjectNode record,
      TenantView tenant, List<String> updated, int depth) {
    ApiSpec spec = api.spec();
    String kind = SchemaNodes.extension(spec, property, "x-counterfeit-value").asText("");
    switch (kind) {
      case "id" -> {
        return record.has(Records.ID) ? api.idStyle(collection).render(record.get(Records.ID).asText()) : null;
      }
      case "created-at" -> {
        return record.path(Records.CREATED).isMissingNode() ? null : record.get(Records.CREATED);
      }
      case "updated-at" -> {
        return record.path(Records.UPDATED).isMissingNode() ? null : record.get(Records.UPDATED);
      }
      case "tenant" -> {
        return api.renderTenant(record.path(Records.TENANT).asText(), resolved);
      }
      case "tenant-sequence" -> {
        return record.get(Records.SEQUENCE);
      }
      case "self" -> {
        return NODES.textNode(api.selfPath(collection, record.path(Records.ID).asText()));
      }
      case "updated-fields" -> {
        ArrayNode names = NODES.arrayNode();
        if (updated != null) {
          updated.forEach(names::add);
        }
        return names;
      }
      default -> { }
    }
    JsonNode embed = SchemaNodes.extension(spec, property, "x-counterfeit-embed");
    if (embed.isObject() && depth < MAX_DEPTH) {
      return embedded(embed, resolved, collection, record, tenant, depth);
    }
    if (SchemaNodes.extension(spec, property, "x-counterfeit-nest").asBoolean(false) && depth < MAX_DEPTH) {
      return object(resolved, collection, record, tenant, updated, depth + 1);
    }
    if (resolved.has("const")) {
      return resolved.get("const");
    }
    if (record.has(name)) {
      return record.get(name);
    }
    if (resolved.has("default")) {
      return resolved.get("default");
    }
    return SchemaNodes.nullable(spec, resolved) ? NullNode.getInstance() : null;
  }

  private JsonNode embedded(
      JsonNode embed, JsonNode schema, String collection, ObjectNode record, TenantView tenant, int depth) {
    String resource = embed.path("resource").asText();
    ApiSpec spec = api.spec();
    if (embed.has("backref")) {
      String field = embed.path("backref").asText();
      String id = record.path(Records.ID).asText();
      JsonNode items = SchemaNodes.itemsOf(spec, schema);
      ArrayNode out = NODES.arrayNode();
      boolean iris = embed.path("as").asText().equals("iri");
      for (ObjectNode child : tenant.list(resource)) {
        JsonNode ref = child.get(field);
        if (ref != null && !ref.isNull() && id.equals(api.profile().refToId(collection, ref))) {
          out.add(iris ? NODES.textNode(api.selfPath(resource, child.path(Records.ID).asText()))
              : object(items, resource, child, tenant, null, depth + 1));
        }
      }
      return out;
    }
    JsonNode ref = record.get(embed.path("from").asText());
    if (ref == null || ref.isNull()) {
      return NullNode.getInstance();
    }
    return tenant.get(resource, api.profile().refToId(resource, ref))
        .<JsonNode>map(found -> object(SchemaNodes.objectBranch(spec, schema), resource, found, tenant, null, depth + 1))
        .orElse(NullNode.getInstance());
  }
}

package dev.counterfeit.stubs.action;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.stubs.problem.ProblemAnswers;
import dev.counterfeit.stubs.profile.VendorProfile;
import dev.counterfeit.openapi.model.Action;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Generated;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Property;
import dev.counterfeit.openapi.model.SchemaNodes;
import dev.counterfeit.openapi.model.SpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One vendor's API ready to act on: its compiled spec, its profile, its seed, and everything acting derives
 * from the spec once at start (item schemas per operation, id styles, reference fields, relations), so a request
 * only looks things up.
 */
public final class VendorApi {
  private final VendorProfile profile;
  private final ApiModel model;
  private final JsonNode seed;
  private final Map<String, IdStyle> idStyles = new HashMap<>();
  // By identity: an Operation is a record whose hashCode would walk its schemas on every request.
  private final Map<Operation, JsonNode> itemSchemas = new IdentityHashMap<>();
  private final Map<Operation, Map<String, String>> refFields = new IdentityHashMap<>();
  private final Map<Operation, Set<String>> declaredFields = new IdentityHashMap<>();
  private final Map<Operation, Map<String, Relation>> relations = new IdentityHashMap<>();
  private final Map<String, Long> tenantNumbers = new HashMap<>();
  private final Map<String, List<Inference>> inferences = new HashMap<>();
  private final Projector projector;
  private final ProblemAnswers problems;
  private final boolean iriReferences;

  /** @param seed the vendor's seed, or null when it ships none */
  public VendorApi(VendorProfile profile, ApiModel model, JsonNode seed) {
    this.profile = profile;
    this.model = model;
    this.seed = seed == null ? MissingNode.getInstance() : seed;
    ApiSpec spec = model.spec();
    this.problems = ProblemAnswers.from(profile.id(), spec.problems());
    this.iriReferences = spec.requestReading().iriReferences();
    List<String> itemPath = properties(spec.envelope().item());
    List<String> listPath = properties(spec.envelope().list());
    listPath.add("[]");
    for (Operation op : model.operations()) {
      if (op.responseSchema() != null) {
        List<String> path = op.action() == Action.LIST ? listPath : itemPath;
        JsonNode item = SchemaNodes.walk(spec, spec.at(op.responseSchema()), path);
        if (item.isMissingNode()) {
          throw new SpecException(op + ": the answer's schema has no item at " + path);
        }
        itemSchemas.put(op, item);
      }
      Map<String, String> refs = new LinkedHashMap<>();
      List<String> declared = new ArrayList<>();
      for (JsonNode body : op.bodyNodes().values()) {
        for (Property property : model.object(body).properties()) {
          declared.add(property.name());
          if (property.ref() != null) {
            refs.put(property.name(), property.ref());
          }
        }
      }
      refFields.put(op, refs);
      declaredFields.put(op, Set.copyOf(declared));
    }
    for (Operation op : model.operations()) {
      idStyles.computeIfAbsent(op.resource(), this::findIdStyle);
      relations.put(op, findRelations(op));
      inferences.computeIfAbsent(op.resource(), this::findInferences);
    }
    this.seed.path("tenants").fields().forEachRemaining(t ->
        tenantNumbers.put(t.getKey(), t.getValue().path("number").asLong(tenantNumbers.size() + 1L)));
    this.projector = new Projector(this);
  }

  /**
   * A to-many relation a write can set on its parent: the children's collection, their field pointing back, and
   * whether references are IRIs.
   */
  record Relation(String collection, String backref, boolean iris) {}

  /** Body fields that the item schema embeds by back reference: writing them moves the children. */
  private Map<String, Relation> findRelations(Operation op) {
    JsonNode item = itemSchemas.containsKey(op) ? itemSchemas.get(op) : readSchema(op.resource());
    Set<String> declared = declaredFields.getOrDefault(op, Set.of());
    Map<String, Relation> found = new LinkedHashMap<>();
    if (item == null || declared.isEmpty()) {
      return found;
    }
    for (Property property : model.object(item).properties()) {
      Property.Embed embed = property.embed();
      if (embed != null && embed.byBackref() && declared.contains(property.name())) {
        found.put(property.name(), new Relation(embed.resource(), embed.backref(), embed.iris()));
      }
    }
    return found;
  }

  /** A stored field a write infers from others, by the spec's rule ({@link Property.Inference}). */
  record Inference(String field, Property.Inference rule) {
    void apply(ObjectNode record) {
      if (!rule.always() && record.hasNonNull(field)) {
        return;
      }
      JsonNode value = rule.otherwise();
      for (String source : rule.whenAny()) {
        JsonNode given = record.get(source);
        if (given != null && !given.isNull() && !(given.isTextual() && given.asText().isEmpty())) {
          value = rule.then();
          break;
        }
      }
      if (value != null) {
        record.set(field, value.deepCopy());
      }
    }
  }

  private List<Inference> findInferences(String collection) {
    JsonNode item = readSchema(collection);
    List<Inference> found = new ArrayList<>();
    if (item != null) {
      model.object(item).properties().stream().filter(p -> p.infer() != null)
          .forEach(p -> found.add(new Inference(p.name(), p.infer())));
    }
    return found;
  }

  private IdStyle findIdStyle(String resource) {
    List<Operation> ops = new ArrayList<>(model.operations());
    ops.sort((a, b) -> Boolean.compare(b.action() == Action.READ, a.action() == Action.READ));
    for (Operation op : ops) {
      JsonNode item = itemSchemas.get(op);
      if (!op.resource().equals(resource) || item == null) {
        continue;
      }
      Optional<Property> id = model.object(item).generated(Generated.ID);
      if (id.isPresent()) {
        return IdStyle.of(id.get().schema());
      }
    }
    return new IdStyle.Sequence();
  }

  /** The property names a JSON pointer from the envelope walks through ({@code /hydra:member} → {@code hydra:member}). */
  private static List<String> properties(String pointer) {
    List<String> names = new ArrayList<>();
    for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
      names.add(p.getMatchingProperty());
    }
    return names;
  }

  public String vendor() {
    return profile.id();
  }

  public VendorProfile profile() {
    return profile;
  }

  public ApiModel model() {
    return model;
  }

  /** What the spec answers each kind of problem, prepared at start. */
  public ProblemAnswers problems() {
    return problems;
  }

  public ApiSpec spec() {
    return model.spec();
  }

  /** The vendor's seed, or a missing node. */
  public JsonNode seed() {
    return seed;
  }

  Projector projector() {
    return projector;
  }

  IdStyle idStyle(String collection) {
    return idStyles.getOrDefault(collection, new IdStyle.Sequence());
  }

  /** The schema one item of this operation's answer follows, or null when it answers no body. */
  JsonNode itemSchema(Operation op) {
    return itemSchemas.get(op);
  }

  /** The schema items of a collection are read with (its read operation's), or null. */
  JsonNode readSchema(String collection) {
    return model.find(collection, Action.READ).map(itemSchemas::get).orElse(null);
  }

  /** Fills the fields the spec says a write to the collection infers. */
  void infer(String collection, ObjectNode record) {
    for (Inference inference : inferences.getOrDefault(collection, List.of())) {
      inference.apply(record);
    }
  }

  /** Body fields that hold references, with the collection each points into. */
  Map<String, String> refFields(Operation op) {
    return refFields.getOrDefault(op, Map.of());
  }

  /** To-many relations this operation's body may set, by body field. */
  Map<String, Relation> relations(Operation op) {
    return relations.getOrDefault(op, Map.of());
  }

  /** Body fields the request schema declares; anything else a client sends is not stored. */
  Set<String> declaredFields(Operation op) {
    return declaredFields.getOrDefault(op, Set.of());
  }

  /** The path an item is read at ({@code /clients/12}), for JSON-LD {@code @id}s and IRIs. */
  String selfPath(String collection, String id) {
    return model.find(collection, Action.READ)
        .map(op -> op.template().replace("{" + op.idParam() + "}", id))
        .orElse(model.spec().basePath() + "/" + collection + "/" + id);
  }

  /**
   * The stored id a reference value points at: the value itself, or its last path segment where the spec says
   * references are IRIs ({@link dev.counterfeit.openapi.RequestReading#iriReferences()}: {@code "/clients/12"} and
   * {@code "12"} both name 12).
   */
  String refToId(String collection, JsonNode value) {
    String text = value.asText();
    int slash = iriReferences ? text.lastIndexOf('/') : -1;
    return slash < 0 ? text : text.substring(slash + 1);
  }

  /** The values a stored reference to an item may hold: its id, or its path where references are IRIs. */
  List<String> refForms(String collection, String id) {
    return List.of(id, selfPath(collection, id));
  }

  /** A tenant as a property the server fills with it shows it: the seed's number when {@code asNumber}. */
  JsonNode renderTenant(String tenant, boolean asNumber) {
    if (asNumber) {
      return JsonNodeFactory.instance.numberNode(tenantNumbers.getOrDefault(tenant, 0L));
    }
    return JsonNodeFactory.instance.textNode(tenant);
  }
}

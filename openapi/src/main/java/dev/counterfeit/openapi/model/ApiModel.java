package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.openapi.ApiSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One vendor's spec compiled into operations, the one reading of a spec that the fake and the conformance kit
 * share: every schema compiled and every {@code x-counterfeit-*} extension read at start, so a bad spec fails
 * at once and afterwards everything is a lookup. Immutable and thread-safe.
 */
public final class ApiModel {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");

  private final ApiSpec spec;
  private final List<Operation> operations;
  private final List<Operation> byOperationId;
  private final Map<String, SecurityScheme> schemes;
  private final RateLimit rateLimit;
  private final List<JsonNode> exampleValues;
  /** Every object schema a request or an answer uses, by node identity; read-only once compiled. */
  private final Map<JsonNode, ObjectSchema> objects;

  private ApiModel(ApiSpec spec, List<Operation> operations, Map<String, SecurityScheme> schemes,
      RateLimit rateLimit) {
    this.spec = spec;
    this.operations = operations;
    this.objects = objects(spec, operations);
    this.byOperationId = operations.stream().sorted(Comparator.comparing(Operation::operationId)).toList();
    this.schemes = schemes;
    this.rateLimit = rateLimit;
    Set<JsonNode> examples = new LinkedHashSet<>();
    collectExampleValues(spec.tree(), false, examples);
    this.exampleValues = List.copyOf(examples);
  }

  /** Compiles every operation of the spec; a spec the model cannot read fails with a {@link SpecException}. */
  public static ApiModel compile(ApiSpec spec) {
    Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
    spec.tree().path("components").path("securitySchemes").fieldNames()
        .forEachRemaining(name -> schemes.put(name, SecurityScheme.of(spec, name)));
    RateLimit documentLimit = RateLimit.of(spec.tree().path("x-counterfeit-rate-limit"), spec.vendor());
    List<Operation> operations = new ArrayList<>();
    String base = spec.basePath();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.tree().path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      String pathPointer = "/paths/" + ApiSpec.escape(path.getKey());
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          operations.add(new Compiler(spec, schemes, documentLimit, base, path.getKey(), pathPointer, op.getKey(),
              op.getValue()).compile());
        }
      }
    }
    // Literal segments beat templates: /clients/search must win over /clients/{id}.
    operations.sort(Comparator.comparingInt(Operation::literalWeight).reversed());
    return new ApiModel(spec, List.copyOf(operations), Collections.unmodifiableMap(schemes), documentLimit);
  }

  private static Map<JsonNode, ObjectSchema> objects(ApiSpec spec, List<Operation> operations) {
    Map<JsonNode, ObjectSchema> objects = new IdentityHashMap<>();
    for (Operation op : operations) {
      if (op.body() != null) {
        op.body().content().values().forEach(media -> register(spec, media.schemaNode(), objects, op + " body"));
      }
      op.responses().forEach((status, response) -> response.content().values()
          .forEach(media -> register(spec, media.schemaNode(), objects, op + " " + status)));
    }
    return objects;
  }

  /** An answer or body schema, and the items of one that is an array (a bare list answer). */
  private static void register(ApiSpec spec, JsonNode schema, Map<JsonNode, ObjectSchema> into, String where) {
    if (schema.isMissingNode()) {
      return;
    }
    ObjectSchema.compile(spec, schema, into, where);
    JsonNode items = SchemaNodes.itemsOf(spec, schema);
    if (!items.isMissingNode()) {
      ObjectSchema.compile(spec, items, into, where + "[]");
    }
  }

  public ApiSpec spec() {
    return spec;
  }

  /**
   * The object schema at a schema node of this spec (its object branch, dereferenced): its properties with their
   * {@code x-counterfeit-*} extensions read. Every object a request body or an answer holds was compiled with the
   * model; any other is compiled for this call.
   */
  public ObjectSchema object(JsonNode schema) {
    ObjectSchema known = objects.get(SchemaNodes.objectBranch(spec, schema));
    return known != null ? known
        : ObjectSchema.compile(spec, schema, new IdentityHashMap<>(objects), spec.vendor() + " schema");
  }

  public String vendor() {
    return spec.vendor();
  }

  /** Every operation, the most literal template first (the order a router tries them in). */
  public List<Operation> operations() {
    return operations;
  }

  /** Every operation sorted by operationId, a stable order for listing. */
  public List<Operation> operationsById() {
    return byOperationId;
  }

  /** The operation with this id. */
  public Operation operation(String operationId) {
    return byId(operationId).orElseThrow(() -> new SpecException(spec.vendor() + ": no operation " + operationId));
  }

  /** The operation with this id, if the spec has one. */
  public Optional<Operation> byId(String operationId) {
    return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst();
  }

  /** Every security scheme of {@code components/securitySchemes}, by name, in document order. */
  public Map<String, SecurityScheme> schemes() {
    return schemes;
  }

  /** The limit the document root declares for every operation that states none itself, or null. */
  public RateLimit rateLimit() {
    return rateLimit;
  }

  /**
   * The operation that does {@code action} on a collection itself (not a sub-collection route), preferring the
   * fewest parameters and then the shortest path: {@code GET /clients} over {@code GET /clients/search}.
   */
  public Optional<Operation> find(String resource, Action action) {
    return byOperationId.stream()
        .filter(op -> op.action() == action && op.resource().equals(resource) && op.parent() == null)
        .min(Comparator.comparingInt((Operation op) -> op.parameters().size()).thenComparing(op -> op.path().length()));
  }

  /**
   * Where items of a collection without create or list operations show up: a list whose items embed them
   * ({@code x-counterfeit-embed: {resource: accounts, backref: client_id}} on FinSync's {@code Client.accounts}).
   */
  public Optional<Embedding> embeddingOf(String resource) {
    for (Operation op : byOperationId) {
      if (op.action() != Action.LIST || op.parent() != null || op.successStatuses().isEmpty()) {
        continue;
      }
      for (String pointer : op.responses().get(Integer.toString(op.successStatus())).schemas().values()) {
        JsonNode page = spec.at(pointer);
        List<ObjectSchema> items = new ArrayList<>();
        if ("array".equals(page.path("type").asText())) {
          items.add(object(page.path("items")));
        }
        for (Property array : object(page).properties()) {
          if (array.schema().has("items") && array.object() != null) {
            items.add(array.object());
          }
        }
        for (ObjectSchema item : items) {
          for (Property p : item.properties()) {
            if (p.embed() != null && p.embed().byBackref() && resource.equals(p.embed().resource())) {
              return Optional.of(new Embedding(op, p.name()));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A list whose items carry another collection's items in the array {@code field}. */
  public record Embedding(Operation list, String field) {}

  /**
   * The collection an IRI schema points at when it has no {@code x-counterfeit-ref}: the one whose read path, with
   * an id in place, matches the IRI's {@code pattern} ({@code ^/client-contacts/[0-9]+$} is client-contacts).
   */
  public Optional<String> collectionOfIri(JsonNode schema) {
    JsonNode s = spec.deref(schema);
    JsonNode single = s.has("items") ? spec.deref(s.get("items")) : s;
    String pattern = single.path("pattern").asText(null);
    if (pattern == null || !"iri-reference".equals(single.path("format").asText())) {
      return Optional.empty();
    }
    Pattern compiled = Pattern.compile(pattern);
    return byOperationId.stream()
        .filter(op -> op.action() == Action.READ && op.parent() == null)
        .filter(op -> compiled.matcher(op.path().replaceAll("\\{[^}]+}$", "1")).find())
        .map(Operation::resource)
        .findFirst();
  }

  /** Every scalar value written under an {@code example} or {@code examples} anywhere in the document, once each. */
  public List<JsonNode> exampleValues() {
    return exampleValues;
  }

  private static void collectExampleValues(JsonNode node, boolean inExample, Set<JsonNode> into) {
    if (node.isValueNode()) {
      if (inExample && !node.isNull()) {
        into.add(node);
      }
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      collectExampleValues(e.getValue(), inExample || e.getKey().equals("example") || e.getKey().equals("examples"),
          into);
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        collectExampleValues(element, inExample, into);
      }
    }
  }

  private static final class Compiler {
    private final ApiSpec spec;
    private final Map<String, SecurityScheme> schemes;
    private final RateLimit documentLimit;
    private final String path;
    private final String template;
    private final String pathPointer;
    private final String method;
    private final JsonNode node;
    private final String where;

    Compiler(ApiSpec spec, Map<String, SecurityScheme> schemes, RateLimit documentLimit, String base, String path,
        String pathPointer, String method, JsonNode node) {
      this.spec = spec;
      this.schemes = schemes;
      this.documentLimit = documentLimit;
      this.path = path;
      this.template = base + path;
      this.pathPointer = pathPointer;
      this.method = method;
      this.node = node;
      this.where = spec.vendor() + " " + method.toUpperCase(Locale.ROOT) + " " + template;
    }

    Operation compile() {
      List<String> names = new ArrayList<>();
      StringBuilder regex = new StringBuilder();
      Matcher m = PATH_PARAM.matcher(template);
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
        names.add(m.group(1));
        last = m.end();
      }
      regex.append(Pattern.quote(template.substring(last)));

      Action action = Action.of(required("x-counterfeit-action"), where);
      String handler = node.path("x-counterfeit-handler").asText(null);
      if (action == Action.CUSTOM && handler == null) {
        throw new SpecException(where + ": custom action without x-counterfeit-handler");
      }
      JsonNode parentNode = node.get("x-counterfeit-parent");
      Operation.ParentRef parent = parentNode == null ? null : new Operation.ParentRef(
          parentNode.path("param").asText(), parentNode.path("resource").asText(), parentNode.path("field").asText());
      JsonNode set = node.get("x-counterfeit-set");
      JsonNode settings = node.get("x-counterfeit-handler-settings");

      return new Operation(
          spec.vendor(),
          required("operationId"),
          method.toUpperCase(Locale.ROOT),
          path,
          template,
          opPointer(),
          Pattern.compile(regex.toString()),
          List.copyOf(names),
          parameters(),
          body(),
          action,
          required("x-counterfeit-resource"),
          handler,
          settings != null && settings.isObject() ? settings : JsonNodeFactory.instance.objectNode(),
          security(),
          node.path("x-counterfeit-permission").asText(null),
          set != null && set.isObject() ? (ObjectNode) set : JsonNodeFactory.instance.objectNode(),
          parent,
          node.has("x-counterfeit-rate-limit") ? RateLimit.of(node.get("x-counterfeit-rate-limit"), where)
              : documentLimit,
          responses());
    }

    private String opPointer() {
      return pathPointer + "/" + method;
    }

    private String required(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.asText().isBlank()) {
        throw new SpecException(where + ": missing " + field);
      }
      return value.asText();
    }

    private RequestBody body() {
      if (!node.has("requestBody")) {
        return null;
      }
      String body = spec.concrete(opPointer() + "/requestBody");
      Map<String, MediaType> content = content(body);
      if (content.isEmpty()) {
        throw new SpecException(where + ": request body without content");
      }
      List<JsonNode> examples = new ArrayList<>();
      spec.at(body).path("content").elements().forEachRemaining(media -> {
        if (media.has("example")) {
          addDistinct(examples, media.get("example"));
        }
        for (JsonNode example : media.path("examples")) {
          JsonNode value = spec.deref(example).get("value");
          if (value != null) {
            addDistinct(examples, value);
          }
        }
      });
      return new RequestBody(spec.at(body).path("required").asBoolean(false), content, List.copyOf(examples));
    }

    private static void addDistinct(List<JsonNode> into, JsonNode value) {
      if (!into.contains(value)) {
        into.add(value);
      }
    }

    /** The media types under {@code <pointer>/content}, each schema compiled. */
    private Map<String, MediaType> content(String pointer) {
      Map<String, MediaType> content = new LinkedHashMap<>();
      spec.at(pointer).path("content").fieldNames().forEachRemaining(mediaType -> {
        String mediaPointer = pointer + "/content/" + ApiSpec.escape(mediaType);
        String name = mediaType.toLowerCase(Locale.ROOT);
        if (spec.tree().at(JsonPointer.compile(spec.concrete(mediaPointer))).has("schema")) {
          String schema = spec.concrete(mediaPointer + "/schema");
          content.put(name, new MediaType(name, schema, spec.at(schema), spec.schema(schema)));
        } else {
          content.put(name, new MediaType(name, null, MissingNode.getInstance(), null));
        }
      });
      return Collections.unmodifiableMap(content);
    }

    private Map<String, Response> responses() {
      List<String> codes = new ArrayList<>();
      node.path("responses").fieldNames().forEachRemaining(codes::add);
      codes.sort(Comparator.comparingDouble(Compiler::order));
      Map<String, Response> responses = new LinkedHashMap<>();
      for (String code : codes) {
        String key = code.toUpperCase(Locale.ROOT).equals("DEFAULT") ? "default" : code.toUpperCase(Locale.ROOT);
        if (!key.matches("[1-5](\\d\\d|XX)|default")) {
          throw new SpecException(where + ": response key '" + code + "' is neither a status, a range nor default");
        }
        String pointer = spec.concrete(opPointer() + "/responses/" + ApiSpec.escape(code));
        List<String> headers = new ArrayList<>();
        List<String> requiredHeaders = new ArrayList<>();
        spec.at(pointer).path("headers").fields().forEachRemaining(h -> {
          headers.add(h.getKey());
          if (spec.deref(h.getValue()).path("required").asBoolean(false)) {
            requiredHeaders.add(h.getKey());
          }
        });
        responses.put(key, new Response(key, content(pointer), List.copyOf(headers), List.copyOf(requiredHeaders)));
      }
      return Collections.unmodifiableMap(responses);
    }

    /** Codes ascending, each range after its codes, {@code default} last. */
    private static double order(String code) {
      String key = code.toUpperCase(Locale.ROOT);
      if (key.equals("DEFAULT")) {
        return 1000;
      }
      return key.endsWith("XX") ? (key.charAt(0) - '0') * 100 + 99.5 : Double.parseDouble(key.replaceAll("\\D", "0"));
    }

    private List<Parameter> parameters() {
      Map<String, Parameter> byKey = new LinkedHashMap<>();
      collect(pathPointer + "/parameters", byKey);
      collect(opPointer() + "/parameters", byKey); // operation-level wins over path-level
      return List.copyOf(byKey.values());
    }

    private void collect(String listPointer, Map<String, Parameter> into) {
      JsonNode list = spec.tree().at(JsonPointer.compile(listPointer));
      for (int i = 0; i < list.size(); i++) {
        String pointer = spec.concrete(listPointer + "/" + i);
        JsonNode p = spec.at(pointer);
        Parameter.In in = switch (p.path("in").asText()) {
          case "path" -> Parameter.In.PATH;
          case "query" -> Parameter.In.QUERY;
          case "header" -> Parameter.In.HEADER;
          default -> null; // cookies are not used by these vendors
        };
        if (in == null) {
          continue;
        }
        String schemaPointer = spec.concrete(pointer + "/schema");
        JsonNode filter = p.get("x-counterfeit-filter");
        List<String> fields = new ArrayList<>();
        if (filter != null) {
          filter.path("fields").forEach(f -> fields.add(f.asText()));
        }
        String name = p.path("name").asText();
        into.put(in + ":" + name.toLowerCase(Locale.ROOT), new Parameter(
            name,
            in,
            in == Parameter.In.PATH || p.path("required").asBoolean(false),
            schemaPointer,
            spec.at(schemaPointer),
            spec.schema(schemaPointer),
            p.get("example"),
            List.copyOf(fields),
            filter != null && "equals".equals(filter.path("match").asText()),
            p.path("x-counterfeit-sort").asText(null),
            in == Parameter.In.HEADER ? Parameter.Idempotency.read(name, p.get("x-counterfeit-idempotency")) : null));
      }
    }

    private List<List<SecurityScheme>> security() {
      JsonNode requirements = node.has("security") ? node.get("security") : spec.tree().path("security");
      List<List<SecurityScheme>> alternatives = new ArrayList<>();
      for (JsonNode requirement : requirements) {
        if (requirement.isEmpty()) {
          return List.of(); // {} among the alternatives: a request without credentials is fine too
        }
        List<SecurityScheme> schemesHere = new ArrayList<>();
        requirement.fieldNames().forEachRemaining(name -> {
          SecurityScheme scheme = schemes.get(name);
          if (scheme == null) {
            throw new SpecException(where + ": security scheme " + name + " is not in components/securitySchemes");
          }
          schemesHere.add(scheme);
        });
        alternatives.add(List.copyOf(schemesHere));
      }
      return List.copyOf(alternatives);
    }
  }
}

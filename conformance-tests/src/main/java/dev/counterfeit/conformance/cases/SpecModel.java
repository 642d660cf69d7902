package dev.counterfeit.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.counterfeit.openapi.ApiSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operations of one spec as the kit needs them: routes, parameters, bodies, responses and the engine's
 * {@code x-counterfeit-*} extensions, with every {@code $ref} followed and every schema addressed by a
 * concrete JSON pointer that {@link ApiSpec#schema(String)} can compile.
 */
public final class SpecModel {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private final ApiSpec spec;
  private final List<Operation> operations;
  private final Map<String, SecurityScheme> schemes;

  private SpecModel(ApiSpec spec) {
    this.spec = spec;
    this.schemes = readSchemes();
    this.operations = readOperations();
  }

  /** Reads the model of a loaded spec. Fails with a message naming the place when the spec lacks what the kit needs. */
  public static SpecModel of(ApiSpec spec) {
    return new SpecModel(spec);
  }

  public ApiSpec spec() {
    return spec;
  }

  public String vendor() {
    return spec.vendor();
  }

  /** Every operation, sorted by operationId. */
  public List<Operation> operations() {
    return operations;
  }

  public Map<String, SecurityScheme> schemes() {
    return schemes;
  }

  public Optional<Operation> byId(String operationId) {
    return operations.stream().filter(op -> op.operationId().equals(operationId)).findFirst();
  }

  /**
   * The operation that does {@code action} on {@code resource}, preferring the shortest path without a parent
   * ({@code GET /clients} over {@code GET /clients/search}).
   */
  public Optional<Operation> find(String resource, String action) {
    return operations.stream()
        .filter(op -> resource.equals(op.resource()) && action.equals(op.action()) && op.parent() == null)
        .min(Comparator.comparingInt((Operation op) -> op.parameters().size()).thenComparing(op -> op.path().length()));
  }

  /**
   * Where items of a collection without create or list operations show up: a list whose items embed them
   * ({@code x-counterfeit-embed: {resource: accounts, backref: client_id}} on FinSync's {@code Client.accounts}).
   */
  public Optional<Host> host(String resource) {
    for (Operation op : operations) {
      if (!"list".equals(op.action()) || op.parent() != null || op.resource() == null) {
        continue;
      }
      Response response = op.responses().get(op.successStatus());
      if (response == null) {
        continue;
      }
      for (String pointer : response.schemas().values()) {
        JsonNode page = schemaAt(pointer);
        List<JsonNode> arrays = new ArrayList<>();
        if ("array".equals(page.path("type").asText())) {
          arrays.add(page);
        }
        arrays.addAll(Schemas.properties(this, page).values());
        for (JsonNode array : arrays) {
          JsonNode items = spec.deref(array.path("items"));
          for (Map.Entry<String, JsonNode> e : Schemas.properties(this, items).entrySet()) {
            JsonNode embed = e.getValue().path("x-counterfeit-embed");
            if (resource.equals(embed.path("resource").asText()) && embed.has("backref")) {
              return Optional.of(new Host(op, e.getKey()));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A list whose items carry another collection's items in the array {@code field}. */
  public record Host(Operation list, String field) {}

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
    java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(pattern);
    return operations.stream()
        .filter(op -> "read".equals(op.action()) && op.parent() == null && op.resource() != null)
        .filter(op -> compiled.matcher(op.path().replaceAll("\\{[^}]+}$", "1")).find())
        .map(Operation::resource)
        .findFirst();
  }

  /** The node at a concrete pointer (no {@code $ref} following). */
  public JsonNode node(String pointer) {
    return spec.tree().at(pointer);
  }

  /** The pointer of the node a pointer reaches with every {@code $ref} on the way followed. */
  public String concrete(String pointer) {
    return spec.concrete(pointer);
  }

  /** The schema node at a pointer with {@code $ref}s followed. */
  public JsonNode schemaAt(String pointer) {
    return spec.deref(spec.tree().at(concrete(pointer)));
  }

  private Map<String, SecurityScheme> readSchemes() {
    Map<String, SecurityScheme> result = new LinkedHashMap<>();
    JsonNode all = spec.tree().path("components").path("securitySchemes");
    for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode s = spec.deref(e.getValue());
      result.put(e.getKey(), new SecurityScheme(e.getKey(), s.path("type").asText(), s.path("in").asText(null),
          s.path("name").asText(null), s.path("scheme").asText(null)));
    }
    return result;
  }

  private List<Operation> readOperations() {
    List<Operation> result = new ArrayList<>();
    JsonNode paths = spec.tree().path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> pit = paths.fields(); pit.hasNext(); ) {
      Map.Entry<String, JsonNode> pathEntry = pit.next();
      String path = pathEntry.getKey();
      String pathPointer = "/paths/" + ApiSpec.escape(path);
      JsonNode pathItem = spec.deref(pathEntry.getValue());
      for (Iterator<Map.Entry<String, JsonNode>> mit = pathItem.fields(); mit.hasNext(); ) {
        Map.Entry<String, JsonNode> m = mit.next();
        if (!METHODS.contains(m.getKey())) {
          continue;
        }
        result.add(readOperation(path, pathPointer, pathItem, m.getKey(), m.getValue()));
      }
    }
    result.sort(Comparator.comparing(Operation::operationId));
    return List.copyOf(result);
  }

  private Operation readOperation(String path, String pathPointer, JsonNode pathItem, String method, JsonNode op) {
    String pointer = pathPointer + "/" + method;
    String operationId = op.path("operationId").asText(null);
    if (operationId == null) {
      throw new IllegalArgumentException(method.toUpperCase(Locale.ROOT) + " " + path + " has no operationId");
    }
    Map<String, Param> params = new LinkedHashMap<>();
    collectParams(params, pathItem.path("parameters"), pathPointer + "/parameters");
    collectParams(params, op.path("parameters"), pointer + "/parameters");

    Body body = null;
    JsonNode requestBody = op.path("requestBody");
    if (!requestBody.isMissingNode()) {
      body = readBody(concrete(pointer + "/requestBody"));
    }
    TreeMap<Integer, Response> responses = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().matches("\\d{3}")) {
        continue;
      }
      int status = Integer.parseInt(e.getKey());
      String responsePointer = concrete(pointer + "/responses/" + e.getKey());
      Map<String, String> media = new LinkedHashMap<>();
      for (Iterator<String> names = node(responsePointer).path("content").fieldNames(); names.hasNext(); ) {
        String mediaType = names.next();
        String schemaPointer = responsePointer + "/content/" + ApiSpec.escape(mediaType) + "/schema";
        if (!node(schemaPointer).isMissingNode()) {
          media.put(mediaType, schemaPointer);
        }
      }
      List<String> headers = new ArrayList<>();
      List<String> declared = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> hs = node(responsePointer).path("headers").fields(); hs.hasNext(); ) {
        Map.Entry<String, JsonNode> h = hs.next();
        declared.add(h.getKey());
        if (spec.deref(h.getValue()).path("required").asBoolean(false)) {
          headers.add(h.getKey());
        }
      }
      responses.put(status, new Response(status, media, List.copyOf(headers), List.copyOf(declared)));
    }
    List<String> security = new ArrayList<>();
    JsonNode requirements = op.has("security") ? op.get("security") : spec.tree().path("security");
    if (requirements.isArray() && requirements.size() > 0) {
      requirements.get(0).fieldNames().forEachRemaining(security::add);
    }
    JsonNode parent = op.path("x-counterfeit-parent");
    JsonNode limit = op.has("x-counterfeit-rate-limit") ? op.get("x-counterfeit-rate-limit")
        : spec.tree().path("x-counterfeit-rate-limit");
    return new Operation(operationId, method.toUpperCase(Locale.ROOT), path, pointer,
        op.path("x-counterfeit-action").asText(null), op.path("x-counterfeit-resource").asText(null),
        op.path("x-counterfeit-handler").asText(null),
        op.path("x-counterfeit-set").isObject() ? op.get("x-counterfeit-set") : MissingNode.getInstance(),
        parent.isObject() ? new Parent(parent.path("param").asText(), parent.path("resource").asText(),
            parent.path("field").asText(null)) : null,
        List.copyOf(params.values()), body, responses, List.copyOf(security), RateLimit.of(limit));
  }

  private void collectParams(Map<String, Param> into, JsonNode list, String listPointer) {
    for (int i = 0; i < list.size(); i++) {
      String p = concrete(listPointer + "/" + i);
      JsonNode param = node(p);
      String name = param.path("name").asText();
      String in = param.path("in").asText();
      String schemaPointer = concrete(p + "/schema");
      into.put(in + ":" + name, new Param(name, in, param.path("required").asBoolean(false), schemaPointer,
          node(schemaPointer), param.has("example") ? param.get("example") : null));
    }
  }

  private Body readBody(String bodyPointer) {
    JsonNode requestBody = node(bodyPointer);
    List<String> mediaTypes = new ArrayList<>();
    requestBody.path("content").fieldNames().forEachRemaining(mediaTypes::add);
    if (mediaTypes.isEmpty()) {
      throw new IllegalArgumentException(bodyPointer + ": request body without content");
    }
    String preferred = mediaTypes.contains("application/json") ? "application/json" : mediaTypes.get(0);
    String mediaPointer = bodyPointer + "/content/" + ApiSpec.escape(preferred);
    String schemaPointer = concrete(mediaPointer + "/schema");
    List<JsonNode> examples = new ArrayList<>();
    for (String mediaType : mediaTypes) {
      JsonNode media = node(bodyPointer + "/content/" + ApiSpec.escape(mediaType));
      if (media.has("example")) {
        addDistinct(examples, media.get("example"));
      }
      for (JsonNode example : media.path("examples")) {
        JsonNode value = spec.deref(example).get("value");
        if (value != null) {
          addDistinct(examples, value);
        }
      }
    }
    return new Body(requestBody.path("required").asBoolean(false), List.copyOf(mediaTypes), preferred, schemaPointer,
        node(schemaPointer), List.copyOf(examples));
  }

  private static void addDistinct(List<JsonNode> into, JsonNode value) {
    if (!into.contains(value)) {
      into.add(value);
    }
  }

  /** A security scheme ({@code components/securitySchemes}). */
  public record SecurityScheme(String name, String type, String in, String headerName, String scheme) {
    /** The header the credential travels in. */
    public String header() {
      return "http".equals(type) ? "Authorization" : headerName;
    }
  }

  /**
   * {@code x-counterfeit-rate-limit}, from the operation or else the document root: at most {@code requests} per
   * window of {@code seconds}, counted per {@code per} ({@code tenant}, {@code operation}, {@code account}).
   */
  public record RateLimit(int requests, int seconds, String per) {
    /** The limit a node declares, or null for none ({@code false}, absent). */
    static RateLimit of(JsonNode node) {
      if (node == null || !node.isObject() || !node.path("requests").canConvertToInt()) {
        return null;
      }
      return new RateLimit(node.get("requests").asInt(), node.path("seconds").asInt(60),
          node.path("per").asText("tenant"));
    }
  }

  /** {@code x-counterfeit-parent}: a sub-collection route whose path parameter names an item of another resource. */
  public record Parent(String param, String resource, String field) {}

  /** A parameter with its schema ({@code $ref}s followed). */
  public record Param(String name, String in, boolean required, String schemaPointer, JsonNode schema, JsonNode example) {}

  /**
   * A request body.
   *
   * @param mediaType the media type the kit sends: {@code application/json} when accepted, else the first listed
   * @param schemaPointer concrete pointer of the schema of {@code mediaType}
   * @param examples media-type examples of every media type, values only, in document order
   */
  public record Body(boolean required, List<String> mediaTypes, String mediaType, String schemaPointer, JsonNode schema,
      List<JsonNode> examples) {}

  /**
   * A declared response.
   *
   * @param schemas media type to the concrete pointer of its schema
   * @param requiredHeaders headers the spec marks {@code required: true} on this response
   * @param headers every header the spec declares on this response
   */
  public record Response(int status, Map<String, String> schemas, List<String> requiredHeaders, List<String> headers) {
    /** The schema pointer for a received Content-Type, or the only one declared; null when none fits. */
    public String schemaFor(String contentType) {
      if (schemas.isEmpty()) {
        return null;
      }
      if (contentType != null) {
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (schemas.containsKey(base)) {
          return schemas.get(base);
        }
      }
      return schemas.size() == 1 ? schemas.values().iterator().next() : null;
    }
  }

  /**
   * One operation.
   *
   * @param pointer the concrete pointer of the operation object ({@code /paths/~1clients/post})
   * @param action {@code x-counterfeit-action}
   * @param resource {@code x-counterfeit-resource}
   * @param handler {@code x-counterfeit-handler}, for custom actions
   * @param set {@code x-counterfeit-set}, or a missing node
   * @param parent {@code x-counterfeit-parent}, or null
   * @param security scheme names of the first security requirement; empty for a public route
   * @param rateLimit the documented rate limit on this operation, or null
   */
  public record Operation(
      String operationId,
      String method,
      String path,
      String pointer,
      String action,
      String resource,
      String handler,
      JsonNode set,
      Parent parent,
      List<Param> parameters,
      Body body,
      TreeMap<Integer, Response> responses,
      List<String> security,
      RateLimit rateLimit) {

    public boolean declares(int status) {
      return responses.containsKey(status);
    }

    /** The lowest 2xx the operation declares; 200 when it declares none. */
    public int successStatus() {
      return responses.keySet().stream().filter(s -> s >= 200 && s < 300).findFirst().orElse(200);
    }

    /** What a request the schema refuses answers: the declared 422 if any, else 400. */
    public int validationStatus() {
      return declares(422) ? 422 : 400;
    }

    /** What an unparseable body answers: the declared 400 if any, else the declared 422, else 400. */
    public int malformedStatus() {
      return declares(400) ? 400 : declares(422) ? 422 : 400;
    }

    /** The path parameter naming an item (the last one), if the path has one. */
    public Optional<Param> itemParam() {
      Param last = null;
      for (Param p : parameters) {
        if ("path".equals(p.in())) {
          last = p;
        }
      }
      return Optional.ofNullable(last);
    }

    /** The collection the item parameter's value belongs to: the parent's for a sub-collection route. */
    public String itemResource() {
      return parent != null ? parent.resource() : resource;
    }

    /** Whether the method writes (the ones a read-only credential may not call). */
    public boolean writes() {
      return !"GET".equals(method) && !"HEAD".equals(method);
    }

    public List<Param> parameters(String in) {
      return parameters.stream().filter(p -> in.equals(p.in())).toList();
    }
  }
}

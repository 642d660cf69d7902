package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import dev.counterfeit.openapi.ApiSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One vendor's spec compiled into operations: every schema compiled and every extension read at start, so a
 * bad spec fails at boot and a request only looks things up.
 */
public final class ApiModel {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");

  private final ApiSpec spec;
  private final List<Operation> operations;

  private ApiModel(ApiSpec spec, List<Operation> operations) {
    this.spec = spec;
    this.operations = operations;
  }

  /** Compiles every operation of the spec. */
  public static ApiModel compile(ApiSpec spec) {
    List<Operation> operations = new ArrayList<>();
    String base = spec.basePath();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.tree().path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      String pathPointer = "/paths/" + ApiSpec.escape(path.getKey());
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          operations.add(new Compiler(spec, base + path.getKey(), pathPointer, op.getKey(), op.getValue()).compile());
        }
      }
    }
    // Literal segments beat templates: /clients/search must win over /clients/{id}.
    operations.sort(Comparator.comparingInt(Operation::literalWeight).reversed());
    return new ApiModel(spec, List.copyOf(operations));
  }

  public ApiSpec spec() {
    return spec;
  }

  public String vendor() {
    return spec.vendor();
  }

  public List<Operation> operations() {
    return operations;
  }

  /** The operation with this id. */
  public Operation operation(String operationId) {
    return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst()
        .orElseThrow(() -> new SpecException(spec.vendor() + ": no operation " + operationId));
  }

  /** The first operation with this action on this collection, if the spec has one (e.g. where an item is read). */
  public java.util.Optional<Operation> find(String resource, Action action) {
    return operations.stream().filter(o -> o.action() == action && o.resource().equals(resource)).findFirst();
  }

  private static final class Compiler {
    private final ApiSpec spec;
    private final String template;
    private final String pathPointer;
    private final String method;
    private final JsonNode node;
    private final String where;

    Compiler(ApiSpec spec, String template, String pathPointer, String method, JsonNode node) {
      this.spec = spec;
      this.template = template;
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
      Map<String, Schema> bodySchemas = new LinkedHashMap<>();
      Map<String, JsonNode> bodyNodes = new LinkedHashMap<>();
      boolean bodyRequired = false;
      if (node.has("requestBody")) {
        String body = spec.concrete(opPointer() + "/requestBody");
        bodyRequired = spec.at(body).path("required").asBoolean(false);
        spec.at(body).path("content").fieldNames().forEachRemaining(mediaType -> {
          String pointer = spec.concrete(body + "/content/" + ApiSpec.escape(mediaType) + "/schema");
          bodySchemas.put(mediaType.toLowerCase(Locale.ROOT), spec.schema(pointer));
          bodyNodes.put(mediaType.toLowerCase(Locale.ROOT), spec.at(pointer));
        });
      }

      int successStatus = 0;
      for (Iterator<String> codes = node.path("responses").fieldNames(); codes.hasNext(); ) {
        String code = codes.next();
        if (code.matches("2\\d\\d") && (successStatus == 0 || Integer.parseInt(code) < successStatus)) {
          successStatus = Integer.parseInt(code);
        }
      }
      if (successStatus == 0) {
        throw new SpecException(where + ": no 2xx response");
      }
      String response = spec.concrete(opPointer() + "/responses/" + successStatus);
      Iterator<String> mediaTypes = spec.at(response).path("content").fieldNames();
      String successMediaType = mediaTypes.hasNext() ? mediaTypes.next() : null;
      String responseSchema = successMediaType == null ? null
          : spec.concrete(response + "/content/" + ApiSpec.escape(successMediaType) + "/schema");

      Map<String, Schema> responses = new LinkedHashMap<>();
      for (Iterator<String> codes = node.path("responses").fieldNames(); codes.hasNext(); ) {
        String code = codes.next();
        String pointer = spec.concrete(opPointer() + "/responses/" + ApiSpec.escape(code));
        Iterator<String> types = spec.at(pointer).path("content").fieldNames();
        responses.put(code.toUpperCase(Locale.ROOT), types.hasNext()
            ? spec.schema(spec.concrete(pointer + "/content/" + ApiSpec.escape(types.next()) + "/schema")) : null);
      }

      JsonNode parentNode = node.get("x-counterfeit-parent");
      Operation.ParentRef parent = parentNode == null ? null : new Operation.ParentRef(
          parentNode.path("param").asText(), parentNode.path("resource").asText(), parentNode.path("field").asText());
      JsonNode set = node.get("x-counterfeit-set");

      return new Operation(
          spec.vendor(),
          required("operationId"),
          method.toUpperCase(Locale.ROOT),
          template,
          Pattern.compile(regex.toString()),
          List.copyOf(names),
          parameters(),
          bodyRequired,
          java.util.Collections.unmodifiableMap(bodySchemas),
          java.util.Collections.unmodifiableMap(bodyNodes),
          action,
          required("x-counterfeit-resource"),
          handler,
          successStatus,
          successMediaType,
          responseSchema,
          security(),
          node.path("x-counterfeit-permission").asText(null),
          set != null && set.isObject() ? (ObjectNode) set : JsonNodeFactory.instance.objectNode(),
          parent,
          RateLimit.of(node.has("x-counterfeit-rate-limit") ? node.get("x-counterfeit-rate-limit")
              : spec.tree().path("x-counterfeit-rate-limit"), where),
          java.util.Collections.unmodifiableMap(responses),
          node.path("x-counterfeit-handler-settings").isObject() ? node.get("x-counterfeit-handler-settings")
              : JsonNodeFactory.instance.objectNode());
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
            spec.at(schemaPointer),
            spec.schema(schemaPointer),
            List.copyOf(fields),
            filter != null && "equals".equals(filter.path("match").asText()),
            p.path("x-counterfeit-sort").asText(null)));
      }
    }

    private List<List<SecurityScheme>> security() {
      JsonNode requirements = node.has("security") ? node.get("security") : spec.tree().path("security");
      List<List<SecurityScheme>> alternatives = new ArrayList<>();
      for (JsonNode requirement : requirements) {
        List<SecurityScheme> schemes = new ArrayList<>();
        requirement.fieldNames().forEachRemaining(name -> schemes.add(scheme(name)));
        if (!schemes.isEmpty()) {
          alternatives.add(List.copyOf(schemes));
        }
      }
      return List.copyOf(alternatives);
    }

    private SecurityScheme scheme(String name) {
      JsonNode s = spec.at("/components/securitySchemes/" + ApiSpec.escape(name));
      String type = s.path("type").asText();
      if (type.equals("apiKey") && s.path("in").asText().equals("header")) {
        return new SecurityScheme(name, s.path("name").asText(), false);
      }
      if (type.equals("http") && s.path("scheme").asText().equalsIgnoreCase("bearer")) {
        return new SecurityScheme(name, "Authorization", true);
      }
      throw new SpecException(where + ": security scheme " + name + " is neither a header API key nor bearer");
    }
  }
}

package dev.counterfeit.stubs.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.fault.Delay;
import dev.counterfeit.stubs.fault.FaultKind;
import dev.counterfeit.stubs.fault.FaultRule;
import dev.counterfeit.stubs.fault.Faults;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /__counterfeit/faults}: {@code POST} adds a rule, {@code GET} lists the rules (with how often each
 * fired), {@code DELETE} clears them, {@code DELETE /faults/{id}} removes one. A rule body:
 * {@code {"api": "<vendor>", "operationId": "<operationId>", "status": 429, "probability": 0.5, "count": 3}};
 * {@code path} and {@code method} narrow by route, {@code delay} ({@code "300ms"}) slows answers down.
 */
final class FaultsEndpoint {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("api", "operationId", "path", "method", "status", "fault", "delay",
      "probability", "count", "retryAfter");
  private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS");

  private final Faults faults;
  private final ServedSpecs specs;

  FaultsEndpoint(Faults faults, ServedSpecs specs) {
    this.faults = faults;
    this.specs = specs;
  }

  /** @param rest what follows {@code faults} in the path: "" or {@code /<id>} */
  HttpResponse handle(HttpRequest request, String rest) {
    String method = request.method();
    if (rest.isEmpty()) {
      return switch (method) {
        case "GET" -> list();
        case "POST" -> add(request);
        case "DELETE" -> {
          int removed = faults.rules().size();
          faults.clear();
          yield ControlRoutes.json(200, JsonNodeFactory.instance.objectNode().put("status", "cleared").put("removed", removed));
        }
        default -> ControlRoutes.error(405, "Use GET, POST or DELETE on " + ControlRoutes.PREFIX + "faults.");
      };
    }
    long id;
    try {
      id = Long.parseLong(rest.substring(1));
    } catch (NumberFormatException e) {
      return ControlRoutes.error(404, "No fault rule '" + rest.substring(1) + "'; rule ids are numbers.");
    }
    Optional<FaultRule> rule = faults.rules().stream().filter(r -> r.id() == id).findFirst();
    if (rule.isEmpty()) {
      return ControlRoutes.error(404, "No fault rule " + id + ".");
    }
    return switch (method) {
      case "GET" -> ControlRoutes.json(200, rule.get().toJson());
      case "DELETE" -> {
        faults.remove(id);
        yield HttpResponse.empty(204);
      }
      default -> ControlRoutes.error(405, "Use GET or DELETE on " + ControlRoutes.PREFIX + "faults/" + id + ".");
    };
  }

  private HttpResponse list() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode rules = body.putArray("rules");
    faults.rules().forEach(r -> rules.add(r.toJson()));
    return ControlRoutes.json(200, body);
  }

  private HttpResponse add(HttpRequest request) {
    JsonNode body;
    try {
      body = JSON.readTree(request.body());
    } catch (IOException e) {
      return ControlRoutes.error(400, "The body is not valid JSON.");
    }
    if (body == null || !body.isObject()) {
      return ControlRoutes.error(400, "Send a JSON object, e.g. {\"api\": \"<vendor>\", \"operationId\": \"<operationId>\", "
          + "\"status\": 429}.");
    }
    try {
      FaultRule rule = parse(body);
      faults.add(rule);
      return ControlRoutes.json(201, rule.toJson())
          .withHeader("Location", ControlRoutes.PREFIX + "faults/" + rule.id());
    } catch (IllegalArgumentException e) {
      return ControlRoutes.error(400, e.getMessage());
    }
  }

  private FaultRule parse(JsonNode body) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("Unknown field '" + name + "'; accepted: " + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
      }
    }
    String api = text(body, "api");
    if (api != null && !specs.serves(api)) {
      throw new IllegalArgumentException("No API '" + api + "' is served.");
    }
    String operationId = text(body, "operationId");
    if (operationId != null && (api == null ? specs.vendors().stream().noneMatch(v -> specs.hasOperation(v, operationId))
        : !specs.hasOperation(api, operationId))) {
      throw new IllegalArgumentException("No operation '" + operationId + "' in " + (api == null ? "any served spec" : "the " + api + " spec") + ".");
    }
    String path = text(body, "path");
    if (path != null && !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /, e.g. /api/public/v1/clients/{client}.");
    }
    String method = text(body, "method");
    if (method != null) {
      method = method.toUpperCase(Locale.ROOT);
      if (!METHODS.contains(method)) {
        throw new IllegalArgumentException("method must be one of " + String.join(", ", METHODS.stream().sorted().toList()) + ".");
      }
    }
    FaultKind fault = fault(body, "status");
    FaultKind alias = fault(body, "fault");
    if (fault != null && alias != null && fault != alias) {
      throw new IllegalArgumentException("status and fault disagree; give one.");
    }
    fault = fault != null ? fault : alias;
    Duration delay = null;
    if (body.hasNonNull("delay")) {
      delay = Delay.parse(body.get("delay").asText())
          .orElseThrow(() -> new IllegalArgumentException("delay must be like 300ms or 2s, at most " + Delay.MAX.toSeconds() + " s."));
    }
    if (fault == null && delay == null) {
      throw new IllegalArgumentException("Give a status (" + FaultKind.ALLOWED + ") or a delay (\"300ms\"), or both.");
    }
    double probability = 1.0;
    if (body.has("probability")) {
      JsonNode p = body.get("probability");
      if (!p.isNumber() || p.asDouble() <= 0 || p.asDouble() > 1) {
        throw new IllegalArgumentException("probability must be a number above 0 and at most 1.");
      }
      probability = p.asDouble();
    }
    Integer count = null;
    if (body.has("count")) {
      JsonNode c = body.get("count");
      if (!c.canConvertToInt() || !c.isIntegralNumber() || c.asInt() < 1) {
        throw new IllegalArgumentException("count must be a whole number of 1 or more.");
      }
      count = c.asInt();
    }
    int retryAfter = Faults.DEFAULT_RETRY_AFTER_SECONDS;
    if (body.has("retryAfter")) {
      JsonNode r = body.get("retryAfter");
      if (!r.isIntegralNumber() || r.asInt() < 1 || r.asInt() > 3600) {
        throw new IllegalArgumentException("retryAfter must be whole seconds from 1 to 3600.");
      }
      if (fault != FaultKind.TOO_MANY_REQUESTS) {
        throw new IllegalArgumentException("retryAfter only goes with status 429.");
      }
      retryAfter = r.asInt();
    }
    return new FaultRule(faults.nextId(), api, operationId, path, method, fault, delay, probability, count, retryAfter);
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(field + " must be a non-empty string.");
    }
    return value.asText().trim();
  }

  private static FaultKind fault(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() && !value.isIntegralNumber()) {
      throw new IllegalArgumentException(field + " must be one of " + FaultKind.ALLOWED + ".");
    }
    return FaultKind.parse(value.asText())
        .orElseThrow(() -> new IllegalArgumentException(field + " must be one of " + FaultKind.ALLOWED + "."));
  }
}

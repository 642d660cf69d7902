package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a spec, compiled once.
 *
 * @param method the upper-case HTTP method
 * @param path the path as the spec writes it ({@code /clients/{client}})
 * @param template the full path template including the API's base path ({@code /api/public/v1/clients/{client}})
 * @param pointer the JSON pointer of the operation object ({@code /paths/~1clients/post})
 * @param pattern matches a request path against {@code template}, one group per path parameter
 * @param parameters path-level and operation-level parameters, the operation's winning, in document order
 * @param body the request body, or null when the operation takes none
 * @param action {@code x-counterfeit-action}
 * @param resource {@code x-counterfeit-resource}: the collection the operation works on
 * @param handler {@code x-counterfeit-handler}, the profile code a custom action runs, or null
 * @param handlerSettings the numbers a custom handler works with ({@code x-counterfeit-handler-settings}), an
 *     empty object when the spec gives none
 * @param security the alternatives of the operation's (or else the document's) {@code security}: a request
 *     must satisfy one, and each lists the schemes that must all be present; empty when the operation is public,
 *     which an empty alternative ({@code {}}: credentials optional) also makes it
 * @param permission the permission a credential needs ({@code x-counterfeit-permission}), or null
 * @param set fields the server sets whatever the body says ({@code x-counterfeit-set}), an empty object when none
 * @param parent the parent reference of a sub-collection route, or null
 * @param rateLimit the documented limit on this operation, from the operation or else the document root, or null
 * @param responses every declared answer by its key ({@code 200}, {@code 4XX}, {@code default}): codes in
 *     ascending order, then ranges, then {@code default}
 */
public record Operation(
    String vendor,
    String operationId,
    String method,
    String path,
    String template,
    String pointer,
    Pattern pattern,
    List<String> pathParamNames,
    List<Parameter> parameters,
    RequestBody body,
    Action action,
    String resource,
    String handler,
    JsonNode handlerSettings,
    List<List<SecurityScheme>> security,
    String permission,
    ObjectNode set,
    ParentRef parent,
    RateLimit rateLimit,
    Map<String, Response> responses) {

  /** A sub-collection's link to its parent: path parameter, parent collection, the child's field pointing at it. */
  public record ParentRef(String param, String resource, String field) {}

  /** Whether a request must carry a body. */
  public boolean bodyRequired() {
    return body != null && body.required();
  }

  /** The compiled request body schema per accepted media type; empty when the operation takes no body. */
  public Map<String, Schema> bodySchemas() {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    if (body != null) {
      body.content().forEach((type, media) -> schemas.put(type, media.schema()));
    }
    return schemas;
  }

  /** The request body schemas as JSON, per accepted media type, for walking properties. */
  public Map<String, JsonNode> bodyNodes() {
    Map<String, JsonNode> nodes = new LinkedHashMap<>();
    if (body != null) {
      body.content().forEach((type, media) -> nodes.put(type, media.schemaNode()));
    }
    return nodes;
  }

  /** The 2xx codes the spec declares, ascending; empty when it declares none (nothing is assumed). */
  public List<Integer> successStatuses() {
    List<Integer> statuses = new ArrayList<>();
    for (String code : responses.keySet()) {
      if (isSuccessCode(code)) {
        statuses.add(Integer.valueOf(code));
      }
    }
    statuses.sort(null);
    return statuses;
  }

  /** The lowest 2xx code declared; a spec without one is refused when it is compiled for serving. */
  public int successStatus() {
    // Asked on every answer: a scan of the few keys, without the list.
    int lowest = Integer.MAX_VALUE;
    for (String code : responses.keySet()) {
      if (isSuccessCode(code)) {
        lowest = Math.min(lowest, Integer.parseInt(code));
      }
    }
    if (lowest == Integer.MAX_VALUE) {
      throw new SpecException(this + ": no 2xx response");
    }
    return lowest;
  }

  private static boolean isSuccessCode(String code) {
    return code.length() == 3 && code.charAt(0) == '2' && Character.isDigit(code.charAt(1))
        && Character.isDigit(code.charAt(2));
  }

  /** The media type of the success answer, or null when it has no body. */
  public String successMediaType() {
    return responses.get(Integer.toString(successStatus())).mediaType();
  }

  /** The concrete pointer of the success answer's schema, or null when it has none. */
  public String responseSchema() {
    Response success = responses.get(Integer.toString(successStatus()));
    String type = success.mediaType();
    return type == null ? null : success.content().get(type).schemaPointer();
  }

  /** Whether the spec declares exactly this code (a range or {@code default} does not count). */
  public boolean declares(int status) {
    return responses.containsKey(Integer.toString(status));
  }

  /** The key of the declared answer for a status: the code itself, else its range ({@code 4XX}), else {@code default}. */
  public Optional<String> declaredStatus(int status) {
    String code = Integer.toString(status);
    for (String key : new String[] {code, code.charAt(0) + "XX", "default"}) {
      if (responses.containsKey(key)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** The declared answer for a status, looked up as {@link #declaredStatus(int)} does. */
  public Optional<Response> response(int status) {
    return declaredStatus(status).map(responses::get);
  }

  /** Path parameters when the (already decoded) path matches this operation's template. */
  public Optional<Map<String, String>> match(String path) {
    Matcher m = pattern.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < pathParamNames.size(); i++) {
      values.put(pathParamNames.get(i), m.group(i + 1));
    }
    return Optional.of(values);
  }

  /** The parameters that travel in one place, in document order. */
  public List<Parameter> parameters(Parameter.In in) {
    return parameters.stream().filter(p -> p.in() == in).toList();
  }

  /** The parameter naming the addressed item: the last path parameter. */
  public String idParam() {
    return pathParamNames.isEmpty() ? null : pathParamNames.get(pathParamNames.size() - 1);
  }

  /** The path parameter naming the addressed item (the last one), if the path has one. */
  public Optional<Parameter> itemParam() {
    List<Parameter> path = parameters(Parameter.In.PATH);
    return path.isEmpty() ? Optional.empty() : Optional.of(path.get(path.size() - 1));
  }

  /** The collection the item parameter's value belongs to: the parent's for a sub-collection route. */
  public String itemResource() {
    return parent != null ? parent.resource() : resource;
  }

  /** Whether the method changes state (writes need write permission). */
  public boolean isWrite() {
    return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
  }

  /** How many literal characters the template has; a more literal template wins over a templated one. */
  public int literalWeight() {
    return template.replaceAll("\\{[^}]*}", "").length();
  }

  /** An operation is compiled once, so it is itself and nothing else (and hashing it stays cheap as a map key). */
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return method + " " + template + " (" + operationId + ")";
  }
}

package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the engine needs about one operation, compiled once at start.
 *
 * @param template the full path template including the API's base path ({@code /api/public/v1/clients/{client}})
 * @param bodySchemas compiled request body schema per accepted media type (empty when the operation takes none)
 * @param bodyNodes the same schemas as JSON, for walking properties
 * @param successStatus the lowest 2xx status the spec declares
 * @param successMediaType the media type of that answer, or null when it has no body
 * @param responseSchema the JSON pointer of that answer's schema, or null
 * @param security alternatives; each a list of schemes that must all be present (empty = public)
 * @param permission the permission a credential needs ({@code x-counterfeit-permission}), or null
 * @param set fields the server sets whatever the body says ({@code x-counterfeit-set})
 * @param parent the parent reference of a sub-collection route, or null
 * @param rateLimit the documented limit on this operation, or null
 * @param responses every declared answer: status ({@code 200}, {@code 4XX}, {@code default}) → its compiled body
 *     schema, or null when it declares no body
 * @param handlerSettings the numbers a custom handler works with ({@code x-counterfeit-handler-settings}), an
 *     empty object when the spec gives none
 */
public record Operation(
    String vendor,
    String operationId,
    String method,
    String template,
    Pattern pattern,
    List<String> pathParamNames,
    List<Parameter> parameters,
    boolean bodyRequired,
    Map<String, Schema> bodySchemas,
    Map<String, JsonNode> bodyNodes,
    Action action,
    String resource,
    String handler,
    int successStatus,
    String successMediaType,
    String responseSchema,
    List<List<SecurityScheme>> security,
    String permission,
    ObjectNode set,
    ParentRef parent,
    RateLimit rateLimit,
    Map<String, Schema> responses,
    JsonNode handlerSettings) {

  /** A sub-collection's link to its parent: path parameter, parent collection, the child's field pointing at it. */
  public record ParentRef(String param, String resource, String field) {}

  /** The declared answer for a status: exact code first, then {@code 4XX}-style ranges, then {@code default}. */
  public Optional<String> declaredStatus(int status) {
    String code = Integer.toString(status);
    for (String key : new String[] {code, code.charAt(0) + "XX", "default"}) {
      if (responses.containsKey(key)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** Path parameters when the (already decoded) path matches this operation's template. */
  public Optional<Map<String, String>> match(String path) {
    Matcher m = pattern.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pathParamNames.size(); i++) {
      values.put(pathParamNames.get(i), m.group(i + 1));
    }
    return Optional.of(values);
  }

  /** The parameter naming the addressed item: the last path parameter. */
  public String idParam() {
    return pathParamNames.isEmpty() ? null : pathParamNames.get(pathParamNames.size() - 1);
  }

  /** Whether the method changes state (writes need write permission). */
  public boolean isWrite() {
    return !(method.equals("GET") || method.equals("HEAD"));
  }

  /** How many literal characters the template has; a more literal template wins over a templated one. */
  public int literalWeight() {
    return template.replaceAll("\\{[^}]*}", "").length();
  }

  @Override
  public String toString() {
    return method + " " + template + " (" + operationId + ")";
  }
}

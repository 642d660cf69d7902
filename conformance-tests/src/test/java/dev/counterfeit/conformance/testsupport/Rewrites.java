package dev.counterfeit.conformance.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Small request and response rewrites the mutants are made of: each breaks the fake in one place. */
public final class Rewrites {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Rewrites() {}

  /** Rewrites matching requests before the fake sees them. */
  public static UnaryOperator<HttpHandler> requests(Predicate<HttpRequest> when, UnaryOperator<HttpRequest> change) {
    return inner -> request -> inner.handle(when.test(request) ? change.apply(request) : request);
  }

  /** Rewrites the fake's answer to matching requests. */
  public static UnaryOperator<HttpHandler> responses(Predicate<HttpRequest> when,
      Function<HttpResponse, HttpResponse> change) {
    return inner -> request -> {
      HttpResponse response = inner.handle(request);
      return when.test(request) ? change.apply(response) : response;
    };
  }

  /** A request matcher on method and a path pattern (the path as the fake receives it, base path included). */
  public static Predicate<HttpRequest> on(String method, String pathRegex) {
    return r -> r.method().equals(method) && r.path().matches(pathRegex);
  }

  public static HttpRequest withHeader(HttpRequest r, String name, String value) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(r.headers());
    if (value == null) {
      headers.remove(name);
    } else {
      headers.put(name, List.of(value));
    }
    return new HttpRequest(r.method(), r.path(), r.query(), headers, r.body());
  }

  public static HttpRequest withJson(HttpRequest r, UnaryOperator<ObjectNode> change) {
    try {
      JsonNode body = JSON.readTree(r.body());
      if (!(body instanceof ObjectNode object)) {
        return r;
      }
      return new HttpRequest(r.method(), r.path(), r.query(), r.headers(),
          JSON.writeValueAsBytes(change.apply(object)));
    } catch (Exception e) {
      return r;
    }
  }

  /** The answer with its JSON body changed; answers that are not JSON objects pass unchanged. */
  public static HttpResponse withJson(HttpResponse r, UnaryOperator<ObjectNode> change) {
    try {
      JsonNode body = JSON.readTree(r.body());
      if (!(body instanceof ObjectNode object)) {
        return r;
      }
      return new HttpResponse(r.status(), r.headers(), JSON.writeValueAsBytes(change.apply(object)));
    } catch (Exception e) {
      return r;
    }
  }

  public static HttpResponse withStatus(HttpResponse r, int status) {
    return new HttpResponse(status, r.headers(), r.body());
  }

  public static ObjectNode parse(byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      return node instanceof ObjectNode o ? o : JSON.createObjectNode();
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  public static ObjectNode object(String json) {
    return parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}

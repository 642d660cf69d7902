package dev.counterfeit.stubs.http;

import java.util.List;
import java.util.Set;

/**
 * CORS for browser clients: answers preflights itself and adds the allow headers to every answer for an
 * allowed origin. Origins not allowed get no CORS headers, so the browser blocks them as a real server would.
 */
public final class Cors implements HttpHandler {
  private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";

  private final Set<String> origins;
  private final HttpHandler next;

  /** @param origins allowed origins; {@code *} allows any */
  public Cors(List<String> origins, HttpHandler next) {
    this.origins = Set.copyOf(origins);
    this.next = next;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    String origin = request.header("Origin");
    boolean allowed = origin != null && (origins.contains("*") || origins.contains(origin));
    if (request.method().equals("OPTIONS") && origin != null && request.header("Access-Control-Request-Method") != null) {
      if (!allowed) {
        return HttpResponse.empty(403);
      }
      String headers = request.header("Access-Control-Request-Headers");
      return allow(HttpResponse.empty(204), origin)
          .withHeader("Access-Control-Allow-Methods", METHODS)
          .withHeader("Access-Control-Allow-Headers", headers == null ? "*" : headers)
          .withHeader("Access-Control-Max-Age", "600");
    }
    HttpResponse response = next.handle(request);
    if (!allowed) {
      return response;
    }
    String exposed = String.join(", ", response.headers().keySet().stream()
        .filter(h -> !h.equalsIgnoreCase("Content-Type")).toList());
    response = allow(response, origin);
    return exposed.isEmpty() ? response : response.withHeader("Access-Control-Expose-Headers", exposed);
  }

  private static HttpResponse allow(HttpResponse response, String origin) {
    return response.withHeader("Access-Control-Allow-Origin", origin)
        .withHeader("Access-Control-Allow-Credentials", "true")
        .withHeader("Vary", "Origin");
  }
}

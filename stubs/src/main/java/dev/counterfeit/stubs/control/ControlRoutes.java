package dev.counterfeit.stubs.control;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.engine.Fake;
import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;

/**
 * The fake's own endpoints under {@code /__counterfeit/}: {@code POST reset} (back to the seed; {@code ?api=}
 * for one vendor only),
 * {@code GET state} (everything stored, per vendor and tenant), {@code GET health}. Anything else goes on to
 * the vendors' APIs.
 */
public final class ControlRoutes implements HttpHandler {
  /** The prefix no vendor API uses. */
  public static final String PREFIX = "/__counterfeit/";

  private final Fake fake;
  private final HttpHandler next;

  public ControlRoutes(Fake fake, HttpHandler next) {
    this.fake = fake;
    this.next = next;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    if (!request.path().startsWith(PREFIX)) {
      return next.handle(request);
    }
    String task = request.path().substring(PREFIX.length());
    String method = request.method();
    if (task.equals("reset") && method.equals("POST")) {
      String api = request.queryParam("api");
      if (api == null) {
        fake.reset();
        return json(200, JsonNodeFactory.instance.objectNode().put("status", "reset"));
      }
      if (!fake.reset(api)) {
        return json(404, JsonNodeFactory.instance.objectNode()
            .put("error", "No API '" + api + "' is served; served: " + String.join(", ", fake.basePaths().keySet()) + "."));
      }
      return json(200, JsonNodeFactory.instance.objectNode().put("status", "reset").put("api", api));
    }
    if (task.equals("state") && method.equals("GET")) {
      return json(200, fake.state());
    }
    if (task.equals("health") && method.equals("GET")) {
      ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", "up");
      fake.basePaths().forEach(body.putObject("apis")::put);
      return json(200, body);
    }
    return json(404, JsonNodeFactory.instance.objectNode()
        .put("error", "Unknown control endpoint " + method + " " + request.path()
            + "; try POST " + PREFIX + "reset, GET " + PREFIX + "state or GET " + PREFIX + "health."));
  }

  private static HttpResponse json(int status, ObjectNode body) {
    return HttpResponse.json(status, "application/json", body);
  }
}

package dev.counterfeit.stubs.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.engine.Fake;
import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.journal.LoggedRequest;
import dev.counterfeit.stubs.journal.RequestLog;
import dev.counterfeit.stubs.ui.Pages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fake's own endpoints under {@code /__counterfeit/}: {@code POST reset} (back to the seed; {@code ?api=}
 * for one vendor only), {@code GET state} (everything stored, per vendor and tenant), {@code GET health},
 * {@code GET apis} (what is served, with the demo credentials), {@code GET requests} (the last requests),
 * {@code faults} (forced failures, see {@link FaultsEndpoint}), {@code GET specs/<vendor>.yaml} (the specs,
 * aimed at the fake), and the pages people open: the dashboard at {@code /__counterfeit/} and the API docs at
 * {@code /__counterfeit/docs}. A browser opening {@code /} lands on the dashboard unless a served API answers
 * {@code GET /} itself. Anything else goes on to the vendors' APIs.
 *
 * <p>The pages use only these endpoints, so they show whatever store the fake runs on.
 */
public final class ControlRoutes implements HttpHandler {
  /** The prefix no vendor API uses. */
  public static final String PREFIX = "/__counterfeit/";
  private static final int DEFAULT_REQUESTS = 50;

  private final Fake fake;
  private final ServedSpecs specs;
  private final RequestLog log;
  private final Pages pages;
  private final FaultsEndpoint faults;
  private final Supplier<String> origin;
  private final HttpHandler next;

  /**
   * @param log the request log, or null when it is off
   * @param origin the fake's own {@code http://host:port}, for callers that send no {@code Host}
   */
  public ControlRoutes(Fake fake, ServedSpecs specs, RequestLog log, Pages pages, Supplier<String> origin,
      HttpHandler next) {
    this.fake = fake;
    this.specs = specs;
    this.log = log;
    this.pages = pages;
    this.faults = new FaultsEndpoint(fake.faults(), specs);
    this.origin = origin;
    this.next = next;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    String path = request.path();
    if (!path.startsWith(PREFIX)) {
      if (path.equals("/__counterfeit")) {
        return redirect(PREFIX);
      }
      return path.equals("/") ? root(request) : next.handle(request);
    }
    String task = path.substring(PREFIX.length());
    String method = request.method();
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (task.equals("reset") && method.equals("POST")) {
      return reset(request.queryParam("api"));
    }
    if (task.equals("faults") || task.startsWith("faults/")) {
      return faults.handle(request, task.substring("faults".length()));
    }
    if (task.equals("requests") && method.equals("DELETE")) {
      if (log != null) {
        log.clear();
      }
      return json(200, JsonNodeFactory.instance.objectNode().put("status", "cleared"));
    }
    if (read) {
      Optional<HttpResponse> answer = read(task, request);
      if (answer.isPresent()) {
        return answer.get();
      }
    }
    return error(404, "Unknown control endpoint " + method + " " + path + "; try GET " + PREFIX + " (the dashboard), GET "
        + PREFIX + "docs, POST " + PREFIX + "reset, GET " + PREFIX + "state, GET " + PREFIX + "requests, GET " + PREFIX
        + "faults, GET " + PREFIX + "apis or GET " + PREFIX + "health.");
  }

  private Optional<HttpResponse> read(String task, HttpRequest request) {
    switch (task) {
      case "" -> {
        return pages.dashboard();
      }
      case "docs", "docs/" -> {
        return pages.docs();
      }
      case "state" -> {
        return Optional.of(json(200, fake.state()));
      }
      case "health" -> {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", "up");
        fake.basePaths().forEach(body.putObject("apis")::put);
        return Optional.of(json(200, body));
      }
      case "apis" -> {
        return Optional.of(json(200, apis(originOf(request))));
      }
      case "requests" -> {
        return Optional.of(requests(request));
      }
      default -> {
        if (task.startsWith("docs/assets/")) {
          return pages.swaggerUi(task.substring("docs/assets/".length()));
        }
        if (task.startsWith("ui/")) {
          return pages.asset(task.substring("ui/".length()));
        }
        if (task.startsWith("specs/")) {
          return Optional.of(spec(task.substring("specs/".length()), originOf(request)));
        }
        return Optional.empty();
      }
    }
  }

  private HttpResponse reset(String api) {
    if (api == null) {
      fake.reset();
      fake.faults().clear();
      return json(200, JsonNodeFactory.instance.objectNode().put("status", "reset"));
    }
    if (!fake.reset(api)) {
      return error(404, "No API '" + api + "' is served; served: " + String.join(", ", fake.basePaths().keySet()) + ".");
    }
    fake.faults().clear(api);
    return json(200, JsonNodeFactory.instance.objectNode().put("status", "reset").put("api", api));
  }

  /** A browser opening the root gets the dashboard, unless a served API answers {@code GET /} itself. */
  private HttpResponse root(HttpRequest request) {
    HttpResponse answer = next.handle(request);
    String accept = request.header("Accept");
    boolean browser = accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    return browser && answer.status() == 404 && request.method().equals("GET") ? redirect(PREFIX) : answer;
  }

  private ObjectNode apis(String origin) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode list = body.putArray("apis");
    Map<String, JsonNode> credentials = fake.demoCredentials();
    for (String vendor : specs.vendors()) {
      ObjectNode api = list.addObject().put("vendor", vendor).put("title", specs.title(vendor))
          .put("basePath", specs.basePath(vendor).isEmpty() ? "/" : specs.basePath(vendor))
          .put("baseUrl", origin + specs.basePath(vendor))
          .put("spec", PREFIX + "specs/" + vendor + ".yaml")
          .put("docs", PREFIX + "docs?api=" + vendor);
      ArrayNode creds = api.putArray("credentials");
      for (JsonNode c : credentials.getOrDefault(vendor, JsonNodeFactory.instance.arrayNode())) {
        String scheme = c.path("scheme").asText();
        ObjectNode out = creds.addObject().put("scheme", scheme).put("token", c.path("value").asText())
            .put("tenant", c.path("tenant").asText());
        specs.header(vendor, scheme).ifPresent(h -> out.put("header", h.name())
            .put("value", h.prefix() + c.path("value").asText()));
        if (c.has("grants")) {
          out.set("grants", c.get("grants"));
        }
      }
      ArrayNode users = api.putArray("users");
      fake.seedSection(vendor, "users").forEach(u -> users.add(u.deepCopy()));
    }
    return body;
  }

  private HttpResponse requests(HttpRequest request) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode list = body.putArray("requests");
    if (log == null) {
      body.put("enabled", false);
      return json(200, body);
    }
    int limit = DEFAULT_REQUESTS;
    String asked = request.queryParam("limit");
    if (asked != null) {
      try {
        limit = Integer.parseInt(asked.trim());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1) {
        return error(400, "limit must be a whole number of 1 or more (the log keeps " + log.capacity() + ").");
      }
    }
    String api = request.queryParam("api");
    List<LoggedRequest> entries = log.latest(limit, e -> api == null || api.equals(e.vendor()));
    for (LoggedRequest e : entries) {
      ObjectNode entry = list.addObject().put("time", e.time().toString()).put("method", e.method()).put("path", e.path())
          .put("status", e.status()).put("durationMs", e.durationMs());
      if (e.vendor() == null) {
        entry.putNull("vendor");
      } else {
        entry.put("vendor", e.vendor());
      }
    }
    body.put("enabled", true).put("capacity", log.capacity()).put("recorded", log.recorded());
    return json(200, body);
  }

  private HttpResponse spec(String file, String origin) {
    int dot = file.lastIndexOf('.');
    String vendor = dot < 0 ? file : file.substring(0, dot);
    String extension = dot < 0 ? "" : file.substring(dot + 1);
    if (!specs.serves(vendor) || !(extension.equals("yaml") || extension.equals("json"))) {
      return error(404, "No spec '" + file + "'; served: " + String.join(", ",
          specs.vendors().stream().map(v -> PREFIX + "specs/" + v + ".yaml").toList()) + " (or .json).");
    }
    ObjectNode document = specs.aimedAt(vendor, origin);
    if (extension.equals("json")) {
      return json(200, document);
    }
    return new HttpResponse(200, Map.of("Content-Type", "application/yaml; charset=utf-8"),
        ServedSpecs.yaml(document).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code http://<Host>} as the caller reached the fake, so links work through port forwards too. */
  private String originOf(HttpRequest request) {
    String host = request.header("Host");
    return host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+") ? origin.get() : "http://" + host;
  }

  private static HttpResponse redirect(String location) {
    return HttpResponse.empty(302).withHeader("Location", location);
  }

  static HttpResponse json(int status, ObjectNode body) {
    return HttpResponse.json(status, "application/json", body);
  }

  static HttpResponse error(int status, String message) {
    return json(status, JsonNodeFactory.instance.objectNode().put("error", message));
  }
}

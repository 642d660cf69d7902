package dev.counterfeit.stubs.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.counterfeit.stubs.control.ControlRoutes;
import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.routing.Route;
import dev.counterfeit.stubs.routing.Router;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.SecurityScheme;
import dev.counterfeit.openapi.model.SpecException;
import dev.counterfeit.stubs.validation.RequestCheck;
import dev.counterfeit.stubs.validation.RequestValidator;
import dev.counterfeit.stubs.validation.ResponseValidator;
import dev.counterfeit.stubs.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Sends the proxied vendors' requests to a real implementation and checks each request and answer with the
 * validators the fake itself uses; what breaks the spec is logged, counted at {@code GET /__counterfeit/drift}
 * and written to the drift report when the server stops. The answer reaches the client unchanged either way.
 * Requests for the other APIs go on to {@code next} (the fake).
 */
public final class ValidatingProxy implements HttpHandler, AutoCloseable {
  /** Where the drift counts are served ({@code GET}) and forgotten ({@code DELETE}). */
  public static final String DRIFT_PATH = ControlRoutes.PREFIX + "drift";
  private static final Logger LOG = Logger.getLogger(ValidatingProxy.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProxySettings settings;
  private final Router router;
  private final Map<String, String> basePaths;
  private final Forwarder forwarder;
  private final DriftLog drift;
  private final HttpHandler next;
  private final RequestValidator requests = new RequestValidator();
  private final ResponseValidator responses = new ResponseValidator();
  private boolean closed;

  /**
   * @param served every API the server serves, so a request is routed exactly as the fake routes it
   * @throws SpecException when a proxied vendor is not served or its upstream is not an http(s) URL
   */
  public ValidatingProxy(ProxySettings settings, List<ApiModel> served, HttpHandler next, Clock clock) {
    this.settings = settings;
    for (Map.Entry<String, URI> upstream : settings.upstreams().entrySet()) {
      String vendor = upstream.getKey();
      URI uri = upstream.getValue();
      if (served.stream().noneMatch(api -> api.vendor().equals(vendor))) {
        throw new SpecException("--proxy " + vendor + ": no API '" + vendor + "' is served; served: "
            + String.join(", ", served.stream().map(ApiModel::vendor).toList()));
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw new SpecException("--proxy " + vendor + "=" + uri + ": the upstream must be an http:// or https:// URL "
            + "without query, e.g. https://sandbox.example");
      }
    }
    this.router = new Router(served);
    this.basePaths = served.stream().collect(Collectors.toMap(ApiModel::vendor, api -> api.spec().basePath()));
    this.forwarder = new Forwarder(settings.timeout());
    this.drift = new DriftLog(settings.upstreams(),
        served.stream().filter(api -> settings.upstreams().containsKey(api.vendor())).toList(), clock);
    this.next = next;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    if (request.path().equals(DRIFT_PATH)) {
      return driftEndpoint(request);
    }
    if (request.path().startsWith(ControlRoutes.PREFIX)) {
      return next.handle(request);
    }
    Route route = router.route(request.method(), request.path());
    URI upstream = route.vendor() == null ? null : settings.upstreams().get(route.vendor());
    if (upstream == null || route instanceof Route.NotFound && !underBasePath(route.vendor(), request.path())) {
      return next.handle(request);
    }
    Operation op = route instanceof Route.Matched m ? m.operation() : null;
    List<Finding> findings = new ArrayList<>(checkRequest(route, request));
    HttpResponse response;
    try {
      response = forwarder.forward(upstream, request);
      if (op != null) {
        findings.addAll(checkResponse(op, response));
      }
    } catch (HttpTimeoutException e) {
      String timeout = settings.timeout().toMillis() % 1000 == 0 ? settings.timeout().toSeconds() + " s"
          : settings.timeout().toMillis() + " ms";
      response = unreachable(504, upstream, "did not answer within " + timeout);
      findings.add(new Finding("upstream.timeout", upstream + " did not answer within " + timeout));
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      response = unreachable(502, upstream, "cannot be reached: " + why);
      findings.add(new Finding("upstream.unreachable", upstream + " cannot be reached: " + why));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response = unreachable(502, upstream, "was not asked: the proxy is stopping");
    } catch (RuntimeException e) {
      // A request Jetty took but java.net.http refuses to send (a header value it rejects): the client's fault,
      // answered as a gateway would, never as a stack trace.
      LOG.log(Level.WARNING, "Cannot forward " + request.method() + " " + request.path(), e);
      response = unreachable(502, upstream, "was not asked: the request cannot be forwarded (" + e.getMessage() + ")");
      findings.add(new Finding("proxy.forward", "the request cannot be forwarded: " + e.getMessage()));
    }
    drift.record(route.vendor(), op, request.method(), request.path(), response.status(), findings);
    if (!findings.isEmpty()) {
      LOG.warning("drift " + route.vendor() + " " + request.method() + " " + request.path() + " -> "
          + response.status() + ": " + findings.stream().map(Finding::toString).collect(Collectors.joining("; ")));
    }
    return response;
  }

  /**
   * Whether a path no operation matches still belongs to the vendor: only below a base path of its own. A
   * vendor mounted at the root (a server URL without a path) cannot claim unknown paths, which stay with the fake.
   */
  private boolean underBasePath(String vendor, String path) {
    String base = basePaths.getOrDefault(vendor, "");
    return !base.isEmpty() && (path.equals(base) || path.startsWith(base + "/"));
  }

  private List<Finding> checkRequest(Route route, HttpRequest request) {
    List<Finding> findings = new ArrayList<>();
    if (route instanceof Route.MethodNotAllowed m) {
      findings.add(new Finding("request.method", "The spec has no " + request.method() + " " + request.path()
          + "; the path takes " + String.join(", ", m.allowed())));
      return findings;
    }
    if (!(route instanceof Route.Matched m)) {
      findings.add(new Finding("request.route", "No operation of the " + route.vendor() + " spec matches "
          + request.method() + " " + request.path()));
      return findings;
    }
    Operation op = m.operation();
    if (!op.security().isEmpty() && op.security().stream().noneMatch(all -> all.stream().allMatch(s -> sent(s, request)))) {
      String needed = op.security().stream()
          .map(all -> all.stream().map(SecurityScheme::header).collect(Collectors.joining(" + ")))
          .collect(Collectors.joining(" or "));
      findings.add(new Finding("request.security", op + " needs the header " + needed + "; it was not sent"));
    }
    RequestCheck check = requests.check(op, request, m.pathParams());
    if (check instanceof RequestCheck.Invalid invalid) {
      for (Violation v : invalid.report().violations()) {
        findings.add(new Finding("request." + v.location().name().toLowerCase(Locale.ROOT) + "." + v.key(),
            describe(v)));
      }
    } else if (check instanceof RequestCheck.UnsupportedMediaType u) {
      findings.add(new Finding("request.content-type", op + " takes " + String.join(", ", u.accepted())
          + ", not " + (u.sent() == null ? "a body without Content-Type" : u.sent())));
    } else if (check instanceof RequestCheck.Malformed malformed) {
      findings.add(new Finding("request.body.json", op + " was sent a body that is not JSON: " + malformed.detail()));
    }
    return findings;
  }

  private static boolean sent(SecurityScheme scheme, HttpRequest request) {
    String value = request.header(scheme.header());
    if (value == null || value.isBlank()) {
      return false;
    }
    return !scheme.bearer() || value.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  private static String describe(Violation v) {
    String where = v.location().name().toLowerCase(Locale.ROOT) + (v.field().isEmpty() ? "" : " '" + v.field() + "'");
    StringBuilder text = new StringBuilder(where).append(" breaks '").append(v.key()).append('\'');
    v.args().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(a -> text.append(", ").append(a.getKey()).append(' ').append(a.getValue()));
    return text.toString();
  }

  /** The response validator's verdict, each line filed under the part of the answer that broke. */
  private List<Finding> checkResponse(Operation op, HttpResponse response) {
    List<String> problems = responses.check(op, response.status(), response.body());
    if (problems.isEmpty()) {
      return List.of();
    }
    String rule;
    var declared = op.declaredStatus(response.status());
    if (declared.isEmpty()) {
      rule = "response.status";
    } else if (op.responses().get(declared.get()).schema() == null) {
      rule = "response.body.undeclared";
    } else if (!isJson(response.body())) {
      rule = "response.body.json";
    } else {
      rule = "response.body.schema";
    }
    return problems.stream().map(p -> new Finding(rule, p)).toList();
  }

  private static boolean isJson(byte[] body) {
    try {
      JSON.readTree(body);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private HttpResponse driftEndpoint(HttpRequest request) {
    return switch (request.method()) {
      case "GET" -> HttpResponse.json(200, "application/json", drift.toJson());
      case "DELETE" -> {
        drift.clear();
        yield HttpResponse.json(200, "application/json", JsonNodeFactory.instance.objectNode().put("status", "cleared"));
      }
      default -> HttpResponse.json(405, "application/json", JsonNodeFactory.instance.objectNode()
          .put("error", request.method() + " " + DRIFT_PATH + " is not supported; GET reads the drift, DELETE forgets it."))
          .withHeader("Allow", "GET, DELETE");
    };
  }

  private static HttpResponse unreachable(int status, URI upstream, String why) {
    return HttpResponse.json(status, "application/json", JsonNodeFactory.instance.objectNode()
        .put("error", "counterfeit proxy: the upstream " + upstream + " " + why + "."));
  }

  /** Writes the drift report, once; a failure to write is logged, never thrown at a stopping server. */
  @Override
  public synchronized void close() {
    if (closed || settings.report() == null) {
      return;
    }
    closed = true;
    Path report = settings.report().toAbsolutePath();
    String text = report.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md") ? drift.toMarkdown()
        : drift.toJson().toPrettyString() + "\n";
    try {
      Files.createDirectories(report.getParent());
      Path temp = Files.createTempFile(report.getParent(), ".counterfeit-drift", ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      LOG.info(() -> "drift report written to " + report);
    } catch (IOException | UncheckedIOException e) {
      LOG.warning(() -> "drift report could not be written to " + report + ": " + e.getMessage());
    }
  }
}

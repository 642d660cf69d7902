package dev.counterfeit.stubs.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.fault.Faults;
import dev.counterfeit.stubs.fault.Forced;
import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.profile.AnswerContext;
import dev.counterfeit.stubs.profile.Exchange;
import dev.counterfeit.stubs.profile.Principal;
import dev.counterfeit.stubs.profile.Problem;
import dev.counterfeit.stubs.profile.ProblemException;
import dev.counterfeit.stubs.profile.ProblemKind;
import dev.counterfeit.stubs.routing.Route;
import dev.counterfeit.stubs.routing.Router;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.RateLimit;
import dev.counterfeit.openapi.model.SecurityScheme;
import dev.counterfeit.stubs.store.RateWindows;
import dev.counterfeit.stubs.store.StoreUnavailableException;
import dev.counterfeit.stubs.store.Stores;
import dev.counterfeit.stubs.store.TenantKey;
import dev.counterfeit.stubs.store.TenantStore;
import dev.counterfeit.stubs.validation.RequestCheck;
import dev.counterfeit.stubs.validation.RequestValidator;
import dev.counterfeit.stubs.validation.ResponseValidator;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request pipeline, the same for every vendor: route → authenticate → rate limits → authorise → validate →
 * act on the store → answer. Each step returns a problem instead of throwing past this class, and every
 * problem is answered in the vendor's envelope; an unexpected failure is a 500 in that envelope, never a
 * stack trace.
 */
public final class Engine implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(Engine.class.getName());
  private static final int MAX_VIOLATIONS = 1000;

  private final Map<String, VendorApi> apis;
  private final Router router;
  private final TenantStore store;
  private final Credentials credentials;
  private final Clock clock;
  private final boolean rateLimits;
  private final RequestValidator validator = new RequestValidator();
  private final Actions actions;
  /** Null unless answers are audited against the spec. */
  private final ResponseValidator auditor;
  private final Deque<String> violations = new ConcurrentLinkedDeque<>();
  private final RateWindows limiter;
  private final Faults faults = new Faults();

  Engine(List<VendorApi> apis, Stores stores, Credentials credentials, Clock clock, boolean rateLimits,
      boolean checkResponses) {
    Map<String, VendorApi> byVendor = new LinkedHashMap<>();
    apis.forEach(api -> byVendor.put(api.vendor(), api));
    this.apis = Map.copyOf(byVendor);
    this.router = new Router(apis.stream().map(VendorApi::model).toList());
    this.store = stores.records();
    this.limiter = stores.rateWindows();
    this.credentials = credentials;
    this.clock = clock;
    this.rateLimits = rateLimits;
    this.actions = new Actions(store, credentials, clock, rateLimits);
    this.auditor = checkResponses ? new ResponseValidator() : null;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    Route route = router.route(request.method(), request.path());
    VendorApi api = route.vendor() == null ? null : apis.get(route.vendor());
    try {
      if (route instanceof Route.Matched m) {
        return serve(apis.get(m.vendor()), m.operation(), m.pathParams(), request);
      }
      Problem problem = route instanceof Route.MethodNotAllowed m
          ? Problem.of(ProblemKind.METHOD_NOT_ALLOWED, "The " + request.method() + " method is not supported for this route. "
              + "Supported methods: " + String.join(", ", m.allowed()) + ".").withHeader("Allow", String.join(", ", m.allowed()))
          : Problem.of(ProblemKind.NO_ROUTE, "No route found for \"" + request.method() + " " + request.path() + "\".");
      HttpResponse response = render(api, request, problem);
      return api == null ? response : decorate(api, response, null, null, request, null);
    } catch (StoreUnavailableException e) {
      LOG.warning("Store unavailable answering " + request.method() + " " + request.path() + ": " + e.getMessage());
      return render(api, request, Problem.of(ProblemKind.UNAVAILABLE, "The service is temporarily unavailable.")
          .withHeader("Retry-After", "1"));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Unexpected failure answering " + request.method() + " " + request.path(), e);
      return render(api, request, Problem.of(ProblemKind.INTERNAL, "Internal server error."));
    }
  }

  private HttpResponse serve(VendorApi api, Operation op, Map<String, String> pathParams, HttpRequest request) {
    Principal principal = null;
    if (!op.security().isEmpty()) {
      Authentication auth = authenticate(api, op, request);
      if (auth.problem() != null) {
        return decorate(api, render(api, request, auth.problem()), op, null, request, null);
      }
      principal = auth.principal();
    }
    // Limits count authenticated callers before their permissions are checked, as API gateways and Laravel's
    // throttle middleware do: a 403 still uses up a request and shows the counters.
    RateWindows.Decision rate = count(api, op, principal, request);
    if (rateLimits && rate != null && !rate.allowed()) {
      return decorate(api, render(api, request, Problem.of(ProblemKind.RATE_LIMITED, "Exceeded " + rate.limit()
              + " requests per " + op.rateLimit().window().toSeconds() + " s.")
          .withHeader("Retry-After", Long.toString(rate.retryAfterSeconds(clock.instant())))), op, principal, request, rate);
    }
    // A failure or delay a tester asked for (X-Counterfeit-Fault, /__counterfeit/faults), in the vendor's envelope.
    Optional<Forced> forced = faults.force(api.vendor(), op, request, rate, clock.instant());
    if (forced.isPresent()) {
      return forced.get().dropsConnection() ? HttpResponse.connectionReset()
          : decorate(api, render(api, request, forced.get().problem()), op, principal, request, forced.get().rate());
    }
    if (principal != null) {
      String permission = op.permission() != null ? op.permission() : op.isWrite() ? "write" : "read";
      if (!principal.may(permission)) {
        return decorate(api, render(api, request, Problem.of(ProblemKind.FORBIDDEN,
            "This action is unauthorized: it needs the " + permission + " permission.")), op, principal, request, rate);
      }
    }
    RequestCheck check = validator.check(op, request, pathParams);
    if ((check instanceof RequestCheck.Malformed || check instanceof RequestCheck.UnsupportedMediaType)
        && api.profile().readsBadBodyAsEmpty()) {
      check = validator.check(op, asEmptyBody(op, request), pathParams);
    }
    HttpResponse response;
    if (check instanceof RequestCheck.UnsupportedMediaType u) {
      response = render(api, request, Problem.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
          "The content-type \"" + (u.sent() == null ? "" : u.sent()) + "\" is not supported. Supported MIME types are \""
              + String.join("\", \"", u.accepted()) + "\"."));
    } else if (check instanceof RequestCheck.Malformed) {
      response = render(api, request, Problem.of(ProblemKind.MALFORMED_BODY, "Syntax error: the request body is not valid JSON."));
    } else if (check instanceof RequestCheck.Invalid i) {
      response = render(api, request, Problem.invalid(i.report()));
    } else {
      response = act(api, op, principal, request, (RequestCheck.Valid) check);
    }
    return decorate(api, response, op, principal, request, rate);
  }

  /**
   * Counts the request against the operation's documented limit when rate limits are on, or reads the counter
   * otherwise (answers still show it); null when no limit applies to this caller.
   */
  private RateWindows.Decision count(VendorApi api, Operation op, Principal principal, HttpRequest request) {
    RateLimit limit = op.rateLimit();
    if (limit == null) {
      return null;
    }
    String key = switch (limit.per()) {
      case TENANT -> principal == null ? null : principal.tenant();
      case OPERATION -> principal == null ? null : principal.tenant() + "\n" + op.operationId();
      case ACCOUNT -> api.profile().accountOf(op, request);
    };
    if (key == null) {
      return null;
    }
    key = api.vendor() + "\n" + limit.per() + "\n" + key;
    return rateLimits ? limiter.hit(key, limit.requests(), limit.window(), clock.instant())
        : limiter.peek(key, limit.requests(), limit.window(), clock.instant());
  }

  /** The failures and delays testers force. */
  Faults faults() {
    return faults;
  }

  /** Starts one vendor's rate-limit windows again; every vendor's when null. */
  void resetRateLimits(String vendor) {
    limiter.clear(vendor == null ? "" : vendor + "\n");
  }

  private HttpResponse act(VendorApi api, Operation op, Principal principal, HttpRequest request, RequestCheck.Valid v) {
    TenantKey tenant = principal == null ? null : new TenantKey(api.vendor(), principal.tenant());
    return api.profile().intercept(new Exchange() {
      public Operation operation() {
        return op;
      }

      public Principal principal() {
        return principal;
      }

      public HttpRequest request() {
        return request;
      }

      public HttpResponse proceed() {
        try {
          return actions.perform(api, op, tenant, principal, request, v);
        } catch (ProblemException e) {
          return render(api, request, e.problem());
        }
      }

      public <T> T write(java.util.function.Function<dev.counterfeit.stubs.store.TenantData, T> work) {
        return store.write(tenant, work);
      }
    });
  }

  private HttpResponse decorate(VendorApi api, HttpResponse response, Operation op, Principal principal,
      HttpRequest request, RateWindows.Decision rate) {
    HttpResponse decorated = api.profile().decorate(response,
        new AnswerContext(op, principal, request, clock.instant(), rate));
    if (auditor == null || op == null) {
      return decorated;
    }
    List<String> problems = auditor.check(op, decorated.status(), decorated.body());
    if (problems.isEmpty()) {
      return decorated;
    }
    problems.forEach(p -> {
      LOG.warning(p);
      violations.add(p);
      while (violations.size() > MAX_VIOLATIONS) {
        violations.poll();
      }
    });
    String header = problems.get(0).replaceAll("[\\r\\n]", " ");
    return decorated.withHeader("X-Counterfeit-Violations", header.length() > 500 ? header.substring(0, 500) : header);
  }

  /** Answers that broke the spec since start (the latest {@value #MAX_VIOLATIONS}), when auditing is on. */
  List<String> responseViolations() {
    return List.copyOf(violations);
  }

  private static HttpRequest asEmptyBody(Operation op, HttpRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    headers.put("Content-Type", List.of(op.bodySchemas().keySet().iterator().next()));
    return new HttpRequest(request.method(), request.path(), request.query(), headers,
        "{}".getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse render(VendorApi api, HttpRequest request, Problem problem) {
    if (api == null) {
      ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
          .put("error", problem.detail()).put("status", problem.kind().defaultStatus());
      HttpResponse response = HttpResponse.json(problem.kind().defaultStatus(), "application/json", body);
      for (Map.Entry<String, String> h : problem.headers().entrySet()) {
        response = response.withHeader(h.getKey(), h.getValue());
      }
      return response;
    }
    HttpResponse response = api.profile().render(problem, request);
    for (Map.Entry<String, String> h : problem.headers().entrySet()) {
      response = response.withHeader(h.getKey(), h.getValue());
    }
    return response;
  }

  private record Authentication(Principal principal, Problem problem) {}

  /**
   * The caller from the credentials the operation's security requirements name. All schemes of one
   * requirement must be present and belong to the same tenant; grants are what every credential allows.
   */
  private Authentication authenticate(VendorApi api, Operation op, HttpRequest request) {
    List<String> missing = new ArrayList<>();
    boolean presentButWrong = false;
    for (List<SecurityScheme> requirement : op.security()) {
      List<String> missingHere = new ArrayList<>();
      List<Principal> found = new ArrayList<>();
      boolean wrong = false;
      for (SecurityScheme scheme : requirement) {
        String raw = request.header(scheme.header());
        if (raw == null || raw.isBlank()) {
          missingHere.add(scheme.header());
          continue;
        }
        String value = raw.trim();
        if (scheme.bearer()) {
          if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            wrong = true;
            continue;
          }
          value = value.substring(7).trim();
        }
        Optional<Principal> principal = credentials.find(api.vendor(), scheme.name(), value);
        if (principal.isEmpty()) {
          wrong = true;
        } else {
          found.add(principal.get());
        }
      }
      if (!missingHere.isEmpty()) {
        missing.addAll(missingHere);
        continue;
      }
      if (wrong || found.stream().map(Principal::tenant).distinct().count() != 1) {
        presentButWrong = true;
        continue;
      }
      return new Authentication(new Principal(found.get(0).tenant(), commonGrants(found)), null);
    }
    if (presentButWrong && missing.isEmpty()) {
      return new Authentication(null, Problem.of(ProblemKind.INVALID_CREDENTIALS, "Invalid or expired credentials."));
    }
    return new Authentication(null, Problem.of(ProblemKind.MISSING_CREDENTIALS,
        "Missing required headers: " + String.join(", ", missing.stream().distinct().toList()) + "."));
  }

  private static Set<String> commonGrants(List<Principal> principals) {
    Set<String> grants = null;
    for (Principal p : principals) {
      if (p.grants().contains("*")) {
        continue;
      }
      if (grants == null) {
        grants = new HashSet<>(p.grants());
      } else {
        grants.retainAll(p.grants());
      }
    }
    return grants == null ? Set.of("*") : grants;
  }
}

package dev.counterfeit.stubs.engine;

import dev.counterfeit.stubs.action.Actions;
import dev.counterfeit.stubs.action.VendorApi;
import dev.counterfeit.stubs.fault.Faults;
import dev.counterfeit.stubs.fault.Forced;
import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.problem.Outcome;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemAnswers;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.stubs.profile.VendorProfile;
import dev.counterfeit.stubs.ratelimit.RateLimiter;
import dev.counterfeit.stubs.response.Responder;
import dev.counterfeit.stubs.routing.Route;
import dev.counterfeit.stubs.routing.Router;
import dev.counterfeit.stubs.security.Authenticator;
import dev.counterfeit.stubs.security.Authoriser;
import dev.counterfeit.stubs.security.Credentials;
import dev.counterfeit.stubs.security.Principal;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.stubs.store.RateWindows;
import dev.counterfeit.stubs.store.StoreUnavailableException;
import dev.counterfeit.stubs.store.Stores;
import dev.counterfeit.stubs.validation.RequestCheck;
import dev.counterfeit.stubs.validation.Validation;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request pipeline, the same for every vendor, and nothing but its order: route → authenticate
 * ({@code security}) → count the rate limit ({@code ratelimit}) → forced faults ({@code fault}) → authorise
 * ({@code security}) → validate ({@code validation}) → act ({@code action}) → respond ({@code response}). Each
 * step goes on with what it found or stops with a problem, which the respond step answers in the vendor's
 * envelope; an unexpected failure is a 500 in that envelope, never a stack trace.
 */
public final class Engine implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(Engine.class.getName());

  private final Map<String, VendorApi> apis;
  private final Router router;
  private final Clock clock;
  private final Authenticator authenticator;
  private final RateLimiter rateLimiter;
  private final Faults faults = new Faults();
  private final Authoriser authoriser = new Authoriser();
  private final Validation validation;
  private final Actions actions;
  private final Responder responder;

  Engine(List<VendorApi> apis, Stores stores, Credentials credentials, Clock clock, boolean rateLimits,
      boolean checkResponses) {
    Map<String, VendorApi> byVendor = new LinkedHashMap<>();
    Set<String> readUnreadableAsEmpty = new HashSet<>();
    for (VendorApi api : apis) {
      byVendor.put(api.vendor(), api);
      if (api.spec().requestReading().unreadableBodyAsEmpty()) {
        readUnreadableAsEmpty.add(api.vendor());
      }
    }
    this.apis = Map.copyOf(byVendor);
    this.router = new Router(apis.stream().map(VendorApi::model).toList());
    this.clock = clock;
    this.authenticator = new Authenticator(credentials);
    this.rateLimiter = new RateLimiter(stores.rateWindows(), clock, rateLimits);
    this.validation = new Validation(readUnreadableAsEmpty);
    this.actions = new Actions(stores.records(), credentials, clock, rateLimits);
    this.responder = new Responder(clock, checkResponses);
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    Route route = router.route(request.method(), request.path());
    VendorApi api = route.vendor() == null ? null : apis.get(route.vendor());
    VendorProfile profile = api == null ? null : api.profile();
    ProblemAnswers answers = api == null ? ProblemAnswers.DEFAULTS : api.problems();
    try {
      if (route instanceof Route.Matched m) {
        return serve(api, m.operation(), m.pathParams(), request);
      }
      return responder.refuse(profile, answers, null, null, request, null, unrouted(route, request));
    } catch (StoreUnavailableException e) {
      LOG.warning("Store unavailable answering " + request.method() + " " + request.path() + ": " + e.getMessage());
      return Responder.render(profile, answers, request,
          Problem.of(ProblemKind.UNAVAILABLE, "The service is temporarily unavailable.").withHeader("Retry-After", "1"));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Unexpected failure answering " + request.method() + " " + request.path(), e);
      return Responder.render(profile, answers, request, Problem.of(ProblemKind.INTERNAL, "Internal server error."));
    }
  }

  private HttpResponse serve(VendorApi api, Operation op, Map<String, String> pathParams, HttpRequest request) {
    VendorProfile profile = api.profile();
    ProblemAnswers answers = api.problems();
    Outcome<Principal> caller = authenticator.authenticate(api.vendor(), op, request);
    if (caller.stopped()) {
      return responder.refuse(profile, answers, op, null, request, null, caller.problem());
    }
    Principal principal = caller.found();
    Outcome<RateWindows.Decision> counted = rateLimiter.count(api.vendor(), op, principal, request);
    RateWindows.Decision rate = counted.found();
    if (counted.stopped()) {
      return responder.refuse(profile, answers, op, principal, request, rate, counted.problem());
    }
    // A failure or delay a tester asked for (X-Counterfeit-Fault, /__counterfeit/faults), in the vendor's envelope.
    Optional<Forced> forced = faults.force(api.vendor(), op, request, rate, clock.instant());
    if (forced.isPresent()) {
      return forced.get().dropsConnection() ? HttpResponse.connectionReset()
          : responder.refuse(profile, answers, op, principal, request, forced.get().rate(), forced.get().problem());
    }
    Outcome<Void> allowed = authoriser.authorise(op, principal);
    if (allowed.stopped()) {
      return responder.refuse(profile, answers, op, principal, request, rate, allowed.problem());
    }
    Outcome<RequestCheck.Valid> valid = validation.validate(op, request, pathParams);
    if (valid.stopped()) {
      return responder.refuse(profile, answers, op, principal, request, rate, valid.problem());
    }
    Outcome<HttpResponse> acted = actions.act(api, op, principal, request, valid.found());
    return acted.stopped()
        ? responder.refuse(profile, answers, op, principal, request, rate, acted.problem())
        : responder.answer(profile, op, principal, request, rate, acted.found());
  }

  private static Problem unrouted(Route route, HttpRequest request) {
    if (route instanceof Route.MethodNotAllowed m) {
      String allowed = String.join(", ", m.allowed());
      return Problem.of(ProblemKind.METHOD_NOT_ALLOWED, "The " + request.method() + " method is not supported for this "
          + "route. Supported methods: " + allowed + ".").withHeader("Allow", allowed);
    }
    return Problem.of(ProblemKind.NO_ROUTE, "No route found for \"" + request.method() + " " + request.path() + "\".");
  }

  /** The failures and delays testers force. */
  Faults faults() {
    return faults;
  }

  /** Starts one vendor's rate-limit windows again; every vendor's when null. */
  void resetRateLimits(String vendor) {
    rateLimiter.reset(vendor);
  }

  /** Answers that broke the spec since start, when auditing is on. */
  List<String> responseViolations() {
    return responder.violations();
  }
}

package dev.counterfeit.stubs.response;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemAnswers;
import dev.counterfeit.stubs.profile.VendorProfile;
import dev.counterfeit.stubs.security.Principal;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.stubs.store.RateWindows;
import dev.counterfeit.stubs.validation.ResponseValidator;
import java.time.Clock;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Logger;

/**
 * The last step: puts a problem into the vendor's envelope, adds the headers every answer of the vendor carries,
 * and, when auditing is on, checks the answer against the spec and says in a header when it breaks it.
 */
public final class Responder {
  private static final Logger LOG = Logger.getLogger(Responder.class.getName());
  private static final int MAX_VIOLATIONS = 1000;
  private static final int MAX_HEADER = 500;

  private final Clock clock;
  /** Null unless answers are audited against the spec. */
  private final ResponseValidator auditor;
  private final Deque<String> violations = new ConcurrentLinkedDeque<>();

  /** @param audit whether every answer is checked against its operation's declared responses */
  public Responder(Clock clock, boolean audit) {
    this.clock = clock;
    this.auditor = audit ? new ResponseValidator() : null;
  }

  /**
   * A refused request's answer: the problem in the vendor's envelope, decorated and audited.
   *
   * @param profile the vendor, or null when the request names none (a neutral JSON error then)
   * @param answers what the vendor's spec answers each kind of problem
   * @param op the operation, or null when the request matched none (not audited then)
   * @param rate the caller's counter for the vendor's headers, or null
   */
  public HttpResponse refuse(VendorProfile profile, ProblemAnswers answers, Operation op, Principal principal,
      HttpRequest request, RateWindows.Decision rate, Problem problem) {
    HttpResponse rendered = render(profile, answers, request, problem);
    return profile == null ? rendered : finish(profile, rendered, op, principal, request, rate);
  }

  /** An operation's answer, decorated and audited. */
  public HttpResponse answer(VendorProfile profile, Operation op, Principal principal, HttpRequest request,
      RateWindows.Decision rate, HttpResponse answer) {
    return finish(profile, answer, op, principal, request, rate);
  }

  /**
   * The problem in the vendor's envelope with the headers it must carry ({@code Allow}, {@code Retry-After}),
   * without the vendor's usual headers: for failures of the fake itself, where nothing more should run.
   */
  public static HttpResponse render(VendorProfile profile, ProblemAnswers answers, HttpRequest request,
      Problem problem) {
    HttpResponse response;
    if (profile == null) {
      int status = problem.kind().defaultStatus();
      response = HttpResponse.json(status, "application/json",
          JsonNodeFactory.instance.objectNode().put("error", problem.detail()).put("status", status));
    } else {
      response = profile.render(problem, answers, request);
    }
    for (Map.Entry<String, String> h : problem.headers().entrySet()) {
      response = response.withHeader(h.getKey(), h.getValue());
    }
    return response;
  }

  private HttpResponse finish(VendorProfile profile, HttpResponse response, Operation op, Principal principal,
      HttpRequest request, RateWindows.Decision rate) {
    HttpResponse decorated = profile.decorate(response, new AnswerContext(op, principal, request, clock.instant(), rate));
    if (auditor == null || op == null) {
      return decorated;
    }
    List<String> problems = auditor.check(op, decorated.status(), decorated.body());
    if (problems.isEmpty()) {
      return decorated;
    }
    for (String p : problems) {
      LOG.warning(p);
      violations.add(p);
      while (violations.size() > MAX_VIOLATIONS) {
        violations.poll();
      }
    }
    String header = problems.get(0).replaceAll("[\\r\\n]", " ");
    return decorated.withHeader("X-Counterfeit-Violations",
        header.length() > MAX_HEADER ? header.substring(0, MAX_HEADER) : header);
  }

  /** Answers that broke the spec since start (the latest {@value #MAX_VIOLATIONS}), when auditing is on. */
  public List<String> violations() {
    return List.copyOf(violations);
  }
}

package dev.counterfeit.stubs;

import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemAnswers;
import dev.counterfeit.stubs.profile.VendorProfile;
import dev.counterfeit.stubs.response.AnswerContext;
import dev.counterfeit.stubs.response.Responder;
import dev.counterfeit.stubs.routing.VendorOfPath;
import dev.counterfeit.stubs.wiremock.Refusals;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.logging.Logger;

/**
 * Answers requests refused before the engine runs in the envelope of the vendor their path names, as the
 * engine would have: the vendor's profile renders the problem and adds its usual headers.
 */
final class EnvelopeRefusals implements Refusals {
  private static final Logger LOG = Logger.getLogger(EnvelopeRefusals.class.getName());

  private final Map<String, VendorProfile> profiles;
  private final VendorOfPath paths;
  private final Clock clock;
  /** What each vendor's spec answers each kind of problem, by vendor id. */
  private final Map<String, ProblemAnswers> answers;

  /**
   * @param profiles the served vendors' profiles, by vendor id
   * @param models the specs the fake compiled for them (read here for their path templates, not parsed again)
   */
  EnvelopeRefusals(Map<String, VendorProfile> profiles, List<ApiModel> models, Clock clock) {
    this.profiles = Map.copyOf(profiles);
    this.paths = VendorOfPath.of(models.stream().map(ApiModel::spec).toList());
    this.answers = models.stream().map(ApiModel::spec)
        .collect(Collectors.toUnmodifiableMap(ApiSpec::vendor, spec -> ProblemAnswers.from(spec.vendor(), spec.problems())));
    this.clock = clock;
  }

  @Override
  public HttpResponse refuse(HttpRequest request, Problem problem) {
    try {
      // The fake's own endpoints (/__counterfeit/, WireMock's /__admin/) belong to no vendor.
      boolean own = request.path() != null && request.path().startsWith("/__");
      Optional<VendorProfile> profile = own ? Optional.empty() : paths.vendor(request.path()).map(profiles::get);
      if (profile.isPresent()) {
        ProblemAnswers answers = this.answers.get(profile.get().id());
        return profile.get().decorate(Responder.render(profile.get(), answers, request, problem),
            new AnswerContext(null, null, request, clock.instant(), null));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not answer a refused request in its vendor's envelope", e);
    }
    return Responder.render(null, ProblemAnswers.DEFAULTS, request, problem);
  }
}

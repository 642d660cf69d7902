package dev.counterfeit.stubs;

import dev.counterfeit.openapi.ApiSpec;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers requests refused before the engine runs in the envelope of the vendor their path names, as the
 * engine would have: the vendor's profile renders the problem and adds its usual headers.
 */
final class EnvelopeRefusals implements Refusals {
  private static final Logger LOG = Logger.getLogger(EnvelopeRefusals.class.getName());

  private final Map<String, VendorProfile> profiles = new TreeMap<>();
  private final Map<String, String> specOverrides;
  private final Clock clock;
  /** Read on the first refusal: refusals are rare, and start-up should not pay for them. */
  private volatile Known known;

  /** Which vendor a path belongs to, and what each vendor's spec answers each kind of problem. */
  private record Known(VendorOfPath paths, Map<String, ProblemAnswers> answers) {}

  EnvelopeRefusals(Set<String> vendors, Map<String, String> specOverrides, Clock clock) {
    ServiceLoader.load(VendorProfile.class).forEach(p -> {
      if (vendors.contains(p.id())) {
        profiles.put(p.id(), p);
      }
    });
    this.specOverrides = Map.copyOf(specOverrides);
    this.clock = clock;
  }

  @Override
  public HttpResponse refuse(HttpRequest request, Problem problem) {
    try {
      // The fake's own endpoints (/__counterfeit/, WireMock's /__admin/) belong to no vendor.
      boolean own = request.path() != null && request.path().startsWith("/__");
      Optional<VendorProfile> profile = own ? Optional.empty() : known().paths().vendor(request.path()).map(profiles::get);
      if (profile.isPresent()) {
        ProblemAnswers answers = known().answers().get(profile.get().id());
        return profile.get().decorate(Responder.render(profile.get(), answers, request, problem),
            new AnswerContext(null, null, request, clock.instant(), null));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not answer a refused request in its vendor's envelope", e);
    }
    return Responder.render(null, ProblemAnswers.DEFAULTS, request, problem);
  }

  private Known known() {
    Known read = known;
    if (read == null) {
      List<ApiSpec> specs = new ArrayList<>();
      Map<String, ProblemAnswers> answers = new TreeMap<>();
      for (String vendor : profiles.keySet()) {
        String override = specOverrides.get(vendor);
        ApiSpec spec = override == null ? ApiSpec.load(vendor) : ApiSpec.fromText(vendor, override);
        specs.add(spec);
        answers.put(vendor, ProblemAnswers.from(vendor, spec.problems()));
      }
      read = new Known(VendorOfPath.of(specs), answers);
      known = read;
    }
    return read;
  }
}

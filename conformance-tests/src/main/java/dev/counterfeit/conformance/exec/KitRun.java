package dev.counterfeit.conformance.exec;

import dev.counterfeit.conformance.cases.CaseGenerator;
import dev.counterfeit.conformance.cases.ConformanceCase;
import dev.counterfeit.conformance.cases.Rule;
import dev.counterfeit.conformance.cases.Values;
import dev.counterfeit.conformance.config.EmbeddedTarget;
import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.conformance.config.KnownGaps;
import dev.counterfeit.conformance.report.CaseResult;
import dev.counterfeit.conformance.report.Summary;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.ApiModel;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * One run of the kit: the configuration, the implementation it talks to (started in-process when no base URL
 * is given), the cases of each selected vendor, a {@link Session} per vendor opened on first use, and the
 * summary. Closing it cleans up what the run created, stops an embedded implementation and writes the summary.
 */
public final class KitRun implements AutoCloseable {
  private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

  private final KitConfig config;
  private final VendorRegistry profiles;
  private final EmbeddedTarget embedded;
  private final String startProblem;
  private final Values values = new Values(CaseGenerator.nonce());
  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final Map<String, CaseExecutor> executors = new LinkedHashMap<>();
  private final Map<String, ApiModel> models = new LinkedHashMap<>();
  private final Summary summary = new Summary();
  private final PrintStream out;
  private final KnownGaps gaps;

  private KitRun(KitConfig config, VendorRegistry profiles, EmbeddedTarget embedded,
      String startProblem, PrintStream out) {
    this.config = config;
    this.profiles = profiles;
    this.embedded = embedded;
    this.startProblem = startProblem;
    this.out = out;
    this.gaps = KnownGaps.of(config);
  }

  /**
   * Starts a run. Without a base URL the first {@link EmbeddedTarget.Factory} on the classpath starts the
   * implementation, and its demo credentials become defaults.
   *
   * @param profiles the vendors the run can check
   */
  public static KitRun start(KitConfig config, VendorRegistry profiles, PrintStream out) {
    if (config.hasBaseUrl()) {
      return new KitRun(config, profiles, null, null, out);
    }
    for (EmbeddedTarget.Factory factory : ServiceLoader.load(EmbeddedTarget.Factory.class)) {
      try {
        EmbeddedTarget target = factory.start(config);
        Map<String, String> defaults = new LinkedHashMap<>(target.defaults());
        defaults.put("counterfeit.baseUrl", target.baseUrl());
        return new KitRun(config.withDefaults(defaults), profiles, target, null, out);
      } catch (RuntimeException e) {
        return new KitRun(config, profiles, null, "starting the embedded implementation failed: " + e, out);
      }
    }
    return new KitRun(config, profiles, null,
        "no base URL given (--base-url or -Dcounterfeit.baseUrl) and no embedded implementation on the classpath",
        out);
  }

  public KitConfig config() {
    return config;
  }

  public Summary summary() {
    return summary;
  }

  /** A vendor's cases, or why there are none. */
  public record VendorPlan(String vendor, URI source, List<ConformanceCase> cases, String problem) {}

  /** The cases of every selected vendor; a vendor whose spec does not load carries the problem instead. */
  public List<VendorPlan> plans() {
    List<VendorPlan> plans = new ArrayList<>();
    for (String vendor : config.apis().stream().sorted().toList()) {
      URI source = URI.create("classpath:/openapi/" + vendor + ".yaml");
      try {
        // An unknown id fails here, naming the known ones, before its spec is looked for.
        VendorProfile.Factory factory = profiles.factory(vendor);
        ApiModel model = model(vendor);
        VendorProfile profile = factory.create(config, model.spec());
        List<ConformanceCase> cases = new CaseGenerator(model, profile, values).generate();
        List<String> operations = config.operations();
        if (!operations.isEmpty()) {
          cases = cases.stream().filter(c -> operations.contains(c.operationId())).toList();
        }
        List<String> rules = config.rules();
        if (!rules.isEmpty()) {
          cases = cases.stream().filter(c -> rules.contains(c.rule().name())).toList();
        }
        if (config.readOnly()) {
          List<ConformanceCase> safe = cases.stream().filter(c -> SAFE_METHODS.contains(c.method())).toList();
          summary.note(vendor, "read-only run: " + (cases.size() - safe.size())
              + " cases of writing operations left out");
          cases = safe;
        }
        plans.add(new VendorPlan(vendor, source, cases, null));
      } catch (RuntimeException e) {
        plans.add(new VendorPlan(vendor, source, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    }
    return plans;
  }

  /** Each spec is parsed once per run: swagger-parser is the slow part of starting. */
  private ApiModel model(String vendor) {
    return models.computeIfAbsent(vendor, v -> ApiModel.compile(config.specFile(v).map(file -> {
      try {
        return ApiSpec.fromText(v, java.nio.file.Files.readString(file));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("reading counterfeit." + v + ".spec " + file, e);
      }
    }).orElseGet(() -> ApiSpec.load(v))));
  }

  /** Why the run cannot reach any implementation, or null. */
  public String startProblem() {
    return startProblem;
  }

  /** Runs one case of a vendor and records its result. */
  public Outcome execute(String vendor, ConformanceCase c) {
    Outcome outcome;
    if (startProblem != null) {
      outcome = Outcome.aborted(CaseExecutor.expected(c), startProblem);
    } else if (config.baseUrl(vendor).isEmpty()) {
      outcome = Outcome.aborted(CaseExecutor.expected(c), "no base URL for " + vendor);
    } else {
      try {
        outcome = gapped(vendor, c, executor(vendor).execute(c));
      } catch (RuntimeException e) {
        // Recorded before JUnit sees it, so the summary counts exactly what the test report counts.
        outcome = Outcome.fail(CaseExecutor.expected(c), "error", e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    record(vendor, c.operationId(), c.displayName(), c.rule(), outcome);
    return outcome;
  }

  /** A listed gap turns its failure into an abort with the reason, and its pass into a failure. */
  private Outcome gapped(String vendor, ConformanceCase c, Outcome outcome) {
    return gaps.find(vendor, c.displayName()).map(gap -> switch (outcome.verdict()) {
      case FAIL -> new Outcome(Outcome.Verdict.ABORTED, outcome.expected(), outcome.actual(),
          "known gap: " + gap.reason() + "\n" + outcome.detail());
      case PASS -> Outcome.fail(outcome.expected(), outcome.actual(),
          "listed as a known gap (" + gap.reason() + ") but passes now: remove it from counterfeit.knownGaps");
      case ABORTED -> outcome;
    }).orElse(outcome);
  }

  /** Records a result that is not a case's (a spec that does not load, an empty selection). */
  public void record(String vendor, String operation, String test, Rule rule, Outcome outcome) {
    summary.add(new CaseResult(vendor, operation, test, rule.summary(), outcome.expected(), outcome.actual(),
        outcome.verdict().name(), outcome.detail()));
  }

  private CaseExecutor executor(String vendor) {
    return executors.computeIfAbsent(vendor, v -> {
      ApiModel model = model(v);
      VendorProfile profile = profiles.profile(v, config, model.spec());
      Session session = new Session(model, profile, new Http(config.baseUrl(v).orElseThrow(), config.timeoutSeconds()),
          values, config.readOnly());
      sessions.put(v, session);
      summary.note(v, "base URL " + session.baseUrl());
      CaseExecutor rateLimits = config.rateLimitBaseUrl(v).map(url -> {
        Session limited = new Session(model, profile, new Http(url, config.timeoutSeconds()), values,
            config.readOnly());
        sessions.put(v + " (rate limits)", limited);
        return new CaseExecutor(limited, null, config.rateLimitSpacingMillis().orElse(null));
      }).orElse(null);
      return new CaseExecutor(session, rateLimits, config.rateLimitSpacingMillis().orElse(null));
    });
  }

  /** Cleans up, stops the embedded implementation, writes (and prints) the summary. */
  @Override
  public void close() {
    sessions.forEach((vendor, session) -> {
      try {
        session.close();
      } catch (RuntimeException e) {
        summary.note(vendor, "cleanup failed: " + e.getMessage());
      }
      summary.note(vendor, "items created by the run: " + session.cleanupSummary());
    });
    if (embedded != null) {
      embedded.close();
    }
    Path file = summary.write(config.reportDir());
    if (out != null) {
      if (config.printSummary()) {
        out.println(summary.markdown());
      }
      out.println("Conformance summary: " + file.toAbsolutePath() + " (" + summary.results().size() + " cases: "
          + summary.count("PASS") + " passed, " + summary.count("FAIL") + " failed, " + summary.count("ABORTED")
          + " aborted)");
    }
  }
}

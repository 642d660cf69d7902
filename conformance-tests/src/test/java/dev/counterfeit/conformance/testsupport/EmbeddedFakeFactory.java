package dev.counterfeit.conformance.testsupport;

import dev.counterfeit.conformance.config.EmbeddedTarget;
import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.stubs.CounterfeitServer;
import dev.counterfeit.stubs.StubServerConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the counterfeit fake in-process on a free port for a kit run with no base URL; registered in
 * {@code META-INF/services}. The fake starts with its demo records, as a vendor's sandbox would: FinSync accounts
 * exist only where the vendor made them (no documented route creates one), and the kit finds one through
 * {@code GET /api/clients}; every item a case changes the kit still creates itself. Rate limits are off; when the
 * rate-limit cases are asked for, a second instance with limits on serves them.
 */
public final class EmbeddedFakeFactory implements EmbeddedTarget.Factory {
  /** Where the fake differs from the specs, each with its reason; see the file. */
  public static final String KNOWN_GAPS = "classpath:known-gaps-fake.txt";

  @Override
  public EmbeddedTarget start(KitConfig config) {
    EmbeddedTarget main = start(StubServerConfig.builder().port(0).seed(true).rateLimits(false).build());
    Map<String, String> defaults = new LinkedHashMap<>(DemoCredentials.SETTINGS);
    defaults.put("counterfeit.knownGaps", KNOWN_GAPS);
    // The rate-limit cases get their own instance with limits on; throttling the whole run would take an hour.
    EmbeddedTarget limited = config.rateLimit()
        ? start(StubServerConfig.builder().port(0).seed(true).rateLimits(true).build()) : null;
    if (limited != null) {
      defaults.put("counterfeit.rateLimitBaseUrl", limited.baseUrl());
    }
    return new EmbeddedTarget() {
      @Override
      public String baseUrl() {
        return main.baseUrl();
      }

      @Override
      public Map<String, String> defaults() {
        return defaults;
      }

      @Override
      public void close() {
        if (limited != null) {
          limited.close();
        }
        main.close();
      }
    };
  }

  /** Starts a fake with any configuration (the mutants use decorators and spec overrides). */
  public static EmbeddedTarget start(StubServerConfig config) {
    CounterfeitServer server = CounterfeitServer.start(config);
    return new EmbeddedTarget() {
      @Override
      public String baseUrl() {
        return server.baseUrl();
      }

      @Override
      public Map<String, String> defaults() {
        return DemoCredentials.SETTINGS;
      }

      @Override
      public void close() {
        server.stop();
      }
    };
  }
}

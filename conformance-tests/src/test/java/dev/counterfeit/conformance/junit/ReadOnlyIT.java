package dev.counterfeit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.conformance.cli.KitLauncher;
import dev.counterfeit.conformance.config.EmbeddedTarget;
import dev.counterfeit.conformance.testsupport.DemoCredentials;
import dev.counterfeit.conformance.testsupport.EmbeddedFakeFactory;
import dev.counterfeit.stubs.StubServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** {@code --read-only} against a seeded fake that records every request: nothing but safe methods reaches it. */
@DisabledIfSystemProperty(named = "counterfeit.baseUrl", matches = ".+")
class ReadOnlyIT {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Test
  void aReadOnlyRunSendsOnlySafeMethodsAndStillPassesOnExistingItems() throws Exception {
    List<String> writes = new CopyOnWriteArrayList<>();
    StubServerConfig config = StubServerConfig.builder().port(0).seed(true).rateLimits(false)
        .decorator(inner -> request -> {
          if (!SAFE.contains(request.method())) {
            writes.add(request.method() + " " + request.path());
          }
          return inner.handle(request);
        }).build();
    Path reports = Path.of("target", "read-only");
    KitLauncher.Result result;
    try (EmbeddedTarget fake = EmbeddedFakeFactory.start(config)) {
      Map<String, String> parameters = new LinkedHashMap<>(DemoCredentials.SETTINGS);
      parameters.put("counterfeit.baseUrl", fake.baseUrl());
      parameters.put("counterfeit.readOnly", "true");
      parameters.put("counterfeit.reportDir", reports.toString());
      parameters.put("counterfeit.printSummary", "false");
      parameters.put("counterfeit.operations", "");
      parameters.put("counterfeit.rules", "");
      parameters.put("counterfeit.knownGaps", "");
      result = KitLauncher.launch(parameters, null);
    }
    // Logging in to apidev is how its credentials are obtained; it changes nothing.
    assertThat(writes).allMatch(w -> w.equals("POST /apidev/v1/login"));
    assertThat(result.failures()).isEmpty();
    assertThat(result.succeeded()).isGreaterThan(100);
    assertThat(Files.readString(reports.resolve("conformance-summary.md")))
        .contains("read-only run:", "cases of writing operations left out")
        .doesNotContain("| POST ", "| PATCH ", "| PUT ", "| DELETE ");
  }
}

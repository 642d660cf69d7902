package dev.counterfeit.conformance.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.counterfeit.conformance.junit.ConformanceSuite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs {@link ConformanceSuite} through the JUnit Platform Launcher with the given {@code counterfeit.*}
 * parameters, writing JUnit XML when asked. The CLI uses it, and so do tests that run the kit against a
 * deliberately broken fake.
 */
public final class KitLauncher {
  private KitLauncher() {}

  /** A failed test: its name and the failure message. */
  public record Failure(String test, String message) {}

  /** What a launch found. */
  public record Result(long found, long succeeded, long failed, long aborted, List<Failure> failures) {}

  /**
   * Launches the suite.
   *
   * @param parameters JUnit configuration parameters ({@code counterfeit.api}, {@code counterfeit.baseUrl}, …)
   * @param xmlDir where JUnit XML goes, or null for none
   */
  public static Result launch(Map<String, String> parameters, Path xmlDir) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(ConformanceSuite.class))
        .configurationParameters(parameters)
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    TestExecutionListener collector = new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
          failures.add(new Failure(id.getDisplayName(),
              result.getThrowable().map(Throwable::getMessage).orElse("")));
        }
      }
    };
    List<TestExecutionListener> listeners = new ArrayList<>(List.of(summary, collector));
    if (xmlDir != null) {
      listeners.add(new LegacyXmlReportGeneratingListener(xmlDir, new PrintWriter(System.err, true)));
    }
    launcher.execute(request, listeners.toArray(TestExecutionListener[]::new));
    TestExecutionSummary s = summary.getSummary();
    return new Result(s.getTestsFoundCount(), s.getTestsSucceededCount(), s.getTestsFailedCount(),
        s.getTestsAbortedCount(), List.copyOf(failures));
  }
}

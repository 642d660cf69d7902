package dev.counterfeit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.conformance.config.EmbeddedTarget;
import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.conformance.exec.VendorRegistry;
import dev.counterfeit.conformance.testsupport.EmbeddedFakeFactory;
import dev.counterfeit.stubs.StubServerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The shaded jar, run as a user would: {@code java -jar target/counterfeit-conformance.jar …}. */
// These prove the kit itself against in-process fakes; a run pointed at another implementation skips them.
@DisabledIfSystemProperty(named = "counterfeit.baseUrl", matches = ".+")
class CliIT {
  private static final Path JAR = Path.of("target", "counterfeit-conformance.jar");

  private record Run(int exit, String output) {}

  private static Run java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  @Test
  void checksAVendorAgainstABaseUrlAndWritesJunitXmlAndTheSummary() throws Exception {
    Path reports = Path.of("target", "cli-it", "pass");
    try (EmbeddedTarget fake = new EmbeddedFakeFactory().start(KitConfig.fromSystemProperties(VendorRegistry.load().ids()))) {
      Run run = java("--api", "finsync", "--base-url", fake.baseUrl(), "--token", "fs_demo_acme",
          "--other-token", "fs_demo_globex", "--report-dir", reports.toString(), "--quiet");
      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(run.output()).contains("0 failed");
    }
    assertThat(reports.resolve("conformance-summary.md")).content().contains("| finsync |");
    try (var files = Files.list(reports)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("TEST-") && n.endsWith(".xml"));
    }
  }

  @Test
  void casesThatTimeOutAreCountedAsFailedAlikeInTheConsoleTheSummaryTheJunitXmlAndTheExitCode() throws Exception {
    Path reports = Path.of("target", "cli-it", "timeouts");
    AtomicInteger slow = new AtomicInteger(2);
    // The first two list requests answer only after the kit's one-second timeout: two cases time out.
    StubServerConfig config = StubServerConfig.builder().port(0).seed(false).rateLimits(false)
        .decorator(inner -> request -> {
          if (request.method().equals("GET") && request.path().endsWith("/api/clients")
              && slow.getAndDecrement() > 0) {
            sleep(2500);
          }
          return inner.handle(request);
        }).build();
    Run run;
    try (EmbeddedTarget fake = EmbeddedFakeFactory.start(config)) {
      run = java("--api", "finsync", "--base-url", fake.baseUrl(), "--token", "fs_demo_acme",
          "--other-token", "fs_demo_globex", "--report-dir", reports.toString(), "--quiet", "--timeout", "1");
    }
    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    Matcher console = Pattern.compile("(\\d+) cases: (\\d+) passed, (\\d+) failed, (\\d+) aborted\\n")
        .matcher(run.output());
    Matcher line = Pattern.compile("\\((\\d+) cases: (\\d+) passed, (\\d+) failed, (\\d+) aborted\\)")
        .matcher(run.output());
    assertThat(console.find()).as(run.output()).isTrue();
    assertThat(line.find()).as(run.output()).isTrue();
    List<Integer> counts = List.of(1, 2, 3, 4).stream().map(i -> Integer.parseInt(console.group(i))).toList();
    assertThat(counts.get(2)).as("timed-out cases are failures").isGreaterThanOrEqualTo(2);
    assertThat(List.of(1, 2, 3, 4).stream().map(i -> Integer.parseInt(line.group(i))).toList()).isEqualTo(counts);

    String summary = Files.readString(reports.resolve("conformance-summary.md"));
    assertThat(summary).contains("| **all** | " + counts.get(0) + " | " + counts.get(1) + " | " + counts.get(2)
        + " | " + counts.get(3) + " |").contains("gave no answer within 1 s");

    String xml;
    try (var files = Files.list(reports)) {
      Path file = files.filter(p -> p.getFileName().toString().startsWith("TEST-")).findFirst().orElseThrow();
      xml = Files.readString(file);
    }
    Matcher suite = Pattern.compile("<testsuite [^>]*").matcher(xml);
    assertThat(suite.find()).isTrue();
    int tests = attribute(suite.group(), "tests");
    int failed = attribute(suite.group(), "failures") + attribute(suite.group(), "errors");
    int skipped = attribute(suite.group(), "skipped");
    assertThat(List.of(tests, tests - failed - skipped, failed, skipped)).isEqualTo(counts);
  }

  private static int attribute(String element, String name) {
    Matcher m = Pattern.compile(" " + name + "=\"(\\d+)\"").matcher(element);
    assertThat(m.find()).as(name + " in " + element).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aRefusedConnectionFailsTheRunAndAbortsTheRest() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Run run = java("--api", "finsync", "--base-url", "http://127.0.0.1:" + port, "--token", "x",
        "--report-dir", Path.of("target", "cli-it", "refused").toString(), "--quiet");
    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output()).contains("1 failed");
  }

  @Test
  void withoutABaseUrlOrAnEmbeddedFakeNothingRunsAndTheExitCodeSaysSo() throws Exception {
    Run run = java("--api", "finsync", "--report-dir", Path.of("target", "cli-it", "none").toString(), "--quiet");
    assertThat(run.exit()).as(run.output()).isEqualTo(2);
    assertThat(Path.of("target", "cli-it", "none", "conformance-summary.md")).content()
        .contains("no base URL given");
  }
}

package dev.counterfeit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.conformance.config.EmbeddedTarget;
import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.conformance.testsupport.EmbeddedFakeFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    try (EmbeddedTarget fake = new EmbeddedFakeFactory().start(KitConfig.fromSystemProperties())) {
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

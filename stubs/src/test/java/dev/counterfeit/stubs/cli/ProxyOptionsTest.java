package dev.counterfeit.stubs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.stubs.StubServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --proxy} and {@code --drift-report}: what they put into the config, and how bad values are refused. */
class ProxyOptionsTest {
  private static StubServerConfig parse(String... args) {
    CliOptions options = new CliOptions();
    new CommandLine(options).parseArgs(args);
    return options.toConfig();
  }

  @Test
  void withoutProxyNothingIsProxied() {
    StubServerConfig config = parse();
    assertThat(config.proxy().enabled()).isFalse();
    assertThat(config.proxy().report()).isEqualTo(Path.of("counterfeit-drift.json"));
  }

  @Test
  void proxiesAndTheReportFileReachTheConfig() {
    StubServerConfig config = parse("--proxy", "fintoro=https://sandbox.example", "--proxy", "apidev=http://127.0.0.1:9000",
        "--drift-report", "out/drift.md");
    assertThat(config.proxy().upstreams()).containsEntry("fintoro", URI.create("https://sandbox.example"))
        .containsEntry("apidev", URI.create("http://127.0.0.1:9000"));
    assertThat(config.proxy().report()).isEqualTo(Path.of("out/drift.md"));
    assertThat(config.apis()).as("all APIs served").isEmpty();
  }

  @Test
  void aProxiedVendorIsServedEvenWhenApisLeavesItOut() {
    StubServerConfig config = parse("--apis", "finsync", "--proxy", "fintoro=https://sandbox.example");
    assertThat(config.apis()).containsExactlyInAnyOrder("finsync", "fintoro");
  }

  @Test
  void anUpstreamThatIsNotHttpOrAVendorNotKnownIsOneLineAndExitOne() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StubServerRunner runner = new StubServerRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(runner.run("--port", "0", "--apis", "finsync", "--proxy", "finsync=ftp://files.example")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("counterfeit: --proxy finsync=ftp://files.example: "
        + "the upstream must be an http:// or https:// URL without query, e.g. https://sandbox.example" + System.lineSeparator());
    err.reset();
    assertThat(runner.run("--port", "0", "--proxy", "nosuch=https://sandbox.example")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("counterfeit: --proxy nosuch: no API 'nosuch' is served");
    assertThat(runner.run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--proxy=VENDOR=URL", "--drift-report=FILE", "/__counterfeit/drift");
  }
}

package dev.counterfeit.stubs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.stubs.StubServerConfig;
import dev.counterfeit.stubs.http.Limits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliOptionsTest {
  private static StubServerConfig parse(String... args) {
    CliOptions options = new CliOptions();
    new CommandLine(options).parseArgs(args);
    return options.toConfig();
  }

  @Test
  void defaultsServeEverythingOnLoopbackPort8080WithSeedAndRateLimits() {
    StubServerConfig config = parse();
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.bind()).isEqualTo("127.0.0.1");
    assertThat(config.apis()).isEmpty();
    assertThat(config.seed()).isTrue();
    assertThat(config.rateLimits()).isTrue();
    assertThat(config.corsOrigins()).containsExactly("*");
    assertThat(config.journalLimit()).as("WireMock's journal is off: its cap costs time on every request").isZero();
    assertThat(config.requestLog()).isEqualTo(200);
    assertThat(config.limits()).isEqualTo(Limits.defaults());
  }

  @Test
  void limitOptionsReachTheConfig() {
    StubServerConfig config = parse("--max-body-size", "2048", "--max-uri-length", "512", "--max-header-size", "4096",
        "--idle-timeout", "5");
    assertThat(config.limits()).isEqualTo(new Limits(2048, 512, 4096, Duration.ofSeconds(5)));
  }

  @Test
  void aLimitOfZeroIsABadArgument() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StubServerRunner runner = new StubServerRunner(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(runner.run("--max-body-size", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--max-body-size must be positive");
  }

  @Test
  void requestLogAndJournalSizesAreOptions() {
    StubServerConfig config = parse("--request-log", "50", "--journal-limit", "1000");
    assertThat(config.requestLog()).isEqualTo(50);
    assertThat(config.journalLimit()).isEqualTo(1000);
  }

  @Test
  void optionsReachTheConfig(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("fintoro.yaml");
    Files.writeString(spec, "openapi: 3.1.0");
    StubServerConfig config = parse("--port", "0", "--bind", "0.0.0.0", "--apis", "fintoro,apidev", "--no-seed",
        "--no-rate-limits", "--cors-origins", "http://localhost:5173", "--journal-limit", "0", "--check-responses",
        "--spec", "fintoro=" + spec);
    assertThat(config.port()).isZero();
    assertThat(config.bind()).isEqualTo("0.0.0.0");
    assertThat(config.apis()).containsExactlyInAnyOrder("fintoro", "apidev");
    assertThat(config.seed()).isFalse();
    assertThat(config.rateLimits()).isFalse();
    assertThat(config.checkResponses()).isTrue();
    assertThat(config.corsOrigins()).containsExactly("http://localhost:5173");
    assertThat(config.journalLimit()).isZero();
    assertThat(config.specOverrides()).containsEntry("fintoro", "openapi: 3.1.0");
  }

  @Test
  void helpExitsZeroAndBadArgumentsExitTwo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StubServerRunner runner = new StubServerRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(runner.run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--no-seed", "--cors-origins");
    assertThat(runner.run("--port", "not-a-number")).isEqualTo(2);
    assertThat(runner.run("--request-log", "-1")).isEqualTo(2);
    assertThat(runner.run("--apis", "nosuchvendor")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown API 'nosuchvendor'");
  }

  @Test
  void helpListsEveryVendorProfileOnTheClasspathUnderApis() {
    String help = new CommandLine(new CliOptions()).getUsageMessage().replaceAll("\\s+", " ");
    String apis = help.substring(help.indexOf("--apis=VENDOR[,VENDOR...] "));
    assertThat(apis.substring(0, apis.indexOf("(default: all)"))).contains("apidev, finsync, fintoro, flowtly");
  }

  @Test
  void aTakenPortOrAMissingSpecFileIsOneLineAndExitOne() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StubServerRunner runner = new StubServerRunner(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(runner.run("--port", Integer.toString(taken.getLocalPort()), "--apis", "finsync")).isEqualTo(1);
    }
    assertThat(runner.run("--spec", "fintoro=/no/such/file.yaml")).isEqualTo(1);
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("Cannot listen on 127.0.0.1:", "Cannot read spec /no/such/file.yaml").doesNotContain("\tat ");
  }
}

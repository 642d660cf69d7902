package dev.counterfeit.stubs.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's command line in a JVM of its own, as a user runs it, so a test can kill it as a crash would
 * ({@code kill -9}) and start it again.
 */
public final class FakeProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("counterfeit listening on (http://\\S+)");

  private final Process process;
  private final String baseUrl;
  private final List<String> output = new ArrayList<>();

  private FakeProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /** Starts {@code counterfeit --port 0 ARGS} and waits for its banner. */
  public static FakeProcess start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), "dev.counterfeit.stubs.cli.Main", "--port", "0"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null) {
      seen.add(line);
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        FakeProcess fake = new FakeProcess(process, m.group(1));
        fake.output.addAll(seen);
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return fake;
      }
    }
    throw new IllegalStateException("the fake exited before listening: " + String.join("\n", seen));
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** What it printed up to its banner. */
  public List<String> output() {
    return List.copyOf(output);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      kill();
    }
  }
}

package dev.counterfeit.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterfeit.stubs.testsupport.FakeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake on a state file, killed as a crash kills it: every write it acknowledged is there after a restart. */
class DurableStateAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "Bearer ft_demo_acme_write";
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  private HttpResponse<String> send(String base, String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int clientCount(String base) throws Exception {
    return JSON.readTree(send(base, "GET", "/api/public/v1/clients", null).body()).path("data").size();
  }

  @Test
  void everyAcknowledgedWriteSurvivesKillNineAndIdsGoOn() throws Exception {
    Path file = dir.resolve("state.db");
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    int seeded;
    try (FakeProcess fake = FakeProcess.start("--state-file", file.toString(), "--no-rate-limits")) {
      assertThat(fake.output()).anyMatch(line -> line.contains("listening on") && line.contains("state file " + file));
      String base = fake.baseUrl();
      seeded = clientCount(base);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        String name = "Crash test " + i;
        writes.add(pool.submit(() -> {
          HttpResponse<String> created = send(base, "POST", "/api/public/v1/clients", "{\"name\": \"" + name + "\"}");
          if (created.statusCode() == 201) {
            acknowledged.put(JSON.readTree(created.body()).path("id").asText(), name);
          }
          return null;
        }));
      }
      for (Future<?> w : writes) {
        w.get();
      }
      pool.shutdown();
      fake.kill();
    }
    assertThat(acknowledged).hasSize(80);
    try (FakeProcess again = FakeProcess.start("--state-file", file.toString(), "--no-rate-limits")) {
      String base = again.baseUrl();
      for (Map.Entry<String, String> written : acknowledged.entrySet()) {
        HttpResponse<String> read = send(base, "GET", "/api/public/v1/clients/" + written.getKey(), null);
        assertThat(read.statusCode()).as("client %s after the crash", written.getKey()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("name").asText()).isEqualTo(written.getValue());
      }
      assertThat(clientCount(base)).as("the seed is not loaded twice").isEqualTo(seeded + 80);
      JsonNode next = JSON.readTree(send(base, "POST", "/api/public/v1/clients", "{\"name\": \"After\"}").body());
      long highest = acknowledged.keySet().stream().mapToLong(Long::parseLong).max().orElseThrow();
      assertThat(next.path("id").asLong()).isGreaterThan(highest);
    }
  }

  @Test
  void aStateFileThatCannotBeUsedStopsTheFakeWithOneLine() throws Exception {
    Path junk = dir.resolve("junk.db");
    java.nio.file.Files.writeString(junk, "not a database ".repeat(500));
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.counterfeit.stubs.cli.Main", "--port", "0",
        "--state-file", junk.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes()).trim();
    assertThat(process.waitFor()).isEqualTo(1);
    assertThat(output.lines().filter(l -> !l.isBlank()).toList()).hasSize(1);
    assertThat(output).startsWith("counterfeit: Cannot use state file " + junk).contains("not a database")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }
}

package dev.counterfeit.stubs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.stubs.CounterfeitServer;
import dev.counterfeit.stubs.StubServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BannerAcceptanceTest {
  @Test
  void bannerNamesTheDashboardAndDocsUrlsAndBothOpen() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StubServerRunner runner = new StubServerRunner(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    try (CounterfeitServer server = CounterfeitServer.start(StubServerConfig.builder().port(0).build())) {
      runner.printBanner(server);
      String banner = out.toString(StandardCharsets.UTF_8);

      HttpClient http = HttpClient.newHttpClient();
      for (String label : new String[] {"dashboard", "API docs"}) {
        Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(label) + " +(\\S+)$").matcher(banner);
        assertThat(m.find()).as("a '%s' line in:%n%s", label, banner).isTrue();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      }
      assertThat(banner).contains(server.baseUrl() + "/__counterfeit/", server.baseUrl() + "/__counterfeit/docs",
          "/__counterfeit/requests", "/__counterfeit/faults");
    }
  }
}

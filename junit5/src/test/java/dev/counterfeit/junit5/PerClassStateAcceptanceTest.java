package dev.counterfeit.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code resetEach(false)}: tests that build on each other share one state for the whole class. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassStateAcceptanceTest {
  @RegisterExtension
  static CounterfeitExtension fake = CounterfeitExtension.builder().apis("finsync").resetEach(false).build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl("finsync") + path));
    for (Map.Entry<String, String> header : fake.authHeaders("finsync", "acme").entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    return request;
  }

  @Test
  @Order(1)
  void firstTestCreatesAClient() throws Exception {
    int status = HTTP.send(request("/api/clients").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString("{\"name\": \"Kept between tests\"}")).build(), BodyHandlers.ofString()).statusCode();

    assertThat(status).isEqualTo(201);
  }

  @Test
  @Order(2)
  void secondTestStillSeesIt() throws Exception {
    String clients = HTTP.send(request("/api/clients").GET().build(), BodyHandlers.ofString()).body();

    assertThat(clients).contains("Kept between tests");
  }
}

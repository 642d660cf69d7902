package dev.counterfeit.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server listens while the specs compile; what start returns is ready, and a failed start leaves nothing bound. */
class StartUpTest {

  @Test
  void aSpecThatFailsToCompileLeavesThePortFree() throws Exception {
    int port = freePort();
    StubServerConfig config = StubServerConfig.builder().port(port).apis(List.of("fintoro"))
        .specOverride("fintoro", "openapi: 3.1.0\ninfo: [not, a, map\n").build();

    assertThatThrownBy(() -> CounterfeitServer.start(config)).hasMessageContaining("is not valid YAML");

    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void theFirstRequestAfterStartIsAnsweredByTheEngine() throws Exception {
    try (CounterfeitServer server = CounterfeitServer.start(StubServerConfig.builder().port(0)
        .apis(List.of("fintoro")).build())) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(server.baseUrl() + "/api/public/v1/clients/101"))
          .header("Authorization", "Bearer ft_demo_acme_write").build(), HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("\"id\":101");
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}

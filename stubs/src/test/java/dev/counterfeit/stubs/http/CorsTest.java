package dev.counterfeit.stubs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsTest {
  private final HttpHandler backend = request -> HttpResponse.empty(200).withHeader("X-Request-Id", "abc");

  private static HttpRequest request(String method, Map<String, List<String>> headers) {
    return new HttpRequest(method, "/clients", Map.of(), headers, null);
  }

  @Test
  void preflightFromAnAllowedOriginIsAnsweredWithoutTheBackend() {
    Cors cors = new Cors(List.of("http://localhost:5173"), request -> { throw new AssertionError("backend called"); });
    HttpResponse answer = cors.handle(request("OPTIONS", Map.of("Origin", List.of("http://localhost:5173"),
        "Access-Control-Request-Method", List.of("PATCH"), "Access-Control-Request-Headers", List.of("content-type,authorization"))));
    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.headers()).containsEntry("Access-Control-Allow-Origin", "http://localhost:5173")
        .containsEntry("Access-Control-Allow-Headers", "content-type,authorization");
    assertThat(answer.headers().get("Access-Control-Allow-Methods")).contains("PATCH");
  }

  @Test
  void answersToAnAllowedOriginExposeTheirHeaders() {
    HttpResponse answer = new Cors(List.of("*"), backend).handle(request("GET", Map.of("Origin", List.of("http://app.test"))));
    assertThat(answer.headers()).containsEntry("Access-Control-Allow-Origin", "http://app.test")
        .containsEntry("Access-Control-Expose-Headers", "X-Request-Id");
  }

  @Test
  void otherOriginsGetNoCorsHeaders() {
    Cors cors = new Cors(List.of("http://localhost:5173"), backend);
    assertThat(cors.handle(request("GET", Map.of("Origin", List.of("http://evil.test")))).headers())
        .doesNotContainKey("Access-Control-Allow-Origin");
    assertThat(cors.handle(request("OPTIONS", Map.of("Origin", List.of("http://evil.test"),
        "Access-Control-Request-Method", List.of("GET")))).status()).isEqualTo(403);
  }
}

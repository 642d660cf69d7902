package dev.counterfeit.stubs.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.stubs.http.HttpRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwarderTest {
  private static HttpRequest get(String path, Map<String, List<String>> query) {
    return new HttpRequest("GET", path, query, Map.of(), null);
  }

  @Test
  void theWholePathFollowsTheUpstreamOriginAndAnyPrefixItHas() {
    assertThat(Forwarder.target(URI.create("https://sandbox.example"), get("/api/public/v1/clients", Map.of())))
        .hasToString("https://sandbox.example/api/public/v1/clients");
    assertThat(Forwarder.target(URI.create("https://gw.example/fintoro/"), get("/api/public/v1/clients", Map.of())))
        .hasToString("https://gw.example/fintoro/api/public/v1/clients");
  }

  @Test
  void decodedPathsAndQueriesAreEncodedAgainInOrder() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("search", List.of("Köln Nord"));
    query.put("tag", List.of("a&b", "c"));

    URI target = Forwarder.target(URI.create("http://127.0.0.1:9000"), get("/clients/Straße 1", query));

    assertThat(target).hasToString("http://127.0.0.1:9000/clients/Stra%C3%9Fe%201?search=K%C3%B6ln+Nord&tag=a%26b&tag=c");
  }
}

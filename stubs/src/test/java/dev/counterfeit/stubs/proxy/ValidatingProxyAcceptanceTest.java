package dev.counterfeit.stubs.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.counterfeit.stubs.CounterfeitServer;
import dev.counterfeit.stubs.StubServerConfig;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validating proxy on real servers: Fintoro sent to a second fake (a faithful upstream) and to a tiny
 * JDK server that breaks the contract on purpose; the other vendors still answered by the proxy's own fake.
 */
class ValidatingProxyAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String WRITE = "Bearer ft_demo_acme_write";

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), BodyHandlers.ofString());
  }

  private static HttpRequest.Builder at(CounterfeitServer server, String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
  }

  private static JsonNode drift(CounterfeitServer proxy) throws Exception {
    HttpResponse<String> answer = send(at(proxy, "/__counterfeit/drift"));
    assertThat(answer.statusCode()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static JsonNode operation(JsonNode drift, String operationId) {
    for (JsonNode op : drift.get("operations")) {
      if (op.get("operationId").asText().equals(operationId)) {
        return op;
      }
    }
    throw new AssertionError("no operation " + operationId + " in " + drift.toPrettyString());
  }

  private static StubServerConfig.Builder proxying(URI upstream, Path report) {
    return StubServerConfig.builder().port(0).rateLimits(false).apis(Set.of("fintoro", "finsync"))
        .proxy(ProxySettings.none().withUpstream("fintoro", upstream).withReport(report));
  }

  /** Upstream: the fake itself, which keeps the contract. */
  @Nested
  class AgainstAFaithfulUpstream {
    private static CounterfeitServer upstream;
    private static CounterfeitServer proxy;

    @BeforeAll
    static void start(@TempDir Path dir) {
      upstream = CounterfeitServer.start(StubServerConfig.builder().port(0).apis(Set.of("fintoro")).build());
      proxy = CounterfeitServer.start(proxying(URI.create(upstream.baseUrl()), dir.resolve("drift.json")).build());
    }

    @AfterAll
    static void stop() {
      proxy.stop();
      upstream.stop();
    }

    @BeforeEach
    void freshCounts() throws Exception {
      upstream.reset();
      proxy.reset();
      assertThat(send(at(proxy, "/__counterfeit/drift").DELETE()).statusCode()).isEqualTo(200);
    }

    @Test
    void aProxiedVendorsRequestsReachTheUpstreamAndItsAnswerComesBackAsItWas() throws Exception {
      HttpResponse<String> created = send(at(proxy, "/api/public/v1/clients").header("Authorization", WRITE)
          .header("Content-Type", "application/json")
          .POST(BodyPublishers.ofString("{\"name\": \"Through the proxy\", \"countryId\": 703}")));

      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.headers().firstValue("X-RateLimit-Limit")).hasValue("120");
      assertThat(created.headers().firstValue("X-Request-Id")).isPresent();
      long id = JSON.readTree(created.body()).get("id").asLong();
      HttpResponse<String> atUpstream = send(at(upstream, "/api/public/v1/clients/" + id).header("Authorization", WRITE));
      assertThat(JSON.readTree(atUpstream.body()).get("name").asText()).isEqualTo("Through the proxy");
      assertThat(proxy.fake().state().toString()).doesNotContain("Through the proxy");
    }

    @Test
    void otherVendorsAreStillAnsweredByTheFake() throws Exception {
      HttpResponse<String> finsync = send(at(proxy, "/api/clients").header("x-api-key", "fs_demo_acme"));

      assertThat(finsync.statusCode()).isEqualTo(200);
      assertThat(finsync.body()).contains("Caja principal");
      assertThat(drift(proxy).get("requests").asLong()).isZero();
    }

    @Test
    void trafficThatKeepsTheContractIsCountedWithoutViolations() throws Exception {
      send(at(proxy, "/api/public/v1/clients?page=1").header("Authorization", WRITE));
      send(at(proxy, "/api/public/v1/clients/101").header("Authorization", WRITE));
      send(at(proxy, "/api/public/v1/clients/999999").header("Authorization", WRITE));

      JsonNode drift = drift(proxy);
      assertThat(drift.get("upstreams").get("fintoro").asText()).isEqualTo(upstream.baseUrl());
      assertThat(drift.get("requests").asLong()).isEqualTo(3);
      assertThat(drift.get("breaking").asLong()).isZero();
      assertThat(operation(drift, "listClients").get("requests").asLong()).isEqualTo(1);
      assertThat(operation(drift, "getClient").get("requests").asLong()).isEqualTo(2);
      assertThat(operation(drift, "deleteClient").get("requests").asLong()).as("operations never called are listed").isZero();
      assertThat(operation(drift, "getClient").get("violations").size()).isZero();
    }

    @Test
    void aRequestThatBreaksTheSpecIsStillForwardedAndCountedByRule() throws Exception {
      HttpResponse<String> invalid = send(at(proxy, "/api/public/v1/clients").header("Authorization", WRITE)
          .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"email\": \"not-an-email\"}")));
      HttpResponse<String> anonymous = send(at(proxy, "/api/public/v1/clients"));

      assertThat(invalid.statusCode()).as("the upstream's own answer").isEqualTo(422);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      JsonNode create = operation(drift(proxy), "createClient");
      assertThat(create.get("breaking").asLong()).isEqualTo(1);
      assertThat(create.get("violations").get("request.body.required").asLong()).isEqualTo(1);
      assertThat(create.get("violations").get("request.body.format").asLong()).isEqualTo(1);
      assertThat(create.get("examples").get(0).get("status").asInt()).isEqualTo(422);
      assertThat(create.get("examples").get(0).get("violations").findValuesAsText("message"))
          .anySatisfy(m -> assertThat(m).contains("name", "required"));
      assertThat(operation(drift(proxy), "listClients").get("violations").get("request.security").asLong()).isEqualTo(1);
    }

    @Test
    void routesTheSpecDoesNotHaveAreForwardedAndReported() throws Exception {
      HttpResponse<String> unknown = send(at(proxy, "/api/public/v1/invoices").header("Authorization", WRITE));
      send(at(proxy, "/api/public/v1/countries").header("Authorization", WRITE).DELETE());

      assertThat(unknown.statusCode()).isEqualTo(404);
      JsonNode undeclared = operation(drift(proxy), DriftLog.UNDECLARED);
      assertThat(undeclared.get("requests").asLong()).isEqualTo(2);
      assertThat(undeclared.get("violations").get("request.route").asLong()).isEqualTo(1);
      assertThat(undeclared.get("violations").get("request.method").asLong()).isEqualTo(1);
      assertThat(operation(drift(proxy), "listCountries").get("requests").asLong()).isZero();
    }

    @Test
    void deletingTheDriftStartsTheCountsAgain() throws Exception {
      send(at(proxy, "/api/public/v1/clients"));

      assertThat(drift(proxy).get("requests").asLong()).isEqualTo(1);

      HttpResponse<String> cleared = send(at(proxy, "/__counterfeit/drift").DELETE());

      assertThat(cleared.statusCode()).isEqualTo(200);
      assertThat(drift(proxy).get("requests").asLong()).isZero();
      assertThat(operation(drift(proxy), "listClients").get("examples").size()).isZero();
      assertThat(send(at(proxy, "/__counterfeit/drift").POST(BodyPublishers.noBody())).statusCode()).isEqualTo(405);
    }
  }

  /** Upstream: a JDK server that answers wrong shapes, undeclared statuses, HTML and redirects. */
  @Nested
  class AgainstABrokenUpstream {
    private static HttpServer broken;
    private static final ExecutorService threads = Executors.newCachedThreadPool();
    private static final Map<String, String> seen = new ConcurrentHashMap<>();
    private static CounterfeitServer proxy;

    private static URI brokenUri() {
      return URI.create("http://127.0.0.1:" + broken.getAddress().getPort());
    }

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
      broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      broken.createContext("/", exchange -> {
        seen.put("target", exchange.getRequestURI().toString());
        seen.put("host", String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
        seen.put("trace", String.valueOf(exchange.getRequestHeaders().getFirst("X-Trace")));
        seen.put("proxy-authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Proxy-Authorization")));
        seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String path = exchange.getRequestURI().getPath();
        int status;
        String type = "application/json";
        String body;
        switch (exchange.getRequestMethod() + " " + path) {
          case "GET /api/public/v1/clients" -> {
            status = 200;
            body = "{\"items\": []}";
          }
          case "POST /api/public/v1/clients" -> {
            status = 418;
            body = "{\"teapot\": true}";
          }
          case "GET /api/public/v1/countries" -> {
            status = 200;
            body = "{\"data\": []}";
            try {
              Thread.sleep(2000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          case "GET /api/public/v1/clients/101" -> {
            status = 200;
            type = "text/html";
            body = "<html>maintenance</html>";
          }
          default -> {
            status = 302;
            body = "";
            exchange.getResponseHeaders().add("Location", "https://elsewhere.example/login");
          }
        }
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("X-Upstream", "broken");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
      });
      broken.setExecutor(threads);
      broken.start();
      proxy = CounterfeitServer.start(proxying(brokenUri(), dir.resolve("drift.md")).build());
    }

    @AfterAll
    static void stop() {
      proxy.stop();
      broken.stop(0);
      threads.shutdownNow();
    }

    @BeforeEach
    void freshCounts() throws Exception {
      seen.clear();
      assertThat(send(at(proxy, "/__counterfeit/drift").DELETE()).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongShapeAnUndeclaredStatusAndAnHtmlBodyEachShowUnderTheirRule() throws Exception {
      HttpResponse<String> list = send(at(proxy, "/api/public/v1/clients").header("Authorization", WRITE));
      HttpResponse<String> teapot = send(at(proxy, "/api/public/v1/clients").header("Authorization", WRITE)
          .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"name\": \"Fine\"}")));
      HttpResponse<String> html = send(at(proxy, "/api/public/v1/clients/101").header("Authorization", WRITE));

      assertThat(list.body()).isEqualTo("{\"items\": []}");
      assertThat(teapot.statusCode()).isEqualTo(418);
      assertThat(html.headers().firstValue("X-Upstream")).hasValue("broken");
      JsonNode drift = drift(proxy);
      assertThat(drift.get("breaking").asLong()).isEqualTo(3);
      assertThat(operation(drift, "listClients").get("violations").get("response.body.schema").asLong()).isPositive();
      assertThat(operation(drift, "listClients").get("examples").get(0).get("violations").findValuesAsText("message"))
          .anySatisfy(m -> assertThat(m).contains("data"));
      assertThat(operation(drift, "createClient").get("violations").get("response.status").asLong()).isEqualTo(1);
      assertThat(operation(drift, "createClient").get("examples").get(0).get("violations").get(0).get("message").asText())
          .contains("418", "does not declare");
      assertThat(operation(drift, "getClient").get("violations").get("response.body.json").asLong()).isEqualTo(1);
    }

    @Test
    void pathsOutsideTheProxiedApisBasePathStayWithTheFake() throws Exception {
      HttpResponse<String> root = send(at(proxy, "/"));
      HttpResponse<String> beside = send(at(proxy, "/api/public/v2/clients").header("Authorization", WRITE));

      assertThat(root.headers().firstValue("X-Upstream")).isEmpty();
      assertThat(beside.headers().firstValue("X-Upstream")).isEmpty();
      assertThat(seen).isEmpty();
      assertThat(drift(proxy).get("requests").asLong()).isZero();
    }

    @Test
    void redirectsAreHandedBackNotFollowed() throws Exception {
      HttpResponse<String> answer = send(at(proxy, "/api/public/v1/clients/7").header("Authorization", WRITE));

      assertThat(answer.statusCode()).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location")).hasValue("https://elsewhere.example/login");
      assertThat(operation(drift(proxy), "getClient").get("violations").get("response.status").asLong()).isEqualTo(1);
    }

    @Test
    void pathQueryBodyAndEndToEndHeadersArePassedOnButHopByHopOnesAreNot() throws Exception {
      send(at(proxy, "/api/public/v1/clients?page=2&search=K%C3%B6ln%20Nord").header("Authorization", WRITE)
          .header("X-Trace", "abc").header("Proxy-Authorization", "Basic c2VjcmV0")
);
      assertThat(seen.get("target")).isEqualTo("/api/public/v1/clients?page=2&search=K%C3%B6ln+Nord");
      assertThat(seen.get("trace")).isEqualTo("abc");
      assertThat(seen.get("proxy-authorization")).isEqualTo("null");
      assertThat(seen.get("host")).isEqualTo("127.0.0.1:" + broken.getAddress().getPort());

      send(at(proxy, "/api/public/v1/clients").header("Authorization", WRITE).header("Content-Type", "application/json")
          .POST(BodyPublishers.ofString("{\"name\": \"Kölner Dom\"}")));
      assertThat(seen.get("body")).isEqualTo("{\"name\": \"Kölner Dom\"}");
    }

    @Test
    void anUpstreamSlowerThanTheTimeoutIsA504AndCountedAsDrift(@TempDir Path dir) throws Exception {
      ProxySettings impatient = new ProxySettings(Map.of("fintoro", brokenUri()), dir.resolve("drift.json"),
          Duration.ofMillis(200));
      try (CounterfeitServer own = CounterfeitServer.start(proxying(brokenUri(), null).proxy(impatient).build())) {
        HttpResponse<String> answer = send(at(own, "/api/public/v1/countries").header("Authorization", WRITE));

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(answer.body()).contains("did not answer within 200 ms");
        assertThat(operation(drift(own), "listCountries").get("violations").get("upstream.timeout").asLong()).isEqualTo(1);
      }
    }

    @Test
    void theReportIsWrittenWhenTheServerStops(@TempDir Path dir) throws Exception {
      CounterfeitServer own = CounterfeitServer.start(proxying(brokenUri(), dir.resolve("reports/drift.md")).build());
      send(at(own, "/api/public/v1/clients").header("Authorization", WRITE)
          .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"name\": \"Fine\"}")));

      own.stop();

      String report = Files.readString(dir.resolve("reports/drift.md"));
      assertThat(report).startsWith("# Contract drift")
          .contains("| fintoro | `POST /api/public/v1/clients` createClient | 1 | 1 | `response.status` 1 |")
          .contains("| fintoro | `DELETE /api/public/v1/clients/{client}` deleteClient | 0 | 0 |")
          .contains("answered 418, which the spec does not declare");
    }
  }

  @Test
  void anUnreachableUpstreamIsA502NamingItAndCountedAsDrift(@TempDir Path dir) throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    URI upstream = URI.create("http://127.0.0.1:" + closed);
    try (CounterfeitServer proxy = CounterfeitServer.start(proxying(upstream, dir.resolve("drift.json")).build())) {
      HttpResponse<String> answer = send(at(proxy, "/api/public/v1/clients").header("Authorization", WRITE));

      assertThat(answer.statusCode()).isEqualTo(502);
      assertThat(JSON.readTree(answer.body()).get("error").asText()).contains(upstream.toString(), "cannot be reached");
      assertThat(operation(drift(proxy), "listClients").get("violations").get("upstream.unreachable").asLong()).isEqualTo(1);
    }
    JsonNode report = JSON.readTree(Files.readString(dir.resolve("drift.json")));
    assertThat(report.get("requests").asLong()).isEqualTo(1);
    assertThat(List.of(report.get("upstreams").get("fintoro").asText())).containsExactly(upstream.toString());
  }
}

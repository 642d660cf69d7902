package dev.counterfeit.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterfeit.stubs.http.Limits;
import dev.counterfeit.stubs.testsupport.RawHttp;
import dev.counterfeit.stubs.testsupport.SharedFake;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The documented limits, set small here: each is answered in the envelope of the vendor the path names, and
 * over a raw socket, since the parser answers some before any servlet runs.
 */
class LimitsAcceptanceTest {
  private static final Limits SMALL = new Limits(2048, 512, 2048, Duration.ofSeconds(2));

  @RegisterExtension
  static final SharedFake FAKE = new SharedFake(
      StubServerConfig.builder().port(0).rateLimits(false).limits(SMALL).build());

  private static final ObjectMapper JSON = new ObjectMapper();

  private static RawHttp.Answer send(String method, String target, Map<String, String> headers, String body)
      throws Exception {
    return RawHttp.send(FAKE.server().port(), RawHttp.request(method, target, headers,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8)), false, 10_000);
  }

  private static JsonNode json(RawHttp.Answer answer) throws Exception {
    assertThat(answer.header("Content-Type")).contains("json");
    return JSON.readTree(answer.body());
  }

  @Test
  void aBodyOverTheLimitIsA413InFlowtlysEnvelope() throws Exception {
    RawHttp.Answer answer = send("POST", "/clients", Map.of("Authorization", "Bearer fl_demo_acme",
        "Content-Type", "application/ld+json"), "{\"name\":\"" + "x".repeat(3000) + "\"}");
    assertThat(answer.status()).isEqualTo(413);
    assertThat(json(answer).path("status").asInt()).isEqualTo(413);
    assertThat(json(answer).path("detail").asText()).contains("2048");
  }

  @Test
  void aBodyWithinTheLimitReachesTheEngine() throws Exception {
    RawHttp.Answer answer = send("POST", "/api/clients", Map.of("x-api-key", "fs_demo_acme",
        "Content-Type", "application/json"), "{\"name\":\"" + "x".repeat(1900) + "\"}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(json(answer).path("error").asText()).contains("100");
  }

  @Test
  void aChunkedBodyOverTheLimitIsA413Too() throws Exception {
    String chunk = "x".repeat(3000);
    RawHttp.Answer answer = send("POST", "/apidev/v1/clients", Map.of("Transfer-Encoding", "chunked",
        "Content-Type", "application/json"), Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n");
    assertThat(answer.status()).isEqualTo(413);
    assertThat(json(answer).path("error").path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void aGzipBodyIsInflatedWithinTheLimit() throws Exception {
    byte[] small = gzip("{\"name\":\"Gzipped\"}".getBytes(StandardCharsets.UTF_8));
    RawHttp.Answer served = RawHttp.send(FAKE.server().port(), RawHttp.request("POST", "/api/clients",
        Map.of("x-api-key", "fs_demo_acme", "Content-Type", "application/json", "Content-Encoding", "gzip"), small),
        false, 10_000);
    assertThat(served.status()).isEqualTo(201);
    assertThat(json(served).path("name").asText()).isEqualTo("Gzipped");

    byte[] bomb = gzip(new byte[1_000_000]);
    assertThat(bomb.length).isLessThan(SMALL.maxBodyBytes());
    RawHttp.Answer refused = RawHttp.send(FAKE.server().port(), RawHttp.request("POST", "/api/clients",
        Map.of("x-api-key", "fs_demo_acme", "Content-Type", "application/json", "Content-Encoding", "gzip"), bomb),
        false, 10_000);
    assertThat(refused.status()).isEqualTo(413);
    assertThat(json(refused).path("error").asText()).contains("2048");
  }

  @Test
  void theFakesOwnEndpointsAnswerRefusalsInPlainJson() throws Exception {
    RawHttp.Answer answer = send("POST", "/__counterfeit/reset", Map.of("Content-Type", "application/json"),
        "x".repeat(3000));
    assertThat(answer.status()).isEqualTo(413);
    assertThat(json(answer).path("status").asInt()).isEqualTo(413);
  }

  private static byte[] gzip(byte[] data) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
      zip.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void aTargetOverTheLimitIsA414InFintorosEnvelope() throws Exception {
    RawHttp.Answer answer = send("GET", "/api/public/v1/clients?search=" + "x".repeat(600),
        Map.of("Authorization", "Bearer ft_demo_acme_read"), null);
    assertThat(answer.status()).isEqualTo(414);
    assertThat(json(answer).path("message").asText()).contains("512");
  }

  @Test
  void headersOverTheLimitAreA431InApidevsEnvelope() throws Exception {
    RawHttp.Answer answer = send("GET", "/apidev/v1/clients", Map.of("X-Pad", "p".repeat(3000)), null);
    assertThat(answer.status()).isEqualTo(431);
    assertThat(json(answer).path("error").path("code").asText()).isEqualTo("HEADERS_TOO_LARGE");
  }

  @Test
  void headersBeyondTheParsersCapStillGetTheVendorsEnvelope() throws Exception {
    RawHttp.Answer answer = send("GET", "/clients", Map.of("X-Pad", "p".repeat(8000)), null);
    assertThat(answer.status()).isEqualTo(431);
    assertThat(json(answer).path("@type").asText()).isEqualTo("hydra:Error");
    assertThat(json(answer).path("status").asInt()).isEqualTo(431);
  }

  @Test
  void aTargetBeyondTheParsersCapIsPlainJsonForNoPathWasRead() throws Exception {
    RawHttp.Answer answer = send("GET", "/api/clients?q=" + "x".repeat(8000), Map.of(), null);
    assertThat(answer.status()).isEqualTo(414);
    assertThat(json(answer).path("status").asInt()).isEqualTo(414);
    assertThat(json(answer).path("error").asText()).isNotEmpty();
  }

  @Test
  void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", FAKE.server().port())) {
      socket.setSoTimeout(10_000);
      long start = System.nanoTime();
      int read = socket.getInputStream().read();
      long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertThat(read).isEqualTo(-1);
      assertThat(waited).isBetween(1_500L, 8_000L);
    }
  }

  @Test
  void aBodyThatStopsArrivingIsA408InTheVendorsEnvelope() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", FAKE.server().port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /api/clients HTTP/1.1\r\nHost: x\r\nx-api-key: fs_demo_acme\r\n"
          + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 408").contains("{\"error\":");
    }
  }

  @Test
  void aConnectRequestIsRefusedInsteadOfOpeningATunnel() throws Exception {
    RawHttp.Answer answer = send("CONNECT", "/clients", Map.of("Authorization", "Bearer fl_demo_acme"), null);
    assertThat(answer.status()).isEqualTo(405);
    assertThat(json(answer).path("@type").asText()).isEqualTo("hydra:Error");
  }

  @Test
  void anUnknownHttpVersionIsA400NotA505() throws Exception {
    RawHttp.Answer answer = RawHttp.send(FAKE.server().port(),
        "GET /api/clients HTTP/9.9\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), true, 10_000);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(json(answer).path("status").asInt()).isEqualTo(400);
  }

  @Test
  void aPathJettyCannotDecodeIsTheVendorsNotFound() throws Exception {
    RawHttp.Answer answer = send("GET", "/api/public/v1/clients/%zz", Map.of("Authorization", "Bearer ft_demo_acme_read"), null);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(json(answer).path("message").asText()).contains("%zz");
  }
}

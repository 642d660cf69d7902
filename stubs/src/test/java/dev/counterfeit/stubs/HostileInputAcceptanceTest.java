package dev.counterfeit.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.stubs.testsupport.SharedFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input no client should send still gets a clear 4xx in the vendor's envelope, never a 500 or a stack trace. */
class HostileInputAcceptanceTest {
  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Status line and body of a GET written byte for byte, for request targets HttpClient refuses to send. */
  private static String raw(String target) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", FAKE.server().port())) {
      socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nx-api-key: fs_demo_acme\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/clients?page=%zz", "/api/clients?pageSize=%"})
  void malformedPercentEscapesGetTheVendorsFourHundred(String target) throws Exception {
    String answer = raw(target);
    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).contains("{\"error\":").doesNotContain("Exception");
  }

  private static HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FAKE.server().baseUrl() + path))
        .header("x-api-key", "fs_demo_acme").header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/clients?pageSize=99999999999999999999",
      "/api/clients/99999999999999999999", "/api/clients/%20", "/api/clients/1.5"})
  void malformedQueryOrPathGetsTheVendorsFourHundred(String path) throws Exception {
    HttpResponse<String> answer = send("GET", path, null);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).startsWith("{\"error\":");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"name\":\"a\"} {\"name\":\"b\"}", "{\"name\":\"\u00e9t\u00e9\"}", "[1,2]", "null", "\"text\"", "{\"name\":"})
  void bodiesThatAreNotOneJsonObjectAreRefusedAndStoreNothing(String body) throws Exception {
    int before = FAKE.server().fake().state().at("/finsync/acme/clients").size();
    HttpResponse<String> answer = send("POST", "/api/clients", body);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).startsWith("{\"error\":");
    assertThat(FAKE.server().fake().state().at("/finsync/acme/clients").size()).isEqualTo(before);
  }

  @Test
  void deeplyNestedJsonIsASyntaxErrorNotACrash() throws Exception {
    HttpResponse<String> answer = send("POST", "/api/clients", "[".repeat(5000) + "]".repeat(5000));
    assertThat(answer.statusCode()).isEqualTo(400);
  }

  @Test
  void hugeFieldIsRejectedByItsLimit() throws Exception {
    HttpResponse<String> answer = send("POST", "/api/clients", "{\"name\":\"" + "a".repeat(900_000) + "\"}");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("100");
  }

  @Test
  void bodyOverTheLimitIsA413InTheVendorsEnvelopeOverHttp2Too() throws Exception {
    HttpResponse<String> answer = send("POST", "/api/clients", "{\"name\":\"" + "a".repeat(2_000_000) + "\"}");
    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.body()).startsWith("{\"error\":").contains("1048576");
  }

  private static HttpResponse<String> empty(String method, String path, String contentType, String... headers)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(FAKE.server().baseUrl() + path)).headers(headers)
        .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.noBody()).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anEmptyBodyWhereOneIsRequiredIsMalformedInEachVendorsWords() throws Exception {
    HttpResponse<String> flowtly = empty("PATCH", "/clients/1", "application/merge-patch+json",
        "Authorization", "Bearer fl_demo_acme");
    assertThat(flowtly.statusCode()).isEqualTo(400);
    assertThat(flowtly.body()).contains("\"detail\":\"Syntax error\"");
    HttpResponse<String> fintoro = empty("POST", "/api/public/v1/clients", "application/json",
        "Authorization", "Bearer ft_demo_acme_write");
    assertThat(fintoro.statusCode()).as("Laravel reads it as an empty form").isEqualTo(422);
    assertThat(fintoro.body()).contains("\"name\"");
    HttpResponse<String> finsync = empty("POST", "/api/clients", "application/json", "x-api-key", "fs_demo_acme");
    assertThat(finsync.statusCode()).isEqualTo(400);
    assertThat(finsync.body()).startsWith("{\"error\":");
  }
}

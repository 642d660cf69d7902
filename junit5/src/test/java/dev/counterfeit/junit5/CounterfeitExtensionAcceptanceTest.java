package dev.counterfeit.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension as the README shows it: a static field, one fake for the class, a reset before every test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CounterfeitExtensionAcceptanceTest {
  @RegisterExtension
  static CounterfeitExtension fake = CounterfeitExtension.builder().apis("fintoro").build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static long createdInFirstTest;

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), BodyHandlers.ofString());
  }

  private static HttpRequest.Builder clients(DemoCredential credential, String suffix) {
    return HttpRequest.newBuilder(URI.create(fake.baseUrl("fintoro") + "/clients" + suffix))
        .header(credential.header(), credential.headerValue());
  }

  @Test
  @Order(1)
  void aClientCreatedInOneTestCanBeReadBackInIt() throws Exception {
    DemoCredential writer = fake.credential("fintoro", "acme", "write");

    HttpResponse<String> created = send(clients(writer, "").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString("{\"name\": \"Made in test one\", \"countryId\": 703}")));

    assertThat(created.statusCode()).isEqualTo(201);
    createdInFirstTest = JSON.readTree(created.body()).get("id").asLong();
    HttpResponse<String> read = send(clients(writer, "/" + createdInFirstTest).GET());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(read.body()).get("name").asText()).isEqualTo("Made in test one");
  }

  @Test
  @Order(2)
  void theNextTestStartsFromTheSeedAgain() throws Exception {
    DemoCredential reader = fake.credential("fintoro", "acme", "read");

    HttpResponse<String> gone = send(clients(reader, "/" + createdInFirstTest).GET());
    HttpResponse<String> list = send(clients(reader, "").GET());

    assertThat(createdInFirstTest).isPositive();
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(list.body()).get("data").findValuesAsText("name"))
        .contains("Acme s.r.o.").doesNotContain("Made in test one");
  }

  @Test
  void credentialsCarryTheHeaderTheSpecNames() throws Exception {
    assertThat(fake.credentials("fintoro")).extracting(DemoCredential::value)
        .containsExactly("ft_demo_acme_write", "ft_demo_acme_read", "ft_demo_globex_write");
    DemoCredential reader = fake.credential("fintoro", "acme", "read");
    assertThat(reader.header()).isEqualTo("Authorization");
    assertThat(reader.headerValue()).isEqualTo("Bearer ft_demo_acme_read");
    assertThat(fake.credential("fintoro", "acme", "write").value()).isEqualTo("ft_demo_acme_write");
    assertThat(fake.authHeaders("fintoro", "globex")).containsExactly(
        java.util.Map.entry("Authorization", "Bearer ft_demo_globex_write"));

    HttpResponse<String> refused = send(clients(reader, "")
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"name\": \"Nope\"}")));

    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void baseUrlsPointAtTheFakeOnAFreePort() throws Exception {
    assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port());
    assertThat(fake.port()).isNotEqualTo(8080);
    assertThat(fake.baseUrl("fintoro")).isEqualTo(fake.baseUrl() + "/api/public/v1");

    HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/__counterfeit/health")));

    assertThat(JSON.readTree(health.body()).path("apis").has("fintoro")).isTrue();
    assertThat(JSON.readTree(health.body()).path("apis").size()).isEqualTo(1);
  }

  @Test
  void askingForAnApiNotServedNamesTheServedOnes() {
    assertThatThrownBy(() -> fake.credentials("finsync"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("served: fintoro");
    assertThatThrownBy(() -> fake.credential("fintoro", "nosuch"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant 'nosuch'");
  }
}

package dev.counterfeit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The copy-paste example of junit5/README.md, kept word for word so the README cannot rot. */
class ReadmeExampleAcceptanceTest {
  @RegisterExtension
  static CounterfeitExtension fake = CounterfeitExtension.builder().apis("fintoro").build();

  @Test
  void createsAClient() throws Exception {
    DemoCredential writer = fake.credential("fintoro", "acme", "write");   // Bearer ft_demo_acme_write
    HttpRequest create = HttpRequest.newBuilder(URI.create(fake.baseUrl("fintoro") + "/clients"))
        .header(writer.header(), writer.headerValue())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Acme s.r.o.\", \"countryId\": 703}"))
        .build();

    HttpResponse<String> answer = HttpClient.newHttpClient().send(create, HttpResponse.BodyHandlers.ofString());

    assertEquals(201, answer.statusCode());
  }
}

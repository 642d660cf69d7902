package dev.counterfeit.stubs.testsupport;

import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.CounterfeitServer;
import dev.counterfeit.stubs.StubServerConfig;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What every acceptance test needs: the fake on a free port, requests against it, and JSON to assert on. */
public final class Api {
  public static final ObjectMapper JSON = new ObjectMapper();

  private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
      .encoderConfig(encoderConfig().defaultContentCharset("UTF-8").defaultCharsetForContentType("UTF-8", "application/merge-patch+json")
          .defaultCharsetForContentType("UTF-8", "application/ld+json"));

  private Api() {}

  /** Every API, seeded, on a free port, without rate limits. */
  public static CounterfeitServer start() {
    return CounterfeitServer.start(StubServerConfig.builder().port(0).rateLimits(false).build());
  }

  /** A request against the server, no credentials, bodies in UTF-8. */
  public static RequestSpecification given(CounterfeitServer server) {
    return RestAssured.given().config(CONFIG).baseUri(server.baseUrl()).urlEncodingEnabled(true);
  }

  /** The body as a JSON tree (whatever the media type says). */
  public static JsonNode json(Response response) {
    String text = response.asString();
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("Not JSON (status " + response.statusCode() + "): " + text, e);
    }
  }

  /** The property names of an object, in order. */
  public static Set<String> keys(JsonNode node) {
    assertThat(node.isObject()).as("expected a JSON object, got %s", node).isTrue();
    Set<String> names = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Texts of an array of strings. */
  public static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Builds a JSON object body from name/value pairs (values may be null). */
  public static ObjectNode object(Object... pairs) {
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      node.set((String) pairs[i], value == null ? JSON.nullNode() : JSON.valueToTree(value));
    }
    return node;
  }

  /** The whole store as GET /__counterfeit/state answers it. */
  public static JsonNode state(CounterfeitServer server) {
    Response r = given(server).get("/__counterfeit/state");
    assertThat(r.statusCode()).isEqualTo(200);
    return json(r);
  }

  /** One vendor's part of the store. */
  public static JsonNode state(CounterfeitServer server, String vendor) {
    return state(server).path(vendor);
  }

  /** A string of {@code length} characters. */
  public static String text(int length) {
    return "n".repeat(length);
  }

  /** Asserts an ISO-8601 date-time. */
  public static void assertDateTime(JsonNode value) {
    assertThat(value.isTextual()).as("date-time expected, got %s", value).isTrue();
    OffsetDateTime.parse(value.asText());
  }
}

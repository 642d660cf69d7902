package dev.counterfeit.stubs.profile.fintoro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.profile.Exchange;
import dev.counterfeit.stubs.profile.Problem;
import dev.counterfeit.stubs.profile.ProblemKind;
import dev.counterfeit.openapi.model.Parameter;
import dev.counterfeit.stubs.store.TenantData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fintoro's {@code Idempotency-Key}: on operations that declare the header, the first successful answer for a
 * key is kept beside the company's records; the same key with the same request replays it without acting
 * again, the same key with another request is refused. Keys are per company because the store is.
 *
 * <p>A key is claimed in the store before the request acts, so a retry racing the original (on this replica or
 * another one sharing the store) waits for it instead of acting twice. A claim whose request died with its
 * process is taken over once it is {@link #STALE} old.
 */
final class Idempotency {
  static final String HEADER = "Idempotency-Key";
  private static final String COLLECTION = "~idempotency";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long STALE = 30_000;
  private static final long POLL = 10;

  HttpResponse around(Exchange exchange, Function<Problem, HttpResponse> render) {
    String key = exchange.request().header(HEADER);
    boolean declared = exchange.operation().parameters().stream()
        .anyMatch(p -> p.in() == Parameter.In.HEADER && p.name().equalsIgnoreCase(HEADER));
    if (!declared || key == null || key.isBlank() || exchange.principal() == null) {
      return exchange.proceed();
    }
    ObjectNode fingerprint = fingerprint(exchange);
    while (true) {
      Optional<ObjectNode> earlier = exchange.write(data -> claim(data, key, fingerprint));
      if (earlier.isEmpty()) {
        break;
      }
      if (!earlier.get().get("request").equals(fingerprint)) {
        return render.apply(Problem.of(ProblemKind.CONFLICT,
            "The Idempotency-Key has already been used with a different request payload."));
      }
      if (earlier.get().has("response")) {
        return replay(earlier.get().get("response"), key);
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return render.apply(Problem.of(ProblemKind.UNAVAILABLE, "Interrupted while waiting for the original request."));
      }
    }
    HttpResponse original;
    try {
      original = exchange.proceed();
    } catch (RuntimeException e) {
      exchange.write(data -> data.remove(COLLECTION, key));
      throw e;
    }
    HttpResponse answered = original;
    exchange.write(data -> {
      if (answered.status() >= 200 && answered.status() < 300) {
        data.put(COLLECTION, key, JsonNodeFactory.instance.objectNode()
            .<ObjectNode>set("request", fingerprint)
            .set("response", stored(answered)));
      } else {
        data.remove(COLLECTION, key);
      }
      return null;
    });
    return original.withHeader(HEADER, key).withHeader("Idempotency-Status", "Original");
  }

  /** The earlier request's record, or empty once this request holds the key. */
  private static Optional<ObjectNode> claim(TenantData data, String key, ObjectNode fingerprint) {
    long now = System.currentTimeMillis();
    Optional<ObjectNode> earlier = data.get(COLLECTION, key);
    if (earlier.isPresent() && (earlier.get().has("response") || now - earlier.get().path("claimedAt").asLong() < STALE)) {
      return earlier;
    }
    data.put(COLLECTION, key, JsonNodeFactory.instance.objectNode()
        .<ObjectNode>set("request", fingerprint).put("claimedAt", now));
    return Optional.empty();
  }

  private static ObjectNode fingerprint(Exchange exchange) {
    ObjectNode request = JsonNodeFactory.instance.objectNode()
        .put("method", exchange.request().method()).put("path", exchange.request().path());
    JsonNode body;
    try {
      body = exchange.request().hasBody() ? JSON.readTree(exchange.request().body()) : null;
    } catch (IOException e) {
      body = JsonNodeFactory.instance.textNode(exchange.request().bodyText());
    }
    request.set("body", body);
    return request;
  }

  private static ObjectNode stored(HttpResponse response) {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("status", response.status());
    ObjectNode headers = node.putObject("headers");
    response.headers().forEach(headers::put);
    node.put("body", response.bodyText());
    return node;
  }

  private static HttpResponse replay(JsonNode stored, String key) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    stored.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    return new HttpResponse(stored.path("status").asInt(), headers, stored.path("body").asText().getBytes(StandardCharsets.UTF_8))
        .withHeader(HEADER, key).withHeader("Idempotency-Status", "Repeated");
  }
}

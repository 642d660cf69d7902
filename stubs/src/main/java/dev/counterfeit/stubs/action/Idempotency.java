package dev.counterfeit.stubs.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.problem.Outcome;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Parameter;
import dev.counterfeit.stubs.store.TenantData;
import dev.counterfeit.stubs.store.TenantKey;
import dev.counterfeit.stubs.store.TenantStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An idempotency key on operations whose spec declares a header parameter marked {@code x-counterfeit-idempotency}
 * (an {@code Idempotency-Key}, say): the first successful answer
 * for a key is kept beside the company's records; the same key with the same request replays it without acting
 * again, the same key with another request is a conflict. Keys are per company because the store is.
 *
 * <p>A key is claimed in the store before the request acts, so a retry racing the original (on this replica or
 * another one sharing the store) waits for it instead of acting twice. A claim whose request died with its
 * process is taken over once it is {@link #STALE} ms old.
 */
final class Idempotency {
  private static final String COLLECTION = "~idempotency";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long STALE = 30_000;
  private static final long POLL = 10;

  private final TenantStore store;

  Idempotency(TenantStore store) {
    this.store = store;
  }

  /** An idempotency key a request carries: the header it came in, its value, and what answers say about replays. */
  record Key(String header, String value, Parameter.Idempotency says) {}

  /** The key this request is made idempotent with, or null when the operation or the request has none. */
  static Key keyOf(Operation op, HttpRequest request) {
    for (Parameter p : op.parameters()) {
      if (p.idempotency() != null) {
        String value = request.header(p.name());
        return value == null || value.isBlank() ? null : new Key(p.name(), value, p.idempotency());
      }
    }
    return null;
  }

  /** The request as its key remembers it: method, path and body. */
  static ObjectNode fingerprint(HttpRequest request) {
    ObjectNode fingerprint = JsonNodeFactory.instance.objectNode().put("method", request.method()).put("path", request.path());
    JsonNode body;
    try {
      body = request.hasBody() ? JSON.readTree(request.body()) : null;
    } catch (IOException e) {
      body = JsonNodeFactory.instance.textNode(request.bodyText());
    }
    fingerprint.set("body", body);
    return fingerprint;
  }

  /**
   * Claims the key for this request, waiting while another request holds it. Null once this request holds it and
   * is to act; otherwise the earlier answer replayed, or a conflict when the key was used for another request.
   */
  Outcome<HttpResponse> claim(TenantKey tenant, Key key, ObjectNode fingerprint) {
    while (true) {
      Optional<ObjectNode> earlier = store.write(tenant, data -> claim(data, key.value(), fingerprint));
      if (earlier.isEmpty()) {
        return null;
      }
      if (!earlier.get().get("request").equals(fingerprint)) {
        return Outcome.stop(Problem.of(ProblemKind.CONFLICT,
            "The " + key.header() + " has already been used with a different request payload."));
      }
      if (earlier.get().has("response")) {
        return Outcome.goOn(replay(earlier.get().get("response"), key));
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.stop(Problem.of(ProblemKind.UNAVAILABLE, "Interrupted while waiting for the original request."));
      }
    }
  }

  /**
   * Keeps a successful answer for the key, or lets the key go after anything else; either way the answer says it
   * is the original.
   */
  Outcome<HttpResponse> settle(TenantKey tenant, Key key, ObjectNode fingerprint, Outcome<HttpResponse> acted) {
    HttpResponse answer = acted.found();
    store.write(tenant, data -> {
      if (!acted.stopped() && answer.status() >= 200 && answer.status() < 300) {
        data.put(COLLECTION, key.value(), JsonNodeFactory.instance.objectNode()
            .<ObjectNode>set("request", fingerprint)
            .set("response", stored(answer)));
      } else {
        data.remove(COLLECTION, key.value());
      }
      return null;
    });
    return acted.stopped()
        ? Outcome.stop(acted.problem().withHeader(key.header(), key.value()).withHeader(key.says().answerHeader(), key.says().original()))
        : Outcome.goOn(answer.withHeader(key.header(), key.value()).withHeader(key.says().answerHeader(), key.says().original()));
  }

  /** Lets the key go after the request failed unexpectedly, so a retry acts. */
  void release(TenantKey tenant, Key key) {
    store.write(tenant, data -> data.remove(COLLECTION, key.value()));
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

  private static ObjectNode stored(HttpResponse response) {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("status", response.status());
    ObjectNode headers = node.putObject("headers");
    response.headers().forEach(headers::put);
    node.put("body", response.bodyText());
    return node;
  }

  private static HttpResponse replay(JsonNode stored, Key key) {
    Map<String, String> headers = new LinkedHashMap<>();
    stored.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    return new HttpResponse(stored.path("status").asInt(), headers, stored.path("body").asText().getBytes(StandardCharsets.UTF_8))
        .withHeader(key.header(), key.value()).withHeader(key.says().answerHeader(), key.says().replayed());
  }
}

package dev.counterfeit.conformance.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.counterfeit.openapi.model.ApiModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A correct implementation of {@code specs/tiny/tiny.yaml} on the JDK's HTTP server, validating with the spec's own
 * schemas, with switchable defects: what the executor's tests run against before and besides the real fake.
 */
public final class TinyServer implements AutoCloseable {
  /** A deliberate bug. */
  public enum Defect {
    NONE,
    PATCH_CLEARS_OMITTED,
    MAX_LENGTH_OFF_BY_ONE,
    UNKNOWN_ID_ANSWERS_200,
    WRONG_ERROR_ENVELOPE,
    CREATE_DROPS_EMAIL,
    CREATE_ANSWER_STALE,
    DELETE_KEEPS_THE_ITEM
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final ApiModel model;
  private final Defect defect;
  private final Map<Integer, ObjectNode> things = new TreeMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  public TinyServer(ApiModel model, Defect defect) {
    this.model = model;
    this.defect = defect;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/things", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange x) throws IOException {
    try (x) {
      String auth = x.getRequestHeaders().getFirst("Authorization");
      if (!"Bearer good".equals(auth)) {
        error(x, 401, "Unauthenticated.");
        return;
      }
      String[] parts = x.getRequestURI().getPath().split("/");
      String method = x.getRequestMethod();
      byte[] body = x.getRequestBody().readAllBytes();
      if (parts.length == 3) {
        if ("POST".equals(method)) {
          create(x, body);
        } else {
          list(x);
        }
        return;
      }
      int id;
      try {
        id = Integer.parseInt(parts[3]);
      } catch (NumberFormatException e) {
        error(x, 404, "Not found.");
        return;
      }
      ObjectNode thing = things.get(id);
      if (thing == null) {
        if (defect == Defect.UNKNOWN_ID_ANSWERS_200 && "GET".equals(method)) {
          send(x, 200, JSON.createObjectNode().put("id", id).put("code", "x").putNull("size").putNull("colour")
              .putNull("email").put("updatedAt", Instant.now().toString()));
          return;
        }
        error(x, 404, "Not found.");
        return;
      }
      switch (method) {
        case "GET" -> send(x, 200, thing);
        case "DELETE" -> {
          if (defect != Defect.DELETE_KEEPS_THE_ITEM) {
            things.remove(id);
          }
          x.sendResponseHeaders(204, -1);
        }
        case "PATCH" -> patch(x, thing, body);
        default -> error(x, 405, "Method not allowed.");
      }
    }
  }

  private void create(HttpExchange x, byte[] body) throws IOException {
    JsonNode json = parse(x, body);
    if (json == null || !valid(x, "/components/schemas/ThingCreate", json)) {
      return;
    }
    int id = ids.incrementAndGet();
    ObjectNode thing = JSON.createObjectNode().put("id", id);
    for (String field : new String[] {"code", "size", "colour", "email"}) {
      boolean dropped = defect == Defect.CREATE_DROPS_EMAIL && field.equals("email");
      thing.set(field, json.has(field) && !dropped ? json.get(field) : JSON.nullNode());
    }
    thing.put("updatedAt", Instant.now().toString());
    things.put(id, thing);
    send(x, 201, defect == Defect.CREATE_ANSWER_STALE
        ? thing.deepCopy().put("updatedAt", Instant.now().minusSeconds(60).toString()) : thing);
  }

  private void list(HttpExchange x) throws IOException {
    String query = x.getRequestURI().getQuery();
    if (query != null && query.startsWith("limit=")) {
      String value = query.substring(6);
      if (!value.matches("\\d+") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 50) {
        error(x, 422, "limit is invalid");
        return;
      }
    }
    ObjectNode page = JSON.createObjectNode();
    things.values().forEach(page.putArray("data")::add);
    if (things.isEmpty()) {
      page.putArray("data");
    }
    send(x, 200, page);
  }

  private void patch(HttpExchange x, ObjectNode thing, byte[] body) throws IOException {
    String type = x.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("application/merge-patch+json")) {
      error(x, 415, "Unsupported media type.");
      return;
    }
    JsonNode json = parse(x, body);
    if (json == null || !valid(x, "/components/schemas/ThingUpdate", json)) {
      return;
    }
    if (defect == Defect.PATCH_CLEARS_OMITTED) {
      for (String field : new String[] {"size", "colour", "email"}) {
        if (!json.has(field)) {
          thing.putNull(field);
        }
      }
    }
    json.fields().forEachRemaining(e -> thing.set(e.getKey(), e.getValue()));
    thing.put("updatedAt", Instant.now().toString());
    send(x, 200, thing);
  }

  private JsonNode parse(HttpExchange x, byte[] body) throws IOException {
    try {
      JsonNode json = JSON.readTree(body);
      if (json == null || !json.isObject()) {
        throw new IOException("not an object");
      }
      return json;
    } catch (IOException e) {
      error(x, 400, "Syntax error.");
      return null;
    }
  }

  private boolean valid(HttpExchange x, String pointer, JsonNode json) throws IOException {
    JsonNode checked = json;
    if (defect == Defect.MAX_LENGTH_OFF_BY_ONE && json.path("code").isTextual() && json.get("code").asText().length() == 4) {
      checked = json.deepCopy();
      ((ObjectNode) checked).put("code", "abc");
    }
    var errors = model.spec().schema(pointer).validate(checked);
    if (errors.isEmpty()) {
      return true;
    }
    error(x, 422, errors.get(0).toString());
    return false;
  }

  private void error(HttpExchange x, int status, String message) throws IOException {
    ObjectNode body = defect == Defect.WRONG_ERROR_ENVELOPE
        ? JSON.createObjectNode().put("error", message) : JSON.createObjectNode().put("message", message);
    send(x, status, body);
  }

  private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
  }
}

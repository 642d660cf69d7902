package dev.counterfeit.stubs.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A protocol-neutral HTTP response; the adapter copies it onto the wire as it is. Status 0 stands for no
 * answer at all: the adapter closes the connection (see {@link #connectionReset()}), as a browser reports a
 * network error with status 0.
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public HttpResponse {
    headers = headers instanceof Own own ? own : new Own(headers);
    body = body == null ? new byte[0] : body;
  }

  /** A header map a response made for itself, taken as it is instead of copied once more. */
  private static final class Own extends LinkedHashMap<String, String> {
    Own(Map<String, String> headers) {
      super(headers);
    }
  }

  /** A JSON answer with the given media type. */
  public static HttpResponse json(int status, String mediaType, JsonNode body) {
    Own headers = new Own(Map.of());
    headers.put("Content-Type", mediaType + "; charset=utf-8");
    try {
      return new HttpResponse(status, headers, JSON.writeValueAsBytes(body));
    } catch (Exception e) {
      throw new IllegalStateException("JSON tree did not serialise", e);
    }
  }

  /** An answer without a body (204, preflight). */
  public static HttpResponse empty(int status) {
    return new HttpResponse(status, Map.of(), null);
  }

  /** Close the connection without answering (a forced network failure). */
  public static HttpResponse connectionReset() {
    return new HttpResponse(0, Map.of(), null);
  }

  public boolean dropsConnection() {
    return status == 0;
  }

  /** A copy with one more header (replacing any of the same name). */
  public HttpResponse withHeader(String name, String value) {
    Own copy = new Own(headers);
    copy.put(name, value);
    return new HttpResponse(status, copy, body);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}

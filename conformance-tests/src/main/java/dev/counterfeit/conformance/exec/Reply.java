package dev.counterfeit.conformance.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An answer as received.
 *
 * @param headers headers, looked up ignoring case
 */
public record Reply(int status, Map<String, String> headers, byte[] body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Reply {
    TreeMap<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    folded.putAll(headers);
    headers = Collections.unmodifiableMap(folded);
    body = body == null ? new byte[0] : body;
  }

  public String header(String name) {
    return headers.get(name);
  }

  public String contentType() {
    return header("Content-Type");
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean hasBody() {
    return body.length > 0;
  }

  /** The body as JSON, or null when it is empty or not JSON. */
  public JsonNode json() {
    if (!hasBody()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      return null;
    }
  }

  /** {@code 422 {"message":…}}, the body cut to a readable length, for reports. */
  public String brief() {
    String text = text().replaceAll("\\s+", " ").trim();
    return status + (text.isEmpty() ? "" : " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
  }
}

package dev.counterfeit.stubs.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A protocol-neutral HTTP request, so the engine never sees WireMock (or any server) types.
 *
 * @param method upper-case method
 * @param path decoded path without the query string
 * @param query query parameters in arrival order
 * @param headers headers; look them up with {@link #header(String)}, which ignores case (a map already
 *     ordered by {@link String#CASE_INSENSITIVE_ORDER} is kept as given, not copied)
 * @param body raw body, empty when none was sent
 */
public record HttpRequest(
    String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body) {

  public HttpRequest {
    method = method.toUpperCase(Locale.ROOT);
    if (!(headers instanceof TreeMap<String, List<String>> t && t.comparator() == String.CASE_INSENSITIVE_ORDER)) {
      TreeMap<String, List<String>> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      folded.putAll(headers);
      headers = folded;
    }
    body = body == null ? new byte[0] : body;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The first value of a query parameter, or null. */
  public String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The media type of the body without parameters, lower-case, or null when none was given. */
  public String mediaType() {
    String value = header("Content-Type");
    if (value == null || value.isBlank()) {
      return null;
    }
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  public boolean hasBody() {
    return body.length > 0;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}

package dev.counterfeit.stubs.proxy;

import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Sends a request on to a real implementation and hands back its answer as it came: status, headers and
 * body, without following redirects, so the contract is judged on what the upstream itself said.
 */
final class Forwarder {
  /** Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection and are never passed on. */
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
  /**
   * Set by the client for the new connection ({@code Host}, {@code Content-Length}, {@code Expect}); and no
   * {@code Accept-Encoding}, so the upstream answers a body the validators can read.
   */
  private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "expect", "accept-encoding");

  private final HttpClient client;
  private final Duration timeout;

  Forwarder(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .build();
  }

  /**
   * The upstream's answer to the request.
   *
   * @throws IOException when the upstream cannot be reached or does not answer in time
   */
  HttpResponse forward(URI upstream, HttpRequest request) throws IOException, InterruptedException {
    java.net.http.HttpRequest.Builder out = java.net.http.HttpRequest.newBuilder(target(upstream, request))
        .timeout(timeout)
        .method(request.method(), request.hasBody() ? BodyPublishers.ofByteArray(request.body()) : BodyPublishers.noBody());
    Set<String> skipped = skippedHeaders(request.headers().get("Connection"));
    request.headers().forEach((name, values) -> {
      if (!skipped.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> out.header(name, value));
      }
    });
    java.net.http.HttpResponse<byte[]> answer = client.send(out.build(), BodyHandlers.ofByteArray());
    Set<String> skippedBack = skippedHeaders(answer.headers().allValues("Connection"));
    Map<String, String> headers = new LinkedHashMap<>();
    answer.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":") && !skippedBack.contains(name.toLowerCase(Locale.ROOT))) {
        // The neutral response holds one value per header; the four APIs send no repeated headers.
        headers.put(name, String.join(", ", values));
      }
    });
    return new HttpResponse(answer.statusCode(), headers, answer.body());
  }

  private static Set<String> skippedHeaders(List<String> connection) {
    Set<String> skipped = new HashSet<>(HOP_BY_HOP);
    skipped.addAll(SET_BY_CLIENT);
    if (connection != null) {
      for (String value : connection) {
        for (String token : value.split(",")) {
          skipped.add(token.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return skipped;
  }

  /** The upstream origin (and any path prefix it has) followed by the request's path and query, re-encoded. */
  static URI target(URI upstream, HttpRequest request) {
    String base = upstream.toString().replaceAll("/+$", "");
    String path;
    try {
      path = new URI(null, null, request.path(), null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Path cannot be forwarded: " + request.path(), e);
    }
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    request.query().forEach((name, values) -> values.forEach(value ->
        query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
    return URI.create(base + path + query);
  }
}

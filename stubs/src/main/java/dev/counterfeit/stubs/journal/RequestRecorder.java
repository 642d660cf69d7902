package dev.counterfeit.stubs.journal;

import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * Records every request to the vendors' APIs in a {@link RequestLog}, with its final status and duration.
 * The fake's own endpoints ({@code /__counterfeit/...}) are left out: the dashboard polls them, and its polls
 * would push the requests people look for out of the log.
 */
public final class RequestRecorder implements HttpHandler {
  private final RequestLog log;
  private final String skipPrefix;
  private final UnaryOperator<String> vendorOf;
  private final Clock clock;
  private final HttpHandler next;

  /**
   * @param skipPrefix paths under it are not recorded
   * @param vendorOf the vendor a path belongs to, or null
   */
  public RequestRecorder(RequestLog log, String skipPrefix, UnaryOperator<String> vendorOf, Clock clock,
      HttpHandler next) {
    this.log = log;
    this.skipPrefix = skipPrefix;
    this.vendorOf = vendorOf;
    this.clock = clock;
    this.next = next;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    if (request.path().startsWith(skipPrefix)) {
      return next.handle(request);
    }
    long sequence = log.claim();
    java.time.Instant time = clock.instant();
    long start = System.nanoTime();
    HttpResponse response = next.handle(request);
    long durationMs = (System.nanoTime() - start) / 1_000_000;
    log.add(new LoggedRequest(sequence, time, request.method(), pathWithQuery(request), response.status(), durationMs,
        vendorOf.apply(request.path())));
    return response;
  }

  private static String pathWithQuery(HttpRequest request) {
    if (request.query().isEmpty()) {
      return request.path();
    }
    StringBuilder out = new StringBuilder(request.path()).append('?');
    request.query().forEach((name, values) -> values.forEach(value -> {
      if (out.charAt(out.length() - 1) != '?') {
        out.append('&');
      }
      out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }));
    return out.toString();
  }
}

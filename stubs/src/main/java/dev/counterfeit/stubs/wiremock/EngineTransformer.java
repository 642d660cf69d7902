package dev.counterfeit.stubs.wiremock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place WireMock meets the engine: every request the catch-all stub matches is converted to the
 * neutral {@link HttpRequest}, answered by the handler, and the answer converted back.
 */
final class EngineTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "counterfeit-engine";

  private final HttpHandler handler;

  EngineTransformer(HttpHandler handler) {
    this.handler = handler;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    HttpResponse response = handler.handle(toRequest(serveEvent.getRequest()));
    if (response.dropsConnection()) {
      return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    List<HttpHeader> headers = new ArrayList<>();
    response.headers().forEach((name, value) -> headers.add(new HttpHeader(name, value)));
    return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
        .withStatus(response.status())
        .withHeaders(new HttpHeaders(headers))
        .withBody(response.body())
        .build();
  }

  static HttpRequest toRequest(Request request) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (HttpHeader header : request.getHeaders().all()) {
      headers.put(header.key(), header.values());
    }
    return toRequest(request.getMethod().getName(), request.getUrl(), headers, request.getBody());
  }

  /**
   * The neutral request for a raw target ({@code /path?query}, still percent-encoded); {@code headers} must be
   * case-insensitive, as HttpRequest keeps the map instead of copying it.
   */
  static HttpRequest toRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {
    URI uri = URI.create(target);
    Map<String, List<String>> query = new LinkedHashMap<>();
    String rawQuery = uri.getRawQuery();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new HttpRequest(method, uri.getPath() == null ? "/" : uri.getPath(), query, headers, body);
  }

  /** Decodes a query component; a malformed escape ({@code %zz}) is kept as sent for validation to judge. */
  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}

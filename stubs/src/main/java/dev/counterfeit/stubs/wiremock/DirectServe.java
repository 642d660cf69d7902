package dev.counterfeit.stubs.wiremock;

import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import java.io.IOException;
import java.net.Socket;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.io.EndPoint;
import wiremock.org.eclipse.jetty.io.SocketChannelEndPoint;
import wiremock.org.eclipse.jetty.server.Request;

/**
 * Hands a request straight from the servlet to the handler when WireMock's journal is off. With the catch-all
 * stub every request would otherwise pay for WireMock's stub matching, serve event and listeners only to reach
 * the same handler, which is a third of a GET's time. {@code /__admin} still goes to WireMock.
 */
final class DirectServe implements Filter {
  private static final String ADMIN = "/__admin";

  private final HttpHandler handler;

  DirectServe(HttpHandler handler) {
    this.handler = handler;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)
        || http.getRequestURI().startsWith(ADMIN)) {
      chain.doFilter(request, response);
      return;
    }
    String query = http.getQueryString();
    String url = query == null ? http.getRequestURI() : http.getRequestURI() + "?" + query;
    HttpResponse answer = handler.handle(EngineTransformer.toRequest(http.getMethod(), url, headers(http), body(http)));
    if (answer.dropsConnection()) {
      reset(http);
      return;
    }
    out.setStatus(answer.status());
    answer.headers().forEach(out::setHeader);
    out.setContentLength(answer.body().length);
    out.getOutputStream().write(answer.body());
  }

  private static Map<String, List<String>> headers(HttpServletRequest http) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Enumeration<String> names = http.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      headers.put(name, Collections.list(http.getHeaders(name)));
    }
    return headers;
  }

  /** The body {@link RequestLimits} read (gzip already undone), or read here when it did not run. */
  private static byte[] body(HttpServletRequest http) throws IOException {
    byte[] buffered = RequestLimits.bufferedBody(http);
    return buffered != null ? buffered : http.getInputStream().readAllBytes();
  }

  /** Drops the connection with a TCP reset, as a forced network failure asks. */
  private static void reset(HttpServletRequest http) throws IOException {
    Request base = Request.getBaseRequest(http);
    EndPoint endPoint = base == null ? null : base.getHttpChannel().getEndPoint();
    if (endPoint instanceof SocketChannelEndPoint channel) {
      Socket raw = channel.getChannel().socket();
      raw.setSoLinger(true, 0);
      raw.close();
    } else if (endPoint != null) {
      endPoint.close();
    }
  }
}

package dev.counterfeit.stubs.wiremock;

import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;

/** Moves refusals between the servlet API and the neutral request and response types. */
final class ServletExchange {
  private ServletExchange() {}

  /** Method, raw path and headers of a servlet request, without its body or query (enough to pick an envelope). */
  static HttpRequest head(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    String method = request.getMethod() == null ? "GET" : request.getMethod();
    String path = request.getRequestURI() == null ? "/" : request.getRequestURI();
    return new HttpRequest(method, path, Map.of(), headers, null);
  }

  /** Writes an answer; the connection is closed after it when the request's body was not read. */
  static void write(HttpResponse answer, HttpServletResponse response, boolean close) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.reset();
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    if (close) {
      response.setHeader("Connection", "close");
    }
    response.setContentLength(answer.body().length);
    response.getOutputStream().write(answer.body());
    response.flushBuffer();
  }
}

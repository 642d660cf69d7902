package dev.counterfeit.stubs.wiremock;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * WireMock decodes the query string while logging a request and fails with a 500 (and a stack trace) on a
 * malformed escape such as {@code ?page=%zz}. This filter escapes such a stray {@code %} first, so the engine
 * receives the text as sent and answers with the vendor's own 400.
 */
final class QueryEscapeRepair implements Filter {
  /** A {@code %} not followed by two hex digits. */
  private static final Pattern STRAY_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && http.getQueryString() != null
        && STRAY_PERCENT.matcher(http.getQueryString()).find()) {
      String repaired = STRAY_PERCENT.matcher(http.getQueryString()).replaceAll(Matcher.quoteReplacement("%25"));
      chain.doFilter(new HttpServletRequestWrapper(http) {
        @Override
        public String getQueryString() {
          return repaired;
        }
      }, response);
      return;
    }
    chain.doFilter(request, response);
  }
}

package dev.counterfeit.stubs.wiremock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Jetty accepts request targets that {@link java.net.URI} does not: a raw {@code {id}}, {@code |} or
 * {@code [} in the path, a stray {@code %} in the query. WireMock builds a {@code URI} from the target and fails
 * with a 500 (and a stack trace) on them. This filter percent-encodes such characters first, so the engine
 * receives the text as sent and answers with the vendor's own 404 or 400.
 */
final class RequestTargetRepair implements Filter {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http) {
      String uri = http.getRequestURI();
      String query = http.getQueryString();
      String fixedUri = uri == null ? null : escape(uri, false);
      String fixedQuery = query == null ? null : escape(query, true);
      if (fixedUri != uri || fixedQuery != query) {
        chain.doFilter(new HttpServletRequestWrapper(http) {
          @Override
          public String getRequestURI() {
            return fixedUri;
          }

          @Override
          public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            int path = url.indexOf("/", url.indexOf("//") + 2);
            return url.replace(path < 0 ? url.length() : path, url.length(), fixedUri);
          }

          @Override
          public String getQueryString() {
            return fixedQuery;
          }
        }, response);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * The text with every character RFC 3986 does not allow there percent-encoded (as UTF-8), and every
   * {@code %} not followed by two hex digits encoded as {@code %25}; the same instance when nothing changed.
   */
  static String escape(String text, boolean query) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      boolean keep = c == '%' ? isHex(text, i + 1) && isHex(text, i + 2) : allowed(c, query);
      if (!keep && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (keep) {
        if (out != null) {
          out.appendCodePoint(c);
        }
      } else {
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
      }
      i += width;
    }
    return out == null ? text : out.toString();
  }

  private static boolean allowed(int c, boolean query) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0 || query && c == '?';
  }

  private static boolean isHex(String text, int at) {
    if (at >= text.length()) {
      return false;
    }
    char c = text.charAt(at);
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}

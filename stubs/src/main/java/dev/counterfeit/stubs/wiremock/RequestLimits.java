package dev.counterfeit.stubs.wiremock;

import dev.counterfeit.stubs.http.Limits;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ReadListener;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletInputStream;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletRequestWrapper;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.BadMessageException;
import wiremock.org.eclipse.jetty.http.HttpField;
import wiremock.org.eclipse.jetty.server.Request;

/**
 * Enforces the documented {@link Limits} before WireMock reads anything, and reads the body itself: a body
 * over the limit is a 413, one that cannot be read (broken chunked encoding, cut short, too slow) a 400 or
 * 408, all in the vendor's envelope. WireMock then gets the body from memory, already un-gzipped within the
 * limit, so a small compressed bomb cannot grow in its hands.
 */
final class RequestLimits implements Filter {
  private static final byte[] EMPTY = new byte[0];
  private final Limits limits;
  private final Refusals refusals;

  RequestLimits(Limits limits, Refusals refusals) {
    this.limits = limits;
    this.refusals = refusals;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)) {
      chain.doFilter(request, response);
      return;
    }
    Problem problem = sizeProblem(http);
    if (problem != null) {
      refuse(http, out, problem);
      return;
    }
    boolean gzip = "gzip".equalsIgnoreCase(trim(http.getHeader("Content-Encoding")));
    byte[] body;
    try {
      body = read(http.getInputStream(), http.getContentLengthLong(), gzip);
    } catch (TooLarge e) {
      refuse(http, out, Problem.of(ProblemKind.PAYLOAD_TOO_LARGE, tooLarge()));
      return;
    } catch (ZipException e) {
      refuse(http, out, Problem.of(ProblemKind.MALFORMED_BODY, "The body says Content-Encoding: gzip but is not gzip data."));
      return;
    } catch (IOException | RuntimeException e) {
      refuse(http, out, unreadable(e));
      return;
    }
    String type = http.getContentType();
    if (type != null && type.toLowerCase(Locale.ROOT).contains("json") && !wellFormedUtf8(body)) {
      // JSON is UTF-8 (RFC 8259); Jackson would read an overlong "/" (C0 AF) as a slash.
      refuse(http, out, Problem.of(ProblemKind.MALFORMED_BODY, "The request body is not valid UTF-8."));
      return;
    }
    chain.doFilter(new BufferedRequest(http, body, gzip), response);
  }

  /** Whether the bytes are UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates, nothing past U+10FFFF. */
  static boolean wellFormedUtf8(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int length;
      int min;
      if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
        min = 0x80;
      } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        min = 0x800;
      } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + length > bytes.length) {
        return false;
      }
      int code = b & (0xFF >> (length + 1));
      for (int k = 1; k < length; k++) {
        int next = bytes[i + k] & 0xFF;
        if ((next & 0xC0) != 0x80) {
          return false;
        }
        code = (code << 6) | (next & 0x3F);
      }
      if (code < min || code > 0x10FFFF || code >= 0xD800 && code <= 0xDFFF) {
        return false;
      }
      i += length;
    }
    return true;
  }

  private Problem sizeProblem(HttpServletRequest http) {
    String query = http.getQueryString();
    long target = http.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    if (target > limits.maxUriBytes()) {
      return Problem.of(ProblemKind.URI_TOO_LONG, "The request target is " + target + " bytes long; at most "
          + limits.maxUriBytes() + " are accepted.");
    }
    long headers = 0;
    // Jetty's own fields (this filter runs first, on Jetty's request): no name set or value list per request.
    for (HttpField field : Request.getBaseRequest(http).getHttpFields()) {
      headers += field.getName().length() + (field.getValue() == null ? 0 : field.getValue().length()) + 4;
    }
    if (headers > limits.maxHeaderBytes()) {
      return Problem.of(ProblemKind.HEADERS_TOO_LARGE, "The request headers are " + headers + " bytes; at most "
          + limits.maxHeaderBytes() + " are accepted.");
    }
    if (http.getContentLengthLong() > limits.maxBodyBytes()) {
      return Problem.of(ProblemKind.PAYLOAD_TOO_LARGE, tooLarge());
    }
    return null;
  }

  private String tooLarge() {
    return "The request body is larger than " + limits.maxBodyBytes() + " bytes.";
  }

  private static Problem unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadMessageException bad && bad.getCode() == 408
          || t instanceof java.util.concurrent.TimeoutException) {
        return Problem.of(ProblemKind.REQUEST_TIMEOUT, "The request body did not arrive in time.");
      }
    }
    return Problem.of(ProblemKind.MALFORMED_BODY,
        "The request body could not be read: it was cut short or its chunked encoding is broken.");
  }

  private void refuse(HttpServletRequest http, HttpServletResponse out, Problem problem) throws IOException {
    // Over HTTP/1.1 the unread rest of a refused body is not worth draining: closing the connection is what
    // proxies do. HTTP/2 multiplexes, so the connection stays; clients such as Java's wait until their body is
    // sent before they read an answer, so the rest is read and dropped, up to a bound.
    boolean http1 = String.valueOf(http.getProtocol()).startsWith("HTTP/1");
    if (!http1) {
      drain(http);
    }
    ServletExchange.write(refusals.refuse(ServletExchange.head(http), problem), out, http1);
  }

  private void drain(HttpServletRequest http) {
    long budget = 16L * limits.maxBodyBytes();
    byte[] buffer = new byte[65536];
    try {
      InputStream in = http.getInputStream();
      int n;
      while (budget > 0 && (n = in.read(buffer)) >= 0) {
        budget -= n;
      }
    } catch (IOException | RuntimeException e) {
      // Nothing more to drain.
    }
  }

  private byte[] read(InputStream raw, long declared, boolean gzip) throws IOException {
    byte[] wire = declared >= 0 && declared <= limits.maxBodyBytes() ? exactly(raw, (int) declared)
        : readAtMost(raw, limits.maxBodyBytes());
    if (!gzip || wire.length == 0) {
      return wire;
    }
    try (InputStream inflated = new GZIPInputStream(new ByteArrayInputStream(wire))) {
      return readAtMost(inflated, limits.maxBodyBytes());
    }
  }

  /** A body of a declared length, read into one array of that size (most requests: no buffer, no copy). */
  private static byte[] exactly(InputStream in, int length) throws IOException {
    if (length == 0) {
      return EMPTY;
    }
    byte[] body = new byte[length];
    if (in.readNBytes(body, 0, length) < length) {
      throw new EOFException("the body ended before its Content-Length");
    }
    return body;
  }

  /** A body of unknown length (chunked, or none at all as in most GETs, which cost one read here). */
  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    int first = in.read();
    if (first < 0) {
      return EMPTY;
    }
    if (max < 1) {
      throw new TooLarge();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(first);
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      if (out.size() + n > max) {
        throw new TooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static String trim(String value) {
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }

  /** The body was over the limit; thrown only between {@link #readAtMost} and its caller. */
  private static final class TooLarge extends IOException {
    TooLarge() {
      super("over the body limit");
    }
  }

  /** The body this filter read, found through any wrapper a later filter added; null when it did not run. */
  static byte[] bufferedBody(ServletRequest request) {
    for (ServletRequest r = request; ; r = ((ServletRequestWrapper) r).getRequest()) {
      if (r instanceof BufferedRequest buffered) {
        return buffered.body;
      }
      if (!(r instanceof ServletRequestWrapper)) {
        return null;
      }
    }
  }

  /** The request with its body served from memory, and without the gzip encoding already undone. */
  private static final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;
    private final boolean hideEncoding;

    BufferedRequest(HttpServletRequest request, byte[] body, boolean hideEncoding) {
      super(request);
      this.body = body;
      this.hideEncoding = hideEncoding;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("The body is already in memory");
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getHeader(String name) {
      return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      if (!hideEncoding) {
        return super.getHeaderNames();
      }
      List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
      names.removeIf(this::hidden);
      return Collections.enumeration(names);
    }

    private boolean hidden(String name) {
      return hideEncoding && name.equalsIgnoreCase("Content-Encoding");
    }
  }
}

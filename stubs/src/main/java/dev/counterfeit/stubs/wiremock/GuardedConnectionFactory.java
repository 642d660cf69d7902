package dev.counterfeit.stubs.wiremock;

import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemKind;
import java.util.Locale;
import java.util.Map;
import wiremock.org.eclipse.jetty.http.BadMessageException;
import wiremock.org.eclipse.jetty.http.HttpVersion;
import wiremock.org.eclipse.jetty.io.Connection;
import wiremock.org.eclipse.jetty.io.EndPoint;
import wiremock.org.eclipse.jetty.server.Connector;
import wiremock.org.eclipse.jetty.server.HttpChannelOverHttp;
import wiremock.org.eclipse.jetty.server.HttpConfiguration;
import wiremock.org.eclipse.jetty.server.HttpConnection;
import wiremock.org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * HTTP/1.1 connections whose parse errors are answered in the vendor's words. Jetty's parser refuses some
 * requests before any servlet runs (a request line or header block over its cap, a target it cannot decode,
 * broken framing); each connection remembers the request line it read, so the answer can still come in the
 * envelope of the API the path names. Parse errors Jetty rates 5xx (an unknown HTTP version, say) are the
 * client's fault and answered 400.
 */
final class GuardedConnectionFactory extends HttpConnectionFactory {
  private final Refusals refusals;

  GuardedConnectionFactory(HttpConfiguration config, Refusals refusals) {
    super(config);
    this.refusals = refusals;
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint,
        isRecordHttpComplianceViolations()) {
      @Override
      protected HttpChannelOverHttp newHttpChannel() {
        return new GuardedChannel(this, connector, getHttpConfiguration(), endPoint, refusals);
      }
    };
    connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
    connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
    return configure(connection, connector, endPoint);
  }

  private static final class GuardedChannel extends HttpChannelOverHttp {
    private final Refusals refusals;
    private String method;
    private String target;
    /** Whether the target itself failed to parse (a bad percent escape, an encoded NUL). */
    private boolean badTarget;

    GuardedChannel(HttpConnection connection, Connector connector, HttpConfiguration config, EndPoint endPoint,
        Refusals refusals) {
      super(connection, connector, config, endPoint, connection);
      this.refusals = refusals;
    }

    @Override
    public void startRequest(String method, String target, HttpVersion version) {
      this.method = method;
      this.target = target;
      if ("CONNECT".equalsIgnoreCase(method)) {
        // Jetty would start a tunnel and wait for it; no vendor API proxies.
        throw new BadMessageException(405, "CONNECT is not supported");
      }
      try {
        super.startRequest(method, target, version);
      } catch (RuntimeException e) {
        badTarget = true;
        throw e;
      }
    }

    @Override
    public void recycle() {
      method = null;
      target = null;
      badTarget = false;
      super.recycle();
    }

    @Override
    public void onBadMessage(BadMessageException failure) {
      HttpResponse answer;
      try {
        answer = refusals.refuse(new HttpRequest(method == null ? "GET" : method, path(target), Map.of(), Map.of(), null),
            problem(failure));
      } catch (RuntimeException e) {
        answer = JsonErrorHandler.plain(400, "The request is not valid HTTP.");
      }
      int status = answer.status();
      HttpResponse prepared = answer;
      JsonErrorHandler.answering(prepared,
          () -> super.onBadMessage(new BadMessageException(status, failure.getReason(), failure)));
    }

    private Problem problem(BadMessageException failure) {
      String line = "\"" + method + " " + target + "\"";
      return switch (failure.getCode()) {
        case 405 -> Problem.of(ProblemKind.METHOD_NOT_ALLOWED, "The " + method + " method is not supported.");
        case 408 -> Problem.of(ProblemKind.REQUEST_TIMEOUT, "The request did not arrive in time.");
        case 413 -> Problem.of(ProblemKind.PAYLOAD_TOO_LARGE, "The request body is too large.");
        case 414 -> Problem.of(ProblemKind.URI_TOO_LONG, "The request target is too long.");
        case 431 -> Problem.of(ProblemKind.HEADERS_TOO_LARGE, "The request headers are too large.");
        default -> target != null && (badTarget || String.valueOf(failure.getReason()).toLowerCase(Locale.ROOT).contains("uri"))
            ? Problem.of(ProblemKind.NO_ROUTE, "No route found for " + line + ": the path is not a valid URI.")
            : Problem.of(ProblemKind.MALFORMED_BODY, "The request is not valid HTTP/1.1.");
      };
    }

    /** The path part of a raw request target, or null when none was read (the vendor is then unknown). */
    private static String path(String target) {
      if (target == null || target.isEmpty()) {
        return null;
      }
      int query = target.indexOf('?');
      return query < 0 ? target : target.substring(0, query);
    }
  }
}

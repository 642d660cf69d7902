package dev.counterfeit.stubs.wiremock;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import wiremock.jakarta.servlet.RequestDispatcher;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.BadMessageException;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Replaces Jetty's HTML error pages (which name the Java exception) with JSON: the vendor's envelope when the
 * path names one, plain {@code {"error", "status"}} otherwise. Never a stack trace, never a class name.
 */
final class JsonErrorHandler extends ErrorHandler {
  /** The answer a connection prepared for the bad message it is about to send on this thread. */
  private static final ThreadLocal<HttpResponse> PREPARED = new ThreadLocal<>();

  private final Refusals refusals;

  JsonErrorHandler(Refusals refusals) {
    this.refusals = refusals;
  }

  /** Runs {@code send} so that the error body Jetty asks for during it is {@code answer}. */
  static void answering(HttpResponse answer, Runnable send) {
    PREPARED.set(answer);
    try {
      send.run();
    } finally {
      PREPARED.remove();
    }
  }

  /** Errors raised while a servlet ran: an exception escaping WireMock, or a status Jetty set itself. */
  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    HttpResponse answer = refusals.refuse(ServletExchange.head(request), problem(response.getStatus(), failure));
    ServletExchange.write(answer, response, false);
    baseRequest.setHandled(true);
  }

  /** Errors found while parsing, before any request object exists (Jetty sends the status itself). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    HttpResponse answer = PREPARED.get();
    if (answer == null || answer.status() != status) {
      answer = plain(status, "The request is not valid HTTP.");
    }
    answer.headers().forEach(fields::put);
    return ByteBuffer.wrap(answer.body());
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  static HttpResponse plain(int status, String detail) {
    return HttpResponse.json(status, "application/json",
        JsonNodeFactory.instance.objectNode().put("error", detail).put("status", status));
  }

  private static Problem problem(int status, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BadMessageException bad) {
        status = bad.getCode();
        break;
      }
      if (t instanceof IOException) {
        return Problem.of(ProblemKind.MALFORMED_BODY, "The request body could not be read.");
      }
    }
    return switch (status) {
      case 400 -> Problem.of(ProblemKind.MALFORMED_BODY, "The request could not be read.");
      case 404 -> Problem.of(ProblemKind.NO_ROUTE, "No route found.");
      case 405 -> Problem.of(ProblemKind.METHOD_NOT_ALLOWED, "The method is not supported for this route.");
      case 408 -> Problem.of(ProblemKind.REQUEST_TIMEOUT, "The request did not arrive in time.");
      case 413 -> Problem.of(ProblemKind.PAYLOAD_TOO_LARGE, "The request body is too large.");
      case 414 -> Problem.of(ProblemKind.URI_TOO_LONG, "The request target is too long.");
      case 415 -> Problem.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "The content type is not supported.");
      case 431 -> Problem.of(ProblemKind.HEADERS_TOO_LARGE, "The request headers are too large.");
      default -> Problem.of(ProblemKind.INTERNAL, "Internal server error.");
    };
  }
}

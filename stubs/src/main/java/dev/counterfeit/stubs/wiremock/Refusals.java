package dev.counterfeit.stubs.wiremock;

import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.problem.Problem;

/**
 * Answers a request the server refuses before the engine sees it (too large, unreadable, not valid HTTP), in
 * the envelope of the API its path names, or as plain JSON when it names none. Never throws.
 */
@FunctionalInterface
public interface Refusals {
  /**
   * @param request what could be read of the request: method and raw path at least, headers when parsed
   */
  HttpResponse refuse(HttpRequest request, Problem problem);
}

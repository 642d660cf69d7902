package dev.counterfeit.stubs.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.action.ListPage;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemAnswers;
import dev.counterfeit.stubs.response.AnswerContext;
import dev.counterfeit.openapi.model.Operation;
import java.util.Optional;

/**
 * What makes one vendor's API itself beyond its spec: the shape of its envelopes and errors, and the few rules no
 * schema can state. Everything else (routes, security, limits, validation, paging, where the payload sits, how
 * references read, inferred fields, storage, the status, code and message of each error) the engine takes from
 * the spec.
 *
 * <p>The engine calls it from two steps only: acting ({@link #wrapList}, {@link #wrapItem}, {@link #present},
 * {@link #handler}) and answering ({@link #render}, {@link #decorate}).
 *
 * <p>Profiles are found with {@link java.util.ServiceLoader}; adding a vendor means a spec in
 * {@code openapi/<id>.yaml}, one implementation of this interface, and its seed and message files in
 * {@code dev/counterfeit/stubs/profile/<id>/}.
 */
public interface VendorProfile {

  /** The vendor id; the spec is {@code openapi/<id>.yaml}. */
  String id();

  /** The list envelope around one page (its item array where the spec's {@code x-counterfeit-envelope} says). */
  JsonNode wrapList(ListPage page);

  /** The envelope around a single projected item; bare by default. */
  default JsonNode wrapItem(JsonNode item, Operation operation) {
    return item;
  }

  /**
   * The vendor's error answer for a problem, in the request's language where the vendor localises. Never throws.
   * The status, error code and fixed message are the spec's ({@code answers.of(problem)}); the profile only
   * puts them into its envelope.
   *
   * @param answers what the vendor's spec answers each kind of problem ({@code x-counterfeit-problems})
   */
  HttpResponse render(Problem problem, ProblemAnswers answers, HttpRequest request);

  /**
   * A projected item about to be answered, with the record it came from (localised names, say).
   *
   * @param item the projected item, which the profile may return changed
   */
  default JsonNode present(JsonNode item, ObjectNode record, HttpRequest request) {
    return item;
  }

  /** The implementation of an {@code x-counterfeit-handler}. */
  default Optional<CustomHandler> handler(String name) {
    return Optional.empty();
  }

  /** Headers every answer of this vendor carries (request ids, rate-limit counters). */
  default HttpResponse decorate(HttpResponse response, AnswerContext context) {
    return response;
  }
}

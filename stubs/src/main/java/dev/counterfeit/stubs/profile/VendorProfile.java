package dev.counterfeit.stubs.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.openapi.model.Action;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.stubs.validation.ValidationReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes one vendor's API itself, beyond its spec: envelopes, pagination, error shapes and rules no
 * schema can state. Everything else (routes, validation, storage) the engine derives from the spec.
 *
 * <p>Profiles are found with {@link java.util.ServiceLoader}; adding a vendor means a spec in
 * {@code openapi/<id>.yaml}, one implementation of this interface, and its seed and message files in
 * {@code dev/counterfeit/stubs/profile/<id>/}.
 */
public interface VendorProfile {

  /** The vendor id; the spec is {@code openapi/<id>.yaml}. */
  String id();

  /** Where a single item sits inside a success answer's schema, as property names ({@code ["data"]}). */
  default List<String> itemPath(Action action) {
    return List.of();
  }

  /** Where the item array sits inside a list answer's schema ({@code ["data"]}, {@code ["hydra:member"]}). */
  List<String> listPath();

  /** Which slice of a list the typed query parameters ask for. */
  PageRequest page(Map<String, JsonNode> params);

  /** The list envelope around one page. */
  JsonNode wrapList(ListPage page);

  /** The envelope around a single projected item; bare by default. */
  default JsonNode wrapItem(JsonNode item, Operation operation) {
    return item;
  }

  /** The vendor's error answer for a problem, in the request's language where the vendor localises. Never throws. */
  HttpResponse render(Problem problem, HttpRequest request);

  /**
   * A projected item about to be answered, with the record it came from (localised names, say).
   *
   * @param item the projected item, which the profile may return changed
   */
  default JsonNode present(JsonNode item, com.fasterxml.jackson.databind.node.ObjectNode record, HttpRequest request) {
    return item;
  }

  /** The stored id a reference value points at ({@code "/clients/12"} → {@code "12"} for IRIs). */
  default String refToId(String collection, JsonNode value) {
    return value.asText();
  }

  /**
   * Whether a body that is not JSON, or not in an accepted media type, is read as an empty form instead of
   * refused (Laravel does this, so its answer is a 422 listing the required fields).
   */
  default boolean readsBadBodyAsEmpty() {
    return false;
  }

  /** Rules on a record about to be written (inferred fields, cross-field checks). */
  default ValidationReport beforeWrite(WriteContext context) {
    return ValidationReport.empty();
  }

  /** The implementation of an {@code x-counterfeit-handler}. */
  default Optional<CustomHandler> handler(String name) {
    return Optional.empty();
  }

  /** Wraps acting on a valid request (an idempotency cache answers retries without acting again). */
  default HttpResponse intercept(Exchange exchange) {
    return exchange.proceed();
  }

  /** Headers every answer of this vendor carries (request ids, rate-limit counters). */
  default HttpResponse decorate(HttpResponse response, AnswerContext context) {
    return response;
  }

  /**
   * The account a {@code per: account} rate limit counts for this request (a login's e-mail), or null when
   * the request names none.
   */
  default String accountOf(Operation operation, HttpRequest request) {
    return null;
  }
}

package dev.counterfeit.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request of a case, as far as it can be known without a server: ids of items and credentials are
 * filled in by the executor ({@link Slot}, {@link Target}, {@link Credentials}).
 *
 * @param query query parameters
 * @param headers header parameters other than credentials
 * @param contentType the Content-Type to send, or null for none
 * @param body the JSON body, or null (see {@code rawBody})
 * @param rawBody a body sent as text instead of {@code body} (malformed JSON), or null
 * @param slots places in {@code body} filled at run time
 * @param credentials how to authenticate
 * @param target which item the path parameter names
 * @param unknownId the id sent with {@link Target#UNKNOWN}
 * @param seed for {@link Target#FRESH}: the create body of the fresh item, or null for the default one
 * @param seedSlots the slots of {@code seed}
 */
public record CaseRequest(
    Map<String, String> query,
    Map<String, String> headers,
    String contentType,
    JsonNode body,
    String rawBody,
    List<Slot> slots,
    Credentials credentials,
    Target target,
    String unknownId,
    JsonNode seed,
    List<Slot> seedSlots) {

  public CaseRequest {
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    slots = List.copyOf(slots);
    seedSlots = seedSlots == null ? List.of() : List.copyOf(seedSlots);
  }

  /** A request with no body, valid credentials and the given target. */
  public static CaseRequest empty(Target target) {
    return new CaseRequest(Map.of(), Map.of(), null, null, null, List.of(), Credentials.VALID, target, null, null, null);
  }

  public CaseRequest withQuery(Map<String, String> value) {
    return new CaseRequest(value, headers, contentType, body, rawBody, slots, credentials, target, unknownId, seed, seedSlots);
  }

  public CaseRequest withHeaders(Map<String, String> value) {
    return new CaseRequest(query, value, contentType, body, rawBody, slots, credentials, target, unknownId, seed, seedSlots);
  }

  public CaseRequest withBody(String mediaType, JsonNode value, List<Slot> valueSlots) {
    return new CaseRequest(query, headers, mediaType, value, null, valueSlots, credentials, target, unknownId, seed, seedSlots);
  }

  public CaseRequest withRawBody(String mediaType, String text) {
    return new CaseRequest(query, headers, mediaType, null, text, List.of(), credentials, target, unknownId, seed, seedSlots);
  }

  public CaseRequest withContentType(String mediaType) {
    return new CaseRequest(query, headers, mediaType, body, rawBody, slots, credentials, target, unknownId, seed, seedSlots);
  }

  public CaseRequest withCredentials(Credentials value) {
    return new CaseRequest(query, headers, contentType, body, rawBody, slots, value, target, unknownId, seed, seedSlots);
  }

  public CaseRequest withTarget(Target value, String id) {
    return new CaseRequest(query, headers, contentType, body, rawBody, slots, credentials, value, id, seed, seedSlots);
  }

  public CaseRequest withSeed(JsonNode value, List<Slot> valueSlots) {
    return new CaseRequest(query, headers, contentType, body, rawBody, slots, credentials, target, unknownId, value, valueSlots);
  }
}

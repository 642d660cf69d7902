package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import java.util.List;

/**
 * One operation parameter with its compiled schema.
 *
 * @param required whether a request must carry it (always for a path parameter)
 * @param schemaPointer the concrete JSON pointer of its schema
 * @param schemaNode that schema as JSON
 * @param schema that schema compiled
 * @param example the parameter's {@code example}, or null
 * @param filterFields fields an {@code x-counterfeit-filter} matches against (empty when it is no filter)
 * @param filterExact whether the filter compares whole values instead of substrings
 * @param sortRole "field", "direction" or null
 * @param idempotency what answers to a request carrying this header say about replays
 *     ({@code x-counterfeit-idempotency}), or null when the parameter is no idempotency key
 */
public record Parameter(
    String name,
    In in,
    boolean required,
    String schemaPointer,
    JsonNode schemaNode,
    Schema schema,
    JsonNode example,
    List<String> filterFields,
    boolean filterExact,
    String sortRole,
    Idempotency idempotency) {

  /**
   * A header parameter that makes a write idempotent: answers echo the key and say in {@code answerHeader}
   * whether they are the {@code original} answer or a {@code replayed} one.
   */
  public record Idempotency(String answerHeader, String original, String replayed) {
    static Idempotency read(String parameter, JsonNode node) {
      if (node == null) {
        return null;
      }
      String header = node.path("answer-header").asText("");
      String original = node.path("original").asText("");
      String replayed = node.path("replayed").asText("");
      if (header.isEmpty() || original.isEmpty() || replayed.isEmpty()) {
        throw new SpecException("x-counterfeit-idempotency on " + parameter
            + " needs answer-header, original and replayed");
      }
      return new Idempotency(header, original, replayed);
    }
  }

  /** Where a parameter travels; cookie parameters are not read (none of the vendors uses them). */
  public enum In { PATH, QUERY, HEADER }

  /** The JSON type the string form is coerced to before validation. */
  public String jsonType() {
    return SchemaNodes.primaryType(schemaNode);
  }
}

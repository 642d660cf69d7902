package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import java.util.List;

/**
 * One operation parameter with its compiled schema.
 *
 * @param filterFields fields an {@code x-counterfeit-filter} matches against (empty when it is no filter)
 * @param filterExact whether the filter compares whole values instead of substrings
 * @param sortRole "field", "direction" or null
 */
public record Parameter(
    String name,
    In in,
    boolean required,
    JsonNode schemaNode,
    Schema schema,
    List<String> filterFields,
    boolean filterExact,
    String sortRole) {

  /** Where a parameter travels. */
  public enum In { PATH, QUERY, HEADER }

  /** The JSON type the string form is coerced to before validation. */
  public String jsonType() {
    return SchemaNodes.primaryType(schemaNode);
  }
}

package dev.counterfeit.stubs.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The outcome of checking a request against its operation: valid with typed values, or why not. */
public sealed interface RequestCheck {

  /**
   * A valid request.
   *
   * @param params every declared parameter that was sent or has a default, typed per its schema
   * @param body the parsed body, or null when none was sent
   */
  record Valid(Map<String, JsonNode> params, JsonNode body) implements RequestCheck {}

  /** Values that break the schema. */
  record Invalid(ValidationReport report) implements RequestCheck {}

  /** A body in a media type the operation does not take. */
  record UnsupportedMediaType(String sent, List<String> accepted) implements RequestCheck {}

  /** A body that is not JSON. */
  record Malformed(String detail) implements RequestCheck {}
}

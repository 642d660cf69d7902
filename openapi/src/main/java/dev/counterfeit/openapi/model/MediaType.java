package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;

/**
 * One media type of a request body or a response, with its schema compiled.
 *
 * @param name the media type, lower case ({@code application/merge-patch+json})
 * @param schemaPointer the concrete JSON pointer of its schema, or null when the spec gives the media type no schema
 * @param schemaNode that schema as JSON (a missing node when there is none)
 * @param schema that schema compiled, or null when there is none
 */
public record MediaType(String name, String schemaPointer, JsonNode schemaNode, Schema schema) {

  /** Whether the spec says what the body looks like. */
  public boolean hasSchema() {
    return schemaPointer != null;
  }
}

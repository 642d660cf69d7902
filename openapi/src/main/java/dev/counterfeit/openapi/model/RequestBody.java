package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An operation's request body.
 *
 * @param required whether a request must carry one
 * @param content every accepted media type (lower case) in document order
 * @param examples the example values of every media type ({@code example}, {@code examples.*.value}), each
 *     once, in document order
 */
public record RequestBody(boolean required, Map<String, MediaType> content, List<JsonNode> examples) {

  /** The accepted media types in document order. */
  public List<String> mediaTypes() {
    return List.copyOf(content.keySet());
  }

  /** The media type a client sends by default: {@code application/json} when accepted, else the first listed. */
  public String mediaType() {
    return content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
  }

  /** The concrete pointer of the schema of {@link #mediaType()}. */
  public String schemaPointer() {
    return content.get(mediaType()).schemaPointer();
  }

  /** The schema of {@link #mediaType()} as JSON. */
  public JsonNode schemaNode() {
    return content.get(mediaType()).schemaNode();
  }
}

package dev.counterfeit.openapi.model;

import com.networknt.schema.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One declared answer of an operation.
 *
 * @param status the key as the spec writes it: a code ({@code 201}), a range ({@code 4XX}) or {@code default}
 * @param content every media type it may carry (lower case) in document order; empty when it has no body
 * @param headers every header the spec declares on it
 * @param requiredHeaders those the spec marks {@code required: true}
 */
public record Response(String status, Map<String, MediaType> content, List<String> headers,
    List<String> requiredHeaders) {

  /** The media type listed first, or null when the answer has no body. */
  public String mediaType() {
    return content.isEmpty() ? null : content.keySet().iterator().next();
  }

  /** The compiled schema of the first media type, or null when the answer has no body or no schema. */
  public Schema schema() {
    return content.isEmpty() ? null : content.values().iterator().next().schema();
  }

  /** Media type to the concrete pointer of its schema, for the media types that have one. */
  public Map<String, String> schemas() {
    return content.values().stream().filter(MediaType::hasSchema).collect(Collectors.toMap(MediaType::name,
        MediaType::schemaPointer, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  /**
   * The schema pointer for a received Content-Type (parameters ignored), or the only schema declared; null when
   * none fits.
   */
  public String schemaFor(String contentType) {
    Map<String, String> schemas = schemas();
    if (schemas.isEmpty()) {
      return null;
    }
    if (contentType != null) {
      String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (schemas.containsKey(base)) {
        return schemas.get(base);
      }
    }
    return schemas.size() == 1 ? schemas.values().iterator().next() : null;
  }
}

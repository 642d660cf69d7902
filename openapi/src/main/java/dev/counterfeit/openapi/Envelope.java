package dev.counterfeit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where a vendor's answers keep their payload, from the document's {@code x-counterfeit-envelope}: JSON
 * pointers into a success answer for a single item and for a list's item array, and into an error answer for
 * its code. "" is the answer itself.
 *
 * @param item where a single item sits ({@code /data}), "" when answers are bare
 * @param list where the item array of a list answer sits ({@code /hydra:member})
 * @param errorCode where an error answer carries its code ({@code /error/code}), empty when it has none
 */
public record Envelope(String item, String list, Optional<String> errorCode) {

  /** The envelope a document declares; a document without one answers bare items and bare arrays. */
  static Envelope of(JsonNode document) {
    JsonNode node = document.path("x-counterfeit-envelope");
    return new Envelope(pointer(node, "item"), pointer(node, "list"),
        node.hasNonNull("error-code") ? Optional.of(pointer(node, "error-code")) : Optional.empty());
  }

  private static String pointer(JsonNode node, String field) {
    String value = node.path(field).asText("");
    if (!value.isEmpty() && !value.startsWith("/")) {
      throw new IllegalArgumentException("x-counterfeit-envelope." + field + " must be a JSON pointer: \"" + value + "\"");
    }
    return value;
  }
}

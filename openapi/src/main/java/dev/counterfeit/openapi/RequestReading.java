package dev.counterfeit.openapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a vendor reads what a client sends, where the schemas cannot say it, from the document root:
 * {@code x-counterfeit-references} and {@code x-counterfeit-unreadable-body}.
 *
 * @param iriReferences whether a reference may be the item's path ({@code "/clients/12"}), whose last segment is
 *     the id, beside the bare id ({@code x-counterfeit-references: iri}; {@code id}, the default, takes ids only)
 * @param unreadableBodyAsEmpty whether a body that is not JSON, or not in an accepted media type, is read as an
 *     empty object and validated as such instead of refused ({@code x-counterfeit-unreadable-body: empty}, as
 *     Laravel does; {@code refuse} is the default)
 */
public record RequestReading(boolean iriReferences, boolean unreadableBodyAsEmpty) {

  /** What a document declares; a document without either extension takes bare ids and refuses unreadable bodies. */
  static RequestReading of(JsonNode document) {
    return new RequestReading(
        choice(document, "x-counterfeit-references", "id", "iri"),
        choice(document, "x-counterfeit-unreadable-body", "refuse", "empty"));
  }

  /** Whether the extension says {@code other}; absent means {@code usual}, anything else is an error. */
  private static boolean choice(JsonNode document, String extension, String usual, String other) {
    String value = document.path(extension).asText(usual);
    if (!value.equals(usual) && !value.equals(other)) {
      throw new IllegalArgumentException(extension + " must be " + usual + " or " + other + ": \"" + value + "\"");
    }
    return value.equals(other);
  }
}

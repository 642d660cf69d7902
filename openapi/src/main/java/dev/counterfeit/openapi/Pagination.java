package dev.counterfeit.openapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which query parameters of a vendor's lists pick the page, from the document's {@code x-counterfeit-pagination}:
 * {@code {offset: <name>, limit: <name>}} for an offset and a count, or {@code {page: <name>, size: <name>}} for
 * 1-based page numbers of a given size. Their defaults, minimums and maximums are the parameters' own.
 *
 * @param style how the parameters count
 * @param position the parameter giving the offset or the page number, null for {@link Style#NONE}
 * @param size the parameter giving the limit or the page size, null for {@link Style#NONE}
 */
public record Pagination(Style style, String position, String size) {

  /** How a list is sliced. */
  public enum Style {
    /** Lists answer every item. */
    NONE,
    /** Skip {@code position} items, answer at most {@code size}. */
    OFFSET,
    /** Page number {@code position} (from 1) of {@code size} items. */
    PAGE
  }

  /** What a document declares; a document without it does not page its lists. */
  static Pagination of(JsonNode document) {
    JsonNode node = document.path("x-counterfeit-pagination");
    if (node.isMissingNode()) {
      return new Pagination(Style.NONE, null, null);
    }
    if (node.size() == 2 && node.path("offset").isTextual() && node.path("limit").isTextual()) {
      return new Pagination(Style.OFFSET, node.get("offset").asText(), node.get("limit").asText());
    }
    if (node.size() == 2 && node.path("page").isTextual() && node.path("size").isTextual()) {
      return new Pagination(Style.PAGE, node.get("page").asText(), node.get("size").asText());
    }
    throw new IllegalArgumentException(
        "x-counterfeit-pagination must be {offset: <parameter>, limit: <parameter>} or {page: <parameter>, size: <parameter>}");
  }
}

package dev.counterfeit.stubs.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a query's answer.
 *
 * @param items copies of the records on this page
 * @param total records matching the query across all pages
 */
public record Slice(List<ObjectNode> items, long total) {
  public Slice {
    items = List.copyOf(items);
  }
}

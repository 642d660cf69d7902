package dev.counterfeit.stubs.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Read access to one tenant's collections. Records from {@link #get} and {@link #query} are copies: changing
 * them changes nothing. The {@code peek} forms may hand out the store's own records, for callers that only read
 * them (projecting an answer, checking a reference): they must not be changed.
 */
public interface TenantView {
  Optional<ObjectNode> get(String collection, String id);

  /** The records a query selects, and how many match in all. */
  Slice query(String collection, Query query);

  /** {@link #get} without the copy where the backend keeps records as trees; to read only. */
  default Optional<ObjectNode> peek(String collection, String id) {
    return get(collection, id);
  }

  /** {@link #query} without the copies where the backend keeps records as trees; to read only. */
  default Slice peek(String collection, Query query) {
    return query(collection, query);
  }

  /** Whether the collection holds an item with this id. */
  default boolean exists(String collection, String id) {
    return peek(collection, id).isPresent();
  }
}

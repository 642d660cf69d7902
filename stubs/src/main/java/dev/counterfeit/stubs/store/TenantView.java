package dev.counterfeit.stubs.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Read access to one tenant's collections. Records handed out are copies: changing them changes nothing. */
public interface TenantView {
  Optional<ObjectNode> get(String collection, String id);

  /** The records a query selects, and how many match in all. */
  Slice query(String collection, Query query);
}

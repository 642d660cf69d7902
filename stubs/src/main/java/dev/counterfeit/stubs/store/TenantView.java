package dev.counterfeit.stubs.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Read access to one tenant's collections. Records handed out are copies: changing them changes nothing. */
public interface TenantView {
  Optional<ObjectNode> get(String collection, String id);

  /** Every record of a collection, oldest first. */
  List<ObjectNode> list(String collection);
}

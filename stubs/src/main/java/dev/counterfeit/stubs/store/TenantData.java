package dev.counterfeit.stubs.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Write access to one tenant's collections inside one all-or-nothing unit of work. */
public interface TenantData extends TenantView {
  void put(String collection, String id, ObjectNode record);

  /** Removes a record; false when there was none. */
  boolean remove(String collection, String id);

  /** The next value of a named counter of this tenant (1, 2, 3 ...). */
  long nextSequence(String name);
}

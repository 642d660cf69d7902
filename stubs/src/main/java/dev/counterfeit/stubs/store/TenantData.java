package dev.counterfeit.stubs.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Write access to one tenant's collections inside one all-or-nothing unit of work. */
public interface TenantData extends TenantView {
  /** Stores a record, replacing one with the same id (which keeps its place in insertion order). */
  void put(String collection, String id, ObjectNode record);

  /** Removes a record; false when there was none. */
  boolean remove(String collection, String id);

  /** The next value of a named counter of this tenant (1, 2, 3 ...). */
  long nextSequence(String name);

  /**
   * The next id of a vendor's collection, unique across all its tenants as a vendor's database makes them. Like
   * a database sequence, a value handed to a unit of work that then fails may be skipped.
   */
  long nextId(String collection);

  /** Makes sure later {@link #nextId} values of this vendor's collection are above {@code used}. */
  void reserveId(String collection, long used);
}

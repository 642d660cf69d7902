package dev.counterfeit.stubs.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * Where the fake keeps state, per vendor and tenant. A unit of work either applies every change it made or,
 * when it throws, none. Kept small so durable and shared backends can implement it later.
 */
public interface TenantStore {
  <T> T read(TenantKey tenant, Function<TenantView, T> work);

  <T> T write(TenantKey tenant, Function<TenantData, T> work);

  /** The next id of a vendor's collection; ids are unique across tenants, as a vendor's database would make them. */
  long nextId(String vendor, String collection);

  /** Makes sure later {@link #nextId} values are above {@code used} (after seeding explicit ids). */
  void reserveId(String vendor, String collection, long used);

  /** Forgets everything (tenants, records, counters). */
  void clear();

  /** Forgets one vendor's tenants, records and counters. */
  void clear(String vendor);

  /** Everything, as {@code {vendor: {tenant: {collection: [records]}}}}, for the state dump. */
  ObjectNode dump();
}

package dev.counterfeit.stubs.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * The records, per vendor and tenant. A unit of work either applies every change it made or, when it throws,
 * none; readers see all of a committed write or none of it. Work may be run again when a database asks for a
 * retry, so it must have no effects outside the store.
 *
 * @throws StoreUnavailableException from any method when the backend cannot be reached
 */
public interface TenantStore {
  <T> T read(TenantKey tenant, Function<TenantView, T> work);

  <T> T write(TenantKey tenant, Function<TenantData, T> work);

  /**
   * Takes a one-time marker (a vendor's seed loaded into this store): true for the first caller on this store,
   * whichever replica it is, false for everyone after until the vendor is cleared.
   */
  boolean claim(String vendor, String marker);

  /** Forgets everything (tenants, records, counters, markers). */
  void clear();

  /** Forgets one vendor's tenants, records, counters and markers. */
  void clear(String vendor);

  /**
   * Every tenant's records as {@code {vendor: {tenant: {collection: [records]}}}}, for the state dump; the
   * engine's own collections (named with a leading {@code ~}) are left out.
   */
  ObjectNode dump();
}

package dev.counterfeit.stubs.store;

import dev.counterfeit.stubs.store.jdbc.JdbcStores;
import dev.counterfeit.stubs.store.memory.InMemoryStores;

/**
 * All mutable state of one fake: records and counters, rate-limit windows, and the secrets that make its
 * tokens verifiable by every replica. Login lockouts and idempotency records live in {@link #records()} too,
 * so nothing the fake remembers sits outside the store.
 */
public interface Stores extends AutoCloseable {
  TenantStore records();

  RateWindows rateWindows();

  /** A random secret of this store (created by whichever replica asks first), the same for every replica. */
  byte[] secret(String name);

  /** What this store is, for the start-up banner and errors ({@code in memory}, {@code state file x.db}). */
  String description();

  @Override
  void close();

  /**
   * Opens the store a location names: creates or upgrades its schema and checks it can be written.
   *
   * @throws StoreException with a one-line reason when it cannot be used (unreachable, wrong password, a
   *     corrupt or read-only file, a schema written by a newer version)
   */
  static Stores open(StoreLocation location) {
    if (location instanceof StoreLocation.File f) {
      return JdbcStores.file(f.path());
    }
    if (location instanceof StoreLocation.Database d) {
      return JdbcStores.postgres(d.url());
    }
    return new InMemoryStores();
  }
}

package dev.counterfeit.stubs.store.memory;

import dev.counterfeit.stubs.store.RateWindows;
import dev.counterfeit.stubs.store.Stores;
import dev.counterfeit.stubs.store.TenantStore;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The default store: everything in this process's memory, the fastest, gone at exit. */
public final class InMemoryStores implements Stores {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TenantStore records = new InMemoryTenantStore();
  private final RateWindows rateWindows = new InMemoryRateWindows();
  private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

  @Override
  public TenantStore records() {
    return records;
  }

  @Override
  public RateWindows rateWindows() {
    return rateWindows;
  }

  @Override
  public byte[] secret(String name) {
    return secrets.computeIfAbsent(name, n -> {
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      return secret;
    }).clone();
  }

  @Override
  public String description() {
    return "in memory";
  }

  @Override
  public void close() {}
}

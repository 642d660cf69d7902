package dev.counterfeit.stubs.engine;

import dev.counterfeit.stubs.profile.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which credential value authenticates as which tenant, per vendor and security scheme; seeded and issued. */
final class Credentials {
  private record Key(String vendor, String scheme, String value) {}

  private record Entry(Principal principal, Instant expires) {}

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  Credentials(Clock clock) {
    this.clock = clock;
  }

  void add(String vendor, String scheme, String value, String tenant, Set<String> grants, Instant expires) {
    entries.put(new Key(vendor, scheme, value), new Entry(new Principal(tenant, grants), expires));
  }

  /** The principal for a credential, empty when unknown or expired. */
  Optional<Principal> find(String vendor, String scheme, String value) {
    Entry e = entries.get(new Key(vendor, scheme, value));
    if (e == null || e.expires() != null && !clock.instant().isBefore(e.expires())) {
      return Optional.empty();
    }
    return Optional.of(e.principal());
  }

  void clear() {
    entries.clear();
  }
}

package dev.counterfeit.stubs.profile.apidev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.store.TenantData;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Locks an account after repeated failed logins, as apidev documents ("repeated failures lock it 60 s"); how
 * many failures in a row and for how long come from the spec's {@code lockout} handler settings. A successful
 * login forgets the failures. The counts are records of the vendor's own state in the store, so every replica
 * sees the same lock.
 *
 * @param failures failures in a row that lock the account
 * @param lock how long it stays locked
 */
record LoginGuard(int failures, Duration lock) {
  private static final String COLLECTION = "~lockouts";

  static LoginGuard of(JsonNode settings) {
    return new LoginGuard(settings.path("failures").asInt(), Duration.ofSeconds(settings.path("seconds").asLong()));
  }

  void failed(TenantData data, String account, Instant now) {
    int count = data.get(COLLECTION, account).map(r -> r.path("failures").asInt()).orElse(0) + 1;
    ObjectNode record = JsonNodeFactory.instance.objectNode().put("failures", count);
    if (failures > 0 && count >= failures) {
      record.put("lockedUntil", now.plus(lock).toEpochMilli());
    }
    data.put(COLLECTION, account, record);
  }

  void succeeded(TenantData data, String account) {
    data.remove(COLLECTION, account);
  }

  /** Until when the account is locked, if it is; an expired lock is forgotten. */
  Optional<Instant> lockedUntil(TenantData data, String account, Instant now) {
    Optional<Instant> until = data.get(COLLECTION, account)
        .filter(r -> r.has("lockedUntil")).map(r -> Instant.ofEpochMilli(r.get("lockedUntil").asLong()));
    if (until.isPresent() && !now.isBefore(until.get())) {
      data.remove(COLLECTION, account);
      return Optional.empty();
    }
    return until;
  }

  static String account(String tenantHost, String email) {
    return (tenantHost == null ? "" : tenantHost.toLowerCase(Locale.ROOT)) + "/"
        + (email == null ? "" : email.toLowerCase(Locale.ROOT));
  }
}

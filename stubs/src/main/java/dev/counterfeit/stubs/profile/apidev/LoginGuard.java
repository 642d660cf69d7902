package dev.counterfeit.stubs.profile.apidev;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.store.TenantData;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Locks an account for a minute after repeated failed logins, as apidev documents ("repeated failures lock
 * it 60 s"). Decided: five failures in a row lock it; a successful login forgets the failures. The counts are
 * records of the vendor's own state in the store, so every replica sees the same lock.
 */
final class LoginGuard {
  static final int FAILURES_BEFORE_LOCK = 5;
  static final Duration LOCK = Duration.ofSeconds(60);
  private static final String COLLECTION = "~lockouts";

  private LoginGuard() {}

  static void failed(TenantData data, String account, Instant now) {
    int count = data.get(COLLECTION, account).map(r -> r.path("failures").asInt()).orElse(0) + 1;
    ObjectNode record = JsonNodeFactory.instance.objectNode().put("failures", count);
    if (count >= FAILURES_BEFORE_LOCK) {
      record.put("lockedUntil", now.plus(LOCK).toEpochMilli());
    }
    data.put(COLLECTION, account, record);
  }

  static void succeeded(TenantData data, String account) {
    data.remove(COLLECTION, account);
  }

  /** Until when the account is locked, if it is; an expired lock is forgotten. */
  static Optional<Instant> lockedUntil(TenantData data, String account, Instant now) {
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

package dev.counterfeit.stubs.profile.apidev;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks an account for a minute after repeated failed logins, as apidev documents ("repeated failures lock
 * it 60 s"). Decided: five failures in a row lock it; a successful login forgets the failures.
 */
final class LoginGuard {
  static final int FAILURES_BEFORE_LOCK = 5;
  static final Duration LOCK = Duration.ofSeconds(60);

  private record Failures(int count, Instant lockedUntil) {}

  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();

  void failed(String account, Instant now) {
    accounts.compute(account, (k, old) -> {
      int count = old == null ? 1 : old.count() + 1;
      return new Failures(count, count >= FAILURES_BEFORE_LOCK ? now.plus(LOCK) : null);
    });
  }

  void clear() {
    accounts.clear();
  }

  void succeeded(String account) {
    accounts.remove(account);
  }

  /** Until when the account is locked, if it is. */
  Optional<Instant> lockedUntil(String account, Instant now) {
    Failures f = accounts.get(account);
    if (f == null || f.lockedUntil() == null) {
      return Optional.empty();
    }
    if (!now.isBefore(f.lockedUntil())) {
      accounts.remove(account);
      return Optional.empty();
    }
    return Optional.of(f.lockedUntil());
  }

  static String account(String tenantHost, String email) {
    return (tenantHost == null ? "" : tenantHost.toLowerCase(java.util.Locale.ROOT)) + "/"
        + (email == null ? "" : email.toLowerCase(java.util.Locale.ROOT));
  }
}

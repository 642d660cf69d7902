package dev.counterfeit.stubs.store;

import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window request counters by key (tenant, route, account), as Laravel's and most API gateways' limiters
 * count: a window opens on the first hit and the count starts again when it has passed. Shared by every
 * replica on a shared store, so a limit counts all of them.
 */
public interface RateWindows {
  /**
   * One hit's outcome.
   *
   * @param remaining hits left in this window
   * @param resetAt when the window ends
   */
  record Decision(boolean allowed, int limit, int remaining, Instant resetAt) {
    /** Whole seconds until the window ends, at least 1 (for {@code Retry-After}). */
    public long retryAfterSeconds(Instant now) {
      return Math.max(1, (long) Math.ceil(Duration.between(now, resetAt).toMillis() / 1000.0));
    }

    static Decision of(long windowStartMillis, int count, int limit, Duration window) {
      return new Decision(count <= limit, limit, Math.max(0, limit - count),
          Instant.ofEpochMilli(windowStartMillis).plus(window));
    }
  }

  /** Counts a hit and says whether it is within the limit. */
  Decision hit(String key, int limit, Duration window, Instant now);

  /** The state of a key without counting a hit. */
  Decision peek(String key, int limit, Duration window, Instant now);

  /** Forgets the windows whose keys start with a prefix (one vendor's); the empty prefix forgets all. */
  void clear(String prefix);
}

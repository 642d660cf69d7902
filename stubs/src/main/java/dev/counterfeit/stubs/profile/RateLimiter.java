package dev.counterfeit.stubs.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request counters by key (tenant, route, account), as Laravel's and most API gateways' limiters
 * count: a window opens on the first hit and the count starts again when it has passed.
 */
public final class RateLimiter {
  private record Window(Instant start, int count) {}

  /**
   * One hit's outcome.
   *
   * @param remaining hits left in this window
   * @param resetAt when the window ends
   */
  public record Decision(boolean allowed, int limit, int remaining, Instant resetAt) {
    /** Whole seconds until the window ends, at least 1 (for {@code Retry-After}). */
    public long retryAfterSeconds(Instant now) {
      return Math.max(1, (long) Math.ceil(Duration.between(now, resetAt).toMillis() / 1000.0));
    }
  }

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** Counts a hit and says whether it is within the limit. */
  public Decision hit(String key, int limit, Duration window, Instant now) {
    Window w = windows.compute(key, (k, old) ->
        old == null || !now.isBefore(old.start().plus(window)) ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
    return new Decision(w.count() <= limit, limit, Math.max(0, limit - w.count()), w.start().plus(window));
  }

  /** Forgets every window. */
  public void clear() {
    windows.clear();
  }

  /** Forgets the windows whose keys start with a prefix (one vendor's). */
  public void clear(String prefix) {
    windows.keySet().removeIf(key -> key.startsWith(prefix));
  }

  /** The state of a key without counting a hit. */
  public Decision peek(String key, int limit, Duration window, Instant now) {
    Window w = windows.get(key);
    if (w == null || !now.isBefore(w.start().plus(window))) {
      return new Decision(true, limit, limit, now.plus(window));
    }
    return new Decision(w.count() < limit, limit, Math.max(0, limit - w.count()), w.start().plus(window));
  }
}

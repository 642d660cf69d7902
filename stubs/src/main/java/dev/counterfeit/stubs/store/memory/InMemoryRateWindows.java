package dev.counterfeit.stubs.store.memory;

import dev.counterfeit.stubs.store.RateWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Rate-limit windows in a concurrent map; one atomic update per hit. */
final class InMemoryRateWindows implements RateWindows {
  private record Window(long startMillis, int count) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  @Override
  public Decision hit(String key, int limit, Duration window, Instant now) {
    long nowMillis = now.toEpochMilli();
    Window w = windows.compute(key, (k, old) -> old == null || old.startMillis() + window.toMillis() <= nowMillis
        ? new Window(nowMillis, 1) : new Window(old.startMillis(), old.count() + 1));
    return new Decision(w.count() <= limit, limit, Math.max(0, limit - w.count()),
        Instant.ofEpochMilli(w.startMillis()).plus(window));
  }

  @Override
  public Decision peek(String key, int limit, Duration window, Instant now) {
    Window w = windows.get(key);
    if (w == null || w.startMillis() + window.toMillis() <= now.toEpochMilli()) {
      return new Decision(true, limit, limit, now.plus(window));
    }
    return new Decision(w.count() < limit, limit, Math.max(0, limit - w.count()),
        Instant.ofEpochMilli(w.startMillis()).plus(window));
  }

  @Override
  public void clear(String prefix) {
    windows.keySet().removeIf(key -> key.startsWith(prefix));
  }
}

package dev.counterfeit.stubs.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last {@code capacity} requests in a ring: recording is one atomic increment and one slot write,
 * whatever the capacity, so the hot path never walks old entries (WireMock's capped journal does, on every
 * request). Readers copy the slots newest first and skip any a concurrent writer has overtaken.
 */
public final class RequestLog {
  private final AtomicReferenceArray<LoggedRequest> slots;
  private final AtomicLong next = new AtomicLong();
  /** Entries numbered at or below this were cleared. */
  private volatile long clearedUpTo;

  /** @param capacity how many requests to keep; at least 1 */
  public RequestLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("A request log keeps at least one request");
    }
    this.slots = new AtomicReferenceArray<>(capacity);
  }

  public int capacity() {
    return slots.length();
  }

  /** The number the next entry gets; pass it to {@link #add}. */
  public long claim() {
    return next.incrementAndGet();
  }

  /** Keeps an entry, overwriting the oldest when full. */
  public void add(LoggedRequest entry) {
    slots.set((int) ((entry.sequence() - 1) % slots.length()), entry);
  }

  /** Up to {@code limit} entries, newest first, that satisfy {@code filter}. */
  public List<LoggedRequest> latest(int limit, java.util.function.Predicate<LoggedRequest> filter) {
    long newest = next.get();
    long oldest = Math.max(clearedUpTo + 1, newest - slots.length() + 1);
    List<LoggedRequest> out = new ArrayList<>();
    for (long n = newest; n >= oldest && out.size() < limit; n--) {
      LoggedRequest entry = slots.get((int) ((n - 1) % slots.length()));
      // A slot may still hold an older entry (its writer has not finished) or already a newer one.
      if (entry != null && entry.sequence() == n && filter.test(entry)) {
        out.add(entry);
      }
    }
    return out;
  }

  /** How many requests were recorded since start (kept or not). */
  public long recorded() {
    return next.get();
  }

  /** Forgets every entry kept so far. */
  public void clear() {
    clearedUpTo = next.get();
  }
}

package dev.counterfeit.stubs.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The default store: concurrent maps keyed tenant → collection → id. A write takes its tenant's lock, stages
 * its changes and applies them only when the work returns; readers see either all of a write or none of it.
 */
public final class InMemoryTenantStore implements TenantStore {
  private final Map<TenantKey, Tenant> tenants = new ConcurrentSkipListMap<>(
      java.util.Comparator.comparing(TenantKey::vendor).thenComparing(TenantKey::tenant));
  private final Map<String, AtomicLong> ids = new ConcurrentHashMap<>();

  private static final class Tenant {
    /** Replaced wholesale on commit, so a reader never sees a half-applied write. */
    volatile Map<String, Map<String, ObjectNode>> collections = Map.of();
    final Map<String, Long> sequences = new HashMap<>();
  }

  private Tenant tenant(TenantKey key) {
    return tenants.computeIfAbsent(key, k -> new Tenant());
  }

  @Override
  public <T> T read(TenantKey key, Function<TenantView, T> work) {
    Tenant t = tenants.get(key);
    Map<String, Map<String, ObjectNode>> snapshot = t == null ? Map.of() : t.collections;
    return work.apply(new Staged(snapshot, null));
  }

  @Override
  public <T> T write(TenantKey key, Function<TenantData, T> work) {
    Tenant t = tenant(key);
    synchronized (t) {
      Staged staged = new Staged(t.collections, t.sequences);
      T result = work.apply(staged);
      t.collections = staged.commit();
      t.sequences.putAll(staged.sequenceChanges);
      return result;
    }
  }

  @Override
  public long nextId(String vendor, String collection) {
    return ids.computeIfAbsent(vendor + "/" + collection, k -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void reserveId(String vendor, String collection, long used) {
    ids.computeIfAbsent(vendor + "/" + collection, k -> new AtomicLong()).accumulateAndGet(used, Math::max);
  }

  @Override
  public void clear() {
    tenants.clear();
    ids.clear();
  }

  @Override
  public void clear(String vendor) {
    tenants.keySet().removeIf(key -> key.vendor().equals(vendor));
    ids.keySet().removeIf(key -> key.startsWith(vendor + "/"));
  }

  @Override
  public ObjectNode dump() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    tenants.forEach((key, t) -> {
      ObjectNode tenant = root.with(key.vendor()).putObject(key.tenant());
      t.collections.forEach((name, records) -> {
        var array = tenant.putArray(name);
        records.values().forEach(r -> array.add(r.deepCopy()));
      });
    });
    return root;
  }

  /** A view over a snapshot plus the changes of the current unit of work. */
  private static final class Staged implements TenantData {
    private final Map<String, Map<String, ObjectNode>> base;
    private final Map<String, Long> sequences;
    private final Map<String, Map<String, ObjectNode>> changed = new HashMap<>();
    private final Map<String, Long> sequenceChanges = new HashMap<>();

    Staged(Map<String, Map<String, ObjectNode>> base, Map<String, Long> sequences) {
      this.base = base;
      this.sequences = sequences;
    }

    private Map<String, ObjectNode> current(String collection) {
      Map<String, ObjectNode> staged = changed.get(collection);
      return staged != null ? staged : base.getOrDefault(collection, Map.of());
    }

    private Map<String, ObjectNode> mutable(String collection) {
      return changed.computeIfAbsent(collection, c -> new LinkedHashMap<>(base.getOrDefault(c, Map.of())));
    }

    @Override
    public Optional<ObjectNode> get(String collection, String id) {
      ObjectNode record = current(collection).get(id);
      return Optional.ofNullable(record == null ? null : record.deepCopy());
    }

    @Override
    public List<ObjectNode> list(String collection) {
      List<ObjectNode> copies = new ArrayList<>();
      current(collection).values().forEach(r -> copies.add(r.deepCopy()));
      return copies;
    }

    @Override
    public void put(String collection, String id, ObjectNode record) {
      mutable(collection).put(id, record.deepCopy());
    }

    @Override
    public boolean remove(String collection, String id) {
      if (!current(collection).containsKey(id)) {
        return false;
      }
      mutable(collection).remove(id);
      return true;
    }

    @Override
    public long nextSequence(String name) {
      long next = sequenceChanges.getOrDefault(name, sequences.getOrDefault(name, 0L)) + 1;
      sequenceChanges.put(name, next);
      return next;
    }

    Map<String, Map<String, ObjectNode>> commit() {
      if (changed.isEmpty()) {
        return base;
      }
      Map<String, Map<String, ObjectNode>> next = new HashMap<>(base);
      changed.forEach((name, records) -> next.put(name, java.util.Collections.unmodifiableMap(records)));
      return Map.copyOf(next);
    }
  }
}

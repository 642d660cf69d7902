package dev.counterfeit.stubs.store.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.store.Query;
import dev.counterfeit.stubs.store.Slice;
import dev.counterfeit.stubs.store.TenantData;
import dev.counterfeit.stubs.store.TenantKey;
import dev.counterfeit.stubs.store.TenantStore;
import dev.counterfeit.stubs.store.TenantView;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Records in maps keyed tenant → collection → id, each collection also ordered by insertion. A write holds its
 * tenant's write lock and changes records in place, keeping an undo log so a failing unit of work leaves no
 * trace; readers take the read lock, so they see all of a write or none. Costs grow with what a request
 * touches (one record, one page), not with the size of a collection.
 *
 * <p>A new record is stored as its JSON bytes (one array, where a tree is ~90 objects) and parsed into a tree the
 * first time it is read, which is then kept: records written and never read (most of a create-heavy run) stay
 * compact, so the garbage collector has little to copy, while records that are read are parsed once. A record
 * rewritten is stored as a tree.
 */
final class InMemoryTenantStore implements TenantStore {
  private final Map<TenantKey, Tenant> tenants = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> ids = new ConcurrentHashMap<>();
  private final Map<String, Boolean> claims = new ConcurrentHashMap<>();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A stored record: its bytes, and its tree once someone has read it; or only the tree. */
  private static final class Entry {
    final long order;
    /** Null when the entry was stored as a tree. */
    private final byte[] json;
    private volatile ObjectNode tree;

    /** A new record, kept as bytes until it is read. */
    static Entry compact(long order, ObjectNode record) {
      try {
        return new Entry(order, JSON.writeValueAsBytes(record), null);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a record tree that cannot be written as JSON", e);
      }
    }

    /** A rewritten record, kept as a copy of its tree: it is about to be read again. */
    static Entry tree(long order, ObjectNode record) {
      return new Entry(order, null, record.deepCopy());
    }

    private Entry(long order, byte[] json, ObjectNode tree) {
      this.order = order;
      this.json = json;
      this.tree = tree;
    }

    /** The shared tree: parsed on first read; two readers racing parse twice and keep either, both equal. */
    ObjectNode record() {
      ObjectNode t = tree;
      if (t == null) {
        t = parse();
        tree = t;
      }
      return t;
    }

    /** A private copy, without keeping a tree for a record that was not read before. */
    ObjectNode copy() {
      ObjectNode t = tree;
      return t != null ? t.deepCopy() : parse();
    }

    private ObjectNode parse() {
      try {
        return (ObjectNode) JSON.readTree(json);
      } catch (IOException e) {
        throw new IllegalStateException("stored bytes that this store wrote do not parse", e);
      }
    }
  }

  /**
   * One collection: a single map that also keeps insertion order (a replaced record keeps its place), so a
   * record costs one map node, not a node in an id map and another in an order index; every object a record
   * holds is one more for each young collection to copy while the record is new.
   */
  private static final class Records {
    Map<String, Entry> byId = new LinkedHashMap<>();
    long nextOrder;

    /** Puts back a removed record where it was: at the end if it was last, else by rebuilding the order (rare). */
    void reinsert(String id, Entry entry) {
      byId.put(id, entry);
      Entry last = null;
      for (Entry e : byId.values()) {
        if (last != null && last.order > e.order) {
          List<Map.Entry<String, Entry>> all = new ArrayList<>(byId.entrySet());
          all.sort(Comparator.comparingLong(e2 -> e2.getValue().order));
          Map<String, Entry> ordered = new LinkedHashMap<>();
          all.forEach(e2 -> ordered.put(e2.getKey(), e2.getValue()));
          byId = ordered;
          return;
        }
        last = e;
      }
    }
  }

  private static final class Tenant {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final Map<String, Records> collections = new HashMap<>();
    final Map<String, Long> sequences = new HashMap<>();
  }

  @Override
  public <T> T read(TenantKey key, Function<TenantView, T> work) {
    Tenant t = tenants.get(key);
    if (t == null) {
      return work.apply(new Unit(key, new Tenant()));
    }
    t.lock.readLock().lock();
    try {
      return work.apply(new Unit(key, t));
    } finally {
      t.lock.readLock().unlock();
    }
  }

  @Override
  public <T> T write(TenantKey key, Function<TenantData, T> work) {
    Tenant t = tenants.computeIfAbsent(key, k -> new Tenant());
    t.lock.writeLock().lock();
    Unit unit = new Unit(key, t);
    try {
      T result = work.apply(unit);
      unit.undo.clear();
      return result;
    } catch (RuntimeException | Error e) {
      unit.rollBack();
      throw e;
    } finally {
      t.lock.writeLock().unlock();
    }
  }

  @Override
  public boolean claim(String vendor, String marker) {
    return claims.putIfAbsent(vendor + "\n" + marker, Boolean.TRUE) == null;
  }

  @Override
  public void clear() {
    tenants.clear();
    ids.clear();
    claims.clear();
  }

  @Override
  public void clear(String vendor) {
    tenants.keySet().removeIf(key -> key.vendor().equals(vendor));
    ids.keySet().removeIf(key -> key.startsWith(vendor + "\n"));
    claims.keySet().removeIf(key -> key.startsWith(vendor + "\n"));
  }

  @Override
  public ObjectNode dump() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    List<TenantKey> keys = new ArrayList<>(tenants.keySet());
    keys.sort(Comparator.comparing(TenantKey::vendor).thenComparing(TenantKey::tenant));
    for (TenantKey key : keys) {
      if (key.tenant().startsWith("~")) {
        continue;
      }
      read(key, view -> {
        Tenant t = tenants.get(key);
        if (t == null) {
          return null;
        }
        ObjectNode tenant = root.with(key.vendor()).putObject(key.tenant());
        new TreeMap<>(t.collections).forEach((name, records) -> {
          if (!name.startsWith("~")) {
            var array = tenant.putArray(name);
            records.byId.values().forEach(entry -> array.add(entry.copy()));
          }
        });
        return null;
      });
    }
    return root;
  }

  /** One unit of work on a tenant; get and query copy records out, peek shares them, writes copy them in and log how to undo. */
  private final class Unit implements TenantData {
    private final TenantKey key;
    private final Tenant tenant;
    private final Deque<Runnable> undo = new ArrayDeque<>();

    Unit(TenantKey key, Tenant tenant) {
      this.key = key;
      this.tenant = tenant;
    }

    private Records existing(String collection) {
      Records records = tenant.collections.get(collection);
      return records == null ? new Records() : records;
    }

    @Override
    public Optional<ObjectNode> get(String collection, String id) {
      Entry e = existing(collection).byId.get(id);
      return Optional.ofNullable(e == null ? null : e.copy());
    }

    /** Stored records are never changed in place (a put stores a copy), so a reader may share them. */
    @Override
    public Optional<ObjectNode> peek(String collection, String id) {
      Entry e = existing(collection).byId.get(id);
      return Optional.ofNullable(e == null ? null : e.record());
    }

    @Override
    public boolean exists(String collection, String id) {
      return existing(collection).byId.containsKey(id);
    }

    @Override
    public Slice query(String collection, Query query) {
      return select(collection, query, true);
    }

    @Override
    public Slice peek(String collection, Query query) {
      return select(collection, query, false);
    }

    private Slice select(String collection, Query query, boolean copy) {
      Records records = existing(collection);
      Comparator<ObjectNode> order = Matching.order(query);
      boolean everything = query.filters().isEmpty();
      if (order == null) {
        return page(records, query, everything, copy);
      }
      List<ObjectNode> matching = new ArrayList<>();
      for (Entry entry : records.byId.values()) {
        ObjectNode r = entry.record();
        if (everything || Matching.matches(r, query)) {
          matching.add(r);
        }
      }
      matching.sort(order);
      int from = (int) Math.min(query.offset(), matching.size());
      int to = (int) Math.min((long) from + query.limit(), matching.size());
      List<ObjectNode> items = new ArrayList<>(to - from);
      for (ObjectNode r : matching.subList(from, to)) {
        items.add(copy ? r.deepCopy() : r);
      }
      return new Slice(items, matching.size());
    }

    /** Insertion order: walks only up to the page when nothing is filtered. */
    private Slice page(Records records, Query query, boolean everything, boolean copy) {
      List<ObjectNode> items = new ArrayList<>();
      long seen = 0;
      for (Entry entry : records.byId.values()) {
        ObjectNode r = entry.record();
        if (!everything && !Matching.matches(r, query)) {
          continue;
        }
        if (seen >= query.offset() && items.size() < query.limit()) {
          items.add(copy ? r.deepCopy() : r);
        } else if (everything && items.size() >= query.limit()) {
          break;
        }
        seen++;
      }
      return new Slice(items, everything ? records.byId.size() : seen);
    }

    @Override
    public void put(String collection, String id, ObjectNode record) {
      Records records = tenant.collections.computeIfAbsent(collection, c -> new Records());
      Entry previous = records.byId.get(id);
      // A record rewritten has just been read to rewrite it and is read again by the next write or read, so it
      // stays a tree: no parse of its bytes under the next write's lock, no serialising under this one.
      records.byId.put(id, previous != null ? Entry.tree(previous.order, record)
          : Entry.compact(records.nextOrder++, record));
      undo.push(() -> restore(records, id, previous));
    }

    @Override
    public boolean remove(String collection, String id) {
      Records records = tenant.collections.get(collection);
      Entry previous = records == null ? null : records.byId.remove(id);
      if (previous == null) {
        return false;
      }
      undo.push(() -> restore(records, id, previous));
      return true;
    }

    private void restore(Records records, String id, Entry previous) {
      if (previous == null) {
        records.byId.remove(id);
      } else if (records.byId.containsKey(id)) {
        records.byId.put(id, previous);
      } else {
        records.reinsert(id, previous);
      }
    }

    @Override
    public long nextSequence(String name) {
      Long before = tenant.sequences.get(name);
      long next = (before == null ? 0 : before) + 1;
      tenant.sequences.put(name, next);
      undo.push(() -> {
        if (before == null) {
          tenant.sequences.remove(name);
        } else {
          tenant.sequences.put(name, before);
        }
      });
      return next;
    }

    @Override
    public long nextId(String collection) {
      return counter(collection).incrementAndGet();
    }

    @Override
    public void reserveId(String collection, long used) {
      counter(collection).accumulateAndGet(used, Math::max);
    }

    private AtomicLong counter(String collection) {
      return ids.computeIfAbsent(key.vendor() + "\n" + collection, k -> new AtomicLong());
    }

    void rollBack() {
      for (Iterator<Runnable> it = undo.iterator(); it.hasNext(); ) {
        it.next().run();
      }
      undo.clear();
    }
  }
}

package dev.counterfeit.stubs.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records as JSON rows of {@code cf_records}, one database transaction per unit of work. Queries run as SQL,
 * so a page reads only its rows; the tenant's writers are serialised by the dialect's lock, readers read a
 * snapshot.
 */
final class JdbcTenantStore implements TenantStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;

  JdbcTenantStore(Database db) {
    this.db = db;
  }

  @Override
  public <T> T read(TenantKey key, Function<TenantView, T> work) {
    return db.read(c -> work.apply(new Unit(c, key)));
  }

  @Override
  public <T> T write(TenantKey key, Function<TenantData, T> work) {
    return db.write(c -> {
      db.dialect.lockTenant(c, lockKey(key));
      return work.apply(new Unit(c, key));
    });
  }

  /** A stable 64-bit key for a tenant (FNV-1a), the same in every replica. */
  static long lockKey(TenantKey key) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : (key.vendor() + "\n" + key.tenant()).getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return hash;
  }

  @Override
  public boolean claim(String vendor, String marker) {
    return db.write(c -> Database.update(c, "INSERT INTO cf_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
        List.of(claimName(vendor, marker), "claimed")) == 1);
  }

  private static String claimName(String vendor, String marker) {
    return "claim:" + vendor + ":" + marker;
  }

  @Override
  public void clear() {
    db.write(c -> {
      for (String table : List.of("cf_records", "cf_ids", "cf_sequences")) {
        Database.update(c, "DELETE FROM " + table, List.of());
      }
      return Database.update(c, "DELETE FROM cf_meta WHERE name LIKE 'claim:%'", List.of());
    });
  }

  @Override
  public void clear(String vendor) {
    db.write(c -> {
      for (String table : List.of("cf_records", "cf_ids", "cf_sequences")) {
        Database.update(c, "DELETE FROM " + table + " WHERE vendor = ?", List.of(vendor));
      }
      return Database.update(c, "DELETE FROM cf_meta WHERE name LIKE ?", List.of(claimName(vendor, "%")));
    });
  }

  @Override
  public ObjectNode dump() {
    return db.read(c -> {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      try (PreparedStatement st = c.prepareStatement("SELECT vendor, tenant, collection, body FROM cf_records"
          + " WHERE tenant NOT LIKE '~%' AND collection NOT LIKE '~%' ORDER BY vendor, tenant, collection, ord");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          root.with(rs.getString(1)).with(rs.getString(2)).withArray(rs.getString(3)).add(parse(rs.getString(4)));
        }
      }
      return root;
    });
  }

  static ObjectNode parse(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (!(node instanceof ObjectNode record)) {
        throw new IllegalStateException("A stored record is not a JSON object");
      }
      return record;
    } catch (IOException e) {
      throw new IllegalStateException("A stored record is not valid JSON", e);
    }
  }

  /** One unit of work on a tenant; records read in it are kept, so a page's shared lookups are read once. */
  private final class Unit implements TenantData {
    private final Connection c;
    private final TenantKey key;
    private final Map<String, Optional<ObjectNode>> read = new HashMap<>();

    Unit(Connection c, TenantKey key) {
      this.c = c;
      this.key = key;
    }

    private List<Object> keyed(String collection, Object... more) {
      List<Object> params = new ArrayList<>(List.of(key.vendor(), key.tenant(), collection));
      params.addAll(List.of(more));
      return params;
    }

    @Override
    public Optional<ObjectNode> get(String collection, String id) {
      Optional<ObjectNode> found = read.computeIfAbsent(collection + "\n" + id, k -> fetch(collection, id));
      return found.map(ObjectNode::deepCopy);
    }

    /** The unit's cached row itself: the unit never changes what it cached. */
    @Override
    public Optional<ObjectNode> peek(String collection, String id) {
      return read.computeIfAbsent(collection + "\n" + id, k -> fetch(collection, id));
    }

    private Optional<ObjectNode> fetch(String collection, String id) {
      try (PreparedStatement st = Database.statement(c,
          "SELECT body FROM cf_records WHERE vendor = ? AND tenant = ? AND collection = ? AND id = ?", keyed(collection, id));
          ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(parse(rs.getString(1))) : Optional.empty();
      } catch (SQLException e) {
        throw new Database.Failure(e);
      }
    }

    @Override
    public Slice query(String collection, Query query) {
      try {
        List<ObjectNode> items = new ArrayList<>();
        Sql page = Sql.page(db.dialect, key, collection, query);
        try (PreparedStatement st = Database.statement(c, page.text, page.params); ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            items.add(parse(rs.getString(1)));
          }
        }
        long total;
        if (query.offset() == 0 && items.size() < query.limit()) {
          total = items.size();
        } else {
          Sql count = Sql.count(db.dialect, key, collection, query);
          try (PreparedStatement st = Database.statement(c, count.text, count.params); ResultSet rs = st.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
          }
        }
        return new Slice(items, total);
      } catch (SQLException e) {
        throw new Database.Failure(e);
      }
    }

    @Override
    public void put(String collection, String id, ObjectNode record) {
      try {
        Database.update(c, db.dialect.putRecord(), keyed(collection, id, record.toString()));
        read.put(collection + "\n" + id, Optional.of(record.deepCopy()));
      } catch (SQLException e) {
        throw new Database.Failure(e);
      }
    }

    @Override
    public boolean remove(String collection, String id) {
      try {
        read.put(collection + "\n" + id, Optional.empty());
        return Database.update(c, "DELETE FROM cf_records WHERE vendor = ? AND tenant = ? AND collection = ? AND id = ?",
            keyed(collection, id)) == 1;
      } catch (SQLException e) {
        throw new Database.Failure(e);
      }
    }

    @Override
    public long nextSequence(String name) {
      return counter("INSERT INTO cf_sequences (vendor, tenant, name, last) VALUES (?, ?, ?, 1)"
          + " ON CONFLICT (vendor, tenant, name) DO UPDATE SET last = cf_sequences.last + 1 RETURNING last",
          List.of(key.vendor(), key.tenant(), name));
    }

    @Override
    public long nextId(String collection) {
      return counter("INSERT INTO cf_ids (vendor, collection, last) VALUES (?, ?, 1)"
          + " ON CONFLICT (vendor, collection) DO UPDATE SET last = cf_ids.last + 1 RETURNING last",
          List.of(key.vendor(), collection));
    }

    @Override
    public void reserveId(String collection, long used) {
      counter("INSERT INTO cf_ids (vendor, collection, last) VALUES (?, ?, ?) ON CONFLICT (vendor, collection)"
          + " DO UPDATE SET last = CASE WHEN cf_ids.last > excluded.last THEN cf_ids.last ELSE excluded.last END RETURNING last",
          List.of(key.vendor(), collection, used));
    }

    private long counter(String sql, List<Object> params) {
      try (PreparedStatement st = Database.statement(c, sql, params); ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        throw new Database.Failure(e);
      }
    }
  }
}

package dev.counterfeit.stubs.store.jdbc;

import dev.counterfeit.stubs.store.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL: bodies as {@code json} (kept as sent, NUL escapes included, which {@code jsonb} refuses), tenant
 * writers serialised with transaction-scoped advisory locks so replicas exclude each other.
 */
final class PostgresDialect implements Dialect {
  private static final long SCHEMA_LOCK = 0x636f756e7465726cL;

  @Override
  public List<String> schema() {
    return List.of(
        "CREATE SEQUENCE cf_order",
        "CREATE TABLE cf_records (vendor TEXT NOT NULL, tenant TEXT NOT NULL, collection TEXT NOT NULL, id TEXT NOT NULL,"
            + " ord BIGINT NOT NULL DEFAULT nextval('cf_order'), body JSON NOT NULL,"
            + " PRIMARY KEY (vendor, tenant, collection, id))",
        "CREATE INDEX cf_records_order ON cf_records (vendor, tenant, collection, ord)",
        "CREATE TABLE cf_ids (vendor TEXT NOT NULL, collection TEXT NOT NULL, last BIGINT NOT NULL, PRIMARY KEY (vendor, collection))",
        "CREATE TABLE cf_sequences (vendor TEXT NOT NULL, tenant TEXT NOT NULL, name TEXT NOT NULL, last BIGINT NOT NULL,"
            + " PRIMARY KEY (vendor, tenant, name))",
        "CREATE TABLE cf_rate (key TEXT PRIMARY KEY, start_ms BIGINT NOT NULL, count INTEGER NOT NULL)");
  }

  @Override
  public String putRecord() {
    return "INSERT INTO cf_records (vendor, tenant, collection, id, body) VALUES (?, ?, ?, ?, CAST(? AS json))"
        + " ON CONFLICT (vendor, tenant, collection, id) DO UPDATE SET body = excluded.body";
  }

  @Override
  public void lockTenant(Connection connection, long key) throws SQLException {
    lock(connection, key);
  }

  @Override
  public void lockSchema(Connection connection) throws SQLException {
    lock(connection, SCHEMA_LOCK);
  }

  private static void lock(Connection connection, long key) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      st.setLong(1, key);
      st.execute();
    }
  }

  @Override
  public String scalarText(String field, List<Object> params) {
    params.add(field);
    params.add(field);
    return "(CASE WHEN json_typeof(body -> CAST(? AS text)) IN ('string', 'number', 'boolean') THEN lower(body ->> CAST(? AS text)) END)";
  }

  @Override
  public void order(Query.Sort sort, StringBuilder sql, List<Object> params) {
    String dir = sort.descending() ? " DESC" : " ASC";
    sql.append("(body -> CAST(? AS text) IS NULL OR json_typeof(body -> CAST(? AS text)) = 'null')").append(dir)
        .append(", CASE WHEN json_typeof(body -> CAST(? AS text)) = 'number' THEN (body ->> CAST(? AS text))::numeric END").append(dir)
        .append(", lower(body ->> CAST(? AS text)) COLLATE \"C\"").append(dir);
    for (int i = 0; i < 5; i++) {
      params.add(sort.field());
    }
  }

  @Override
  public boolean retryable(SQLException e) {
    return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
  }
}

package dev.counterfeit.stubs.store.jdbc;

import dev.counterfeit.stubs.store.Query;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.sqlite.Function;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite: one writer at a time (the write pool holds one connection), readers on WAL snapshots. Its own
 * {@code lower()} folds ASCII only, so a Java function folds text the way the in-memory store does.
 */
final class SqliteDialect implements Dialect {
  @Override
  public List<String> schema() {
    return List.of(
        "CREATE TABLE cf_records (vendor TEXT NOT NULL, tenant TEXT NOT NULL, collection TEXT NOT NULL, id TEXT NOT NULL,"
            + " ord INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (vendor, tenant, collection, id))",
        "CREATE INDEX cf_records_order ON cf_records (vendor, tenant, collection, ord)",
        "CREATE INDEX cf_records_last ON cf_records (ord)",
        "CREATE TABLE cf_ids (vendor TEXT NOT NULL, collection TEXT NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (vendor, collection))",
        "CREATE TABLE cf_sequences (vendor TEXT NOT NULL, tenant TEXT NOT NULL, name TEXT NOT NULL, last INTEGER NOT NULL,"
            + " PRIMARY KEY (vendor, tenant, name))",
        "CREATE TABLE cf_rate (key TEXT PRIMARY KEY, start_ms INTEGER NOT NULL, count INTEGER NOT NULL)");
  }

  @Override
  public String putRecord() {
    return "INSERT INTO cf_records (vendor, tenant, collection, id, ord, body)"
        + " VALUES (?, ?, ?, ?, (SELECT coalesce(max(ord), 0) + 1 FROM cf_records), ?)"
        + " ON CONFLICT (vendor, tenant, collection, id) DO UPDATE SET body = excluded.body";
  }

  /** The write pool's single connection already excludes every other writer of the file. */
  @Override
  public void lockTenant(Connection connection, long key) {}

  @Override
  public void lockSchema(Connection connection) {}

  @Override
  public void prepare(Connection connection) throws SQLException {
    Function.create(connection, "cf_lower", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        String text = value_text(0);
        result(text == null ? null : text.toLowerCase(Locale.ROOT));
      }
    }, 1, Function.FLAG_DETERMINISTIC);
  }

  @Override
  public String scalarText(String field, List<Object> params) {
    String path = path(field);
    params.add(path);
    params.add(path);
    return "(CASE json_type(body, ?) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'null' THEN NULL"
        + " WHEN 'object' THEN NULL WHEN 'array' THEN NULL ELSE cf_lower(CAST(json_extract(body, ?) AS TEXT)) END)";
  }

  @Override
  public void order(Query.Sort sort, StringBuilder sql, List<Object> params) {
    String dir = sort.descending() ? " DESC" : " ASC";
    String path = path(sort.field());
    sql.append("(json_type(body, ?) IS NULL OR json_type(body, ?) = 'null')").append(dir)
        .append(", CASE WHEN json_type(body, ?) IN ('integer', 'real') THEN json_extract(body, ?) END").append(dir)
        .append(", cf_lower(CAST(json_extract(body, ?) AS TEXT))").append(dir);
    for (int i = 0; i < 5; i++) {
      params.add(path);
    }
  }

  /** A JSON path naming one top-level member, quoted so any name is a name. */
  private static String path(String field) {
    return "$.\"" + field.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public boolean retryable(SQLException e) {
    return e instanceof SQLiteException s
        && (s.getResultCode() == SQLiteErrorCode.SQLITE_BUSY || s.getResultCode() == SQLiteErrorCode.SQLITE_LOCKED);
  }
}

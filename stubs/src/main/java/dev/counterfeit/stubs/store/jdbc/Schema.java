package dev.counterfeit.stubs.store.jdbc;

import dev.counterfeit.stubs.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables' version, kept in {@code cf_meta}: an empty database gets the current schema, a current one is
 * used as it is, and one written by a newer counterfeit is refused rather than misread.
 */
final class Schema {
  /** The schema this build writes and reads; an upgrade adds its statements and raises this. */
  static final int VERSION = 1;

  private Schema() {}

  static void migrate(Connection c, Dialect dialect, String description) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS cf_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
    }
    dialect.lockSchema(c);
    String found = meta(c, "schema");
    if (found == null) {
      try (Statement st = c.createStatement()) {
        for (String statement : dialect.schema()) {
          st.execute(statement);
        }
      }
      Database.update(c, "INSERT INTO cf_meta (name, value) VALUES ('schema', ?)", List.of(Integer.toString(VERSION)));
      return;
    }
    int version;
    try {
      version = Integer.parseInt(found);
    } catch (NumberFormatException e) {
      throw new StoreException(description + " is not a counterfeit store (schema '" + found + "').");
    }
    if (version > VERSION) {
      throw new StoreException(description + " was written by a newer counterfeit (schema version " + version
          + "; this one reads up to " + VERSION + "). Use that version, or another state file or database.");
    }
  }

  static String meta(Connection c, String name) throws SQLException {
    try (PreparedStatement st = Database.statement(c, "SELECT value FROM cf_meta WHERE name = ?", List.of(name));
        ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** An SQL error as one line without the driver's stack or class names. */
  static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}

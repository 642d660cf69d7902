package dev.counterfeit.stubs.store.jdbc;

import dev.counterfeit.stubs.store.Query;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What differs between the SQL backends: how a JSON field is read, how the first writer of a tenant excludes
 * the others, and the schema. Everything else (tables, upserts, paging) is the same SQL for both.
 */
interface Dialect {
  /** The schema of version {@link Schema#VERSION}, statement by statement. */
  List<String> schema();

  /** The upsert of one record: parameters vendor, tenant, collection, id, body; a replaced record keeps its order. */
  String putRecord();

  /** Serialises writers of one tenant until the transaction ends (across processes where the database can). */
  void lockTenant(Connection connection, long key) throws SQLException;

  /** Serialises schema changes of replicas starting together. */
  void lockSchema(Connection connection) throws SQLException;

  /**
   * An expression for a top-level field's text, lower-cased as {@code toLowerCase(Locale.ROOT)} does, when it
   * is a string, number or boolean, and NULL otherwise; its parameters are appended.
   */
  String scalarText(String field, List<Object> params);

  /** Appends the {@code ORDER BY} terms of a sort (without the tie-breaker) and their parameters. */
  void order(Query.Sort sort, StringBuilder sql, List<Object> params);

  /** Prepares a connection before first use (functions the SQL relies on). */
  default void prepare(Connection connection) throws SQLException {}

  /** Whether an error means "try the unit of work again" (a serialisation failure, a busy database). */
  boolean retryable(SQLException e);
}

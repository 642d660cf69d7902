package dev.counterfeit.stubs.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.counterfeit.stubs.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Transactions on the two pools: writes on one, reads on another whose transactions see one snapshot. A unit of
 * work that meets a serialisation failure is run again; a database that cannot be reached is a
 * {@link StoreUnavailableException}, so the request is answered 503 and the next one tries again.
 */
final class Database implements AutoCloseable {
  private static final int ATTEMPTS = 5;

  /** A unit of work over one connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** An SQL failure inside a unit of work, carried out of the store's checked-exception-free interfaces. */
  static final class Failure extends RuntimeException {
    final SQLException cause;

    Failure(SQLException cause) {
      super(cause.getMessage(), cause);
      this.cause = cause;
    }
  }

  final Dialect dialect;
  private final HikariDataSource writes;
  private final HikariDataSource reads;
  private final String description;
  private final Map<Connection, Boolean> prepared = new WeakHashMap<>();

  Database(Dialect dialect, HikariDataSource writes, HikariDataSource reads, String description) {
    this.dialect = dialect;
    this.writes = writes;
    this.reads = reads;
    this.description = description;
  }

  <T> T write(Work<T> work) {
    return run(writes, work);
  }

  <T> T read(Work<T> work) {
    return run(reads, work);
  }

  private <T> T run(HikariDataSource pool, Work<T> work) {
    boolean reconnected = false;
    for (int attempt = 1; ; attempt++) {
      SQLException failure;
      try (Connection connection = pool.getConnection()) {
        prepare(connection);
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException e) {
          rollBack(connection);
          failure = e;
        } catch (Failure e) {
          rollBack(connection);
          failure = e.cause;
        } catch (RuntimeException | Error e) {
          rollBack(connection);
          throw e;
        }
      } catch (SQLException e) {
        failure = e;
      }
      if (attempt < ATTEMPTS && dialect.retryable(failure)) {
        continue;
      }
      // A pooled connection the database dropped (a restart, a failover) fails once; the pool then discards
      // it, and a fresh one decides whether the database is really away.
      if (!reconnected && connectionLost(failure)) {
        reconnected = true;
        continue;
      }
      throw translate(failure);
    }
  }

  private static boolean connectionLost(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return e instanceof SQLNonTransientConnectionException || state.startsWith("08") || state.startsWith("57P");
  }

  private void prepare(Connection connection) throws SQLException {
    Connection physical = connection.unwrap(Connection.class);
    synchronized (prepared) {
      if (prepared.containsKey(physical)) {
        return;
      }
    }
    dialect.prepare(physical);
    synchronized (prepared) {
      prepared.put(physical, Boolean.TRUE);
    }
  }

  private static void rollBack(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The connection is broken; the pool drops it, and the original failure is what the caller hears about.
    }
  }

  /** A lost or refused connection is the store being away; anything else is a defect worth a 500. */
  private RuntimeException translate(SQLException e) {
    if (e instanceof SQLTransientConnectionException || connectionLost(e) || dialect.retryable(e)) {
      return new StoreUnavailableException(description + " is unavailable: " + Schema.oneLine(e), e);
    }
    return new IllegalStateException(description + " failed: " + Schema.oneLine(e), e);
  }

  static int update(Connection connection, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement st = statement(connection, sql, params)) {
      return st.executeUpdate();
    }
  }

  static PreparedStatement statement(Connection connection, String sql, List<Object> params) throws SQLException {
    PreparedStatement st = connection.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      st.setObject(i + 1, params.get(i));
    }
    return st;
  }

  String description() {
    return description;
  }

  @Override
  public void close() {
    reads.close();
    writes.close();
  }
}

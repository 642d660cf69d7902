package dev.counterfeit.stubs.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.counterfeit.stubs.store.RateWindows;
import dev.counterfeit.stubs.store.StoreException;
import dev.counterfeit.stubs.store.Stores;
import dev.counterfeit.stubs.store.TenantStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The durable and shared stores on JDBC: an embedded SQLite file, or PostgreSQL for any number of replicas.
 * Opening one checks it all the way (reachable, writable, a schema this version reads) so a bad store stops the
 * fake at start with one line, never a silent fallback to memory.
 */
public final class JdbcStores implements Stores {
  private static final SecureRandom RANDOM = new SecureRandom();
  /**
   * As many read connections as the host has request threads on a small machine, so a GET never queues for a
   * connection behind other GETs (with 8, half of 16 concurrent readers waited in the pool).
   */
  private static final int READERS = 16;

  /** The pool's start and stop notices are noise beside the fake's banner; its warnings still show. */
  private static final Logger POOL_LOG = Logger.getLogger("com.zaxxer.hikari");

  static {
    POOL_LOG.setLevel(Level.WARNING);
  }

  private final Database db;
  private final TenantStore records;
  private final RateWindows rateWindows;

  private JdbcStores(Database db) {
    this.db = db;
    this.records = new JdbcTenantStore(db);
    this.rateWindows = new JdbcRateWindows(db);
  }

  /**
   * An SQLite file, created when missing. WAL with {@code synchronous=FULL}: a transaction is on disk before
   * its commit returns, so every write answered with a 2xx survives {@code kill -9} and a power cut.
   */
  public static Stores file(Path path) {
    Path file = path.toAbsolutePath();
    String description = "state file " + file;
    Path dir = file.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new StoreException("Cannot use " + description + ": the folder " + dir + " does not exist.");
    }
    if (Files.isDirectory(file)) {
      throw new StoreException("Cannot use " + description + ": it is a folder.");
    }
    Properties pragmas = new Properties();
    pragmas.setProperty("journal_mode", "WAL");
    pragmas.setProperty("synchronous", "FULL");
    pragmas.setProperty("busy_timeout", "10000");
    // One writer: SQLite allows one at a time, and queuing in the pool is cheaper than retrying on SQLITE_BUSY.
    return open(new SqliteDialect(), "jdbc:sqlite:" + file, pragmas, 1, null, description, true);
  }

  /** A PostgreSQL database; replicas pointed at the same one share every record, counter and secret. */
  public static Stores postgres(String url) {
    String description = "PostgreSQL " + url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    // One snapshot per read, so a page and its total agree even while others write.
    return open(new PostgresDialect(), url, new Properties(), 8, "TRANSACTION_REPEATABLE_READ", description, false);
  }

  private static Stores open(Dialect dialect, String url, Properties properties, int writers, String readIsolation,
      String description, boolean embedded) {
    // A lost database answers requests with a 503 within seconds instead of hanging them; a local file's only
    // wait is for the single writer, which a burst may keep busy for longer.
    long wait = embedded ? 30_000 : 3_000;
    HikariDataSource writes = pool(url, properties, writers, null, wait, description);
    HikariDataSource reads;
    try {
      reads = pool(url, properties, READERS, readIsolation, wait, description);
    } catch (RuntimeException e) {
      writes.close();
      throw e;
    }
    return open(new Database(dialect, writes, reads, description), embedded);
  }

  private static HikariDataSource pool(String url, Properties properties, int size, String isolation, long wait,
      String description) {
    HikariConfig config = new HikariConfig();
    config.setTransactionIsolation(isolation);
    config.setJdbcUrl(url);
    config.setDataSourceProperties(properties);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setAutoCommit(false);
    config.setConnectionTimeout(wait);
    config.setValidationTimeout(1000);
    config.setInitializationFailTimeout(1);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("Cannot use " + description + ": " + Schema.oneLine(e), e);
    }
  }

  private static Stores open(Database db, boolean embedded) {
    try {
      db.write(c -> {
        if (embedded) {
          refuseForeignFile(c, db.description());
        }
        Schema.migrate(c, db.dialect, db.description());
        return null;
      });
    } catch (StoreException e) {
      db.close();
      throw e;
    } catch (RuntimeException e) {
      db.close();
      throw new StoreException("Cannot use " + db.description() + ": " + Schema.oneLine(e), e);
    }
    return new JdbcStores(db);
  }

  /** An SQLite database of some other program is left alone rather than filled with our tables. */
  private static void refuseForeignFile(Connection c, String description) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(
        "SELECT count(*), sum(name = 'cf_meta') FROM sqlite_master WHERE type = 'table'");
        ResultSet rs = st.executeQuery()) {
      rs.next();
      if (rs.getInt(1) > 0 && rs.getInt(2) == 0) {
        throw new StoreException("Cannot use " + description + ": it is a database of another program, not a "
            + "counterfeit state file.");
      }
    }
  }

  @Override
  public TenantStore records() {
    return records;
  }

  @Override
  public RateWindows rateWindows() {
    return rateWindows;
  }

  @Override
  public byte[] secret(String name) {
    String key = "secret:" + name;
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    String value = db.write(c -> {
      Database.update(c, "INSERT INTO cf_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
          List.of(key, Base64.getEncoder().encodeToString(fresh)));
      return Schema.meta(c, key);
    });
    return Base64.getDecoder().decode(value);
  }

  @Override
  public String description() {
    return db.description();
  }

  @Override
  public void close() {
    db.close();
  }
}

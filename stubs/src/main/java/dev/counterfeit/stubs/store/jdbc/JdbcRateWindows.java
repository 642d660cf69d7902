package dev.counterfeit.stubs.store.jdbc;

import dev.counterfeit.stubs.store.RateWindows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Rate-limit windows as rows of {@code cf_rate}; one upsert per hit, atomic across replicas. */
final class JdbcRateWindows implements RateWindows {
  private final Database db;

  JdbcRateWindows(Database db) {
    this.db = db;
  }

  @Override
  public Decision hit(String key, int limit, Duration window, Instant now) {
    long nowMillis = now.toEpochMilli();
    long expiredBefore = nowMillis - window.toMillis();
    return db.write(c -> {
      try (PreparedStatement st = Database.statement(c, "INSERT INTO cf_rate (key, start_ms, count) VALUES (?, ?, 1)"
          + " ON CONFLICT (key) DO UPDATE SET"
          + " count = CASE WHEN cf_rate.start_ms <= ? THEN 1 ELSE cf_rate.count + 1 END,"
          + " start_ms = CASE WHEN cf_rate.start_ms <= ? THEN ? ELSE cf_rate.start_ms END"
          + " RETURNING start_ms, count", List.of(key, nowMillis, expiredBefore, expiredBefore, nowMillis));
          ResultSet rs = st.executeQuery()) {
        rs.next();
        int count = rs.getInt(2);
        return new Decision(count <= limit, limit, Math.max(0, limit - count),
            Instant.ofEpochMilli(rs.getLong(1)).plus(window));
      }
    });
  }

  @Override
  public Decision peek(String key, int limit, Duration window, Instant now) {
    return db.read(c -> {
      try (PreparedStatement st = Database.statement(c, "SELECT start_ms, count FROM cf_rate WHERE key = ?", List.of(key));
          ResultSet rs = st.executeQuery()) {
        if (!rs.next() || rs.getLong(1) + window.toMillis() <= now.toEpochMilli()) {
          return new Decision(true, limit, limit, now.plus(window));
        }
        int count = rs.getInt(2);
        return new Decision(count < limit, limit, Math.max(0, limit - count),
            Instant.ofEpochMilli(rs.getLong(1)).plus(window));
      }
    });
  }

  @Override
  public void clear(String prefix) {
    db.write(c -> Database.update(c, "DELETE FROM cf_rate WHERE substr(key, 1, ?) = ?", List.of(prefix.length(), prefix)));
  }
}

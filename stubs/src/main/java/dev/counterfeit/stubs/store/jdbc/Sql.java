package dev.counterfeit.stubs.store.jdbc;

import dev.counterfeit.stubs.store.Query;
import dev.counterfeit.stubs.store.TenantKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@link Query} as SQL over {@code cf_records}, with its parameters in order. */
final class Sql {
  final String text;
  final List<Object> params;

  private Sql(String text, List<Object> params) {
    this.text = text;
    this.params = params;
  }

  static Sql count(Dialect dialect, TenantKey tenant, String collection, Query query) {
    StringBuilder sql = new StringBuilder("SELECT count(*) FROM cf_records");
    List<Object> params = new ArrayList<>();
    where(dialect, tenant, collection, query, sql, params);
    return new Sql(sql.toString(), params);
  }

  static Sql page(Dialect dialect, TenantKey tenant, String collection, Query query) {
    StringBuilder sql = new StringBuilder("SELECT body FROM cf_records");
    List<Object> params = new ArrayList<>();
    where(dialect, tenant, collection, query, sql, params);
    sql.append(" ORDER BY ");
    if (query.sort() != null) {
      dialect.order(query.sort(), sql, params);
      sql.append(", ");
    }
    sql.append("ord LIMIT ? OFFSET ?");
    params.add(query.limit());
    params.add(query.offset());
    return new Sql(sql.toString(), params);
  }

  private static void where(Dialect dialect, TenantKey tenant, String collection, Query query, StringBuilder sql,
      List<Object> params) {
    sql.append(" WHERE vendor = ? AND tenant = ? AND collection = ?");
    params.add(tenant.vendor());
    params.add(tenant.tenant());
    params.add(collection);
    for (Query.Filter filter : query.filters()) {
      sql.append(" AND (");
      boolean first = true;
      for (String field : filter.fields()) {
        for (String value : filter.values()) {
          sql.append(first ? "" : " OR ").append(dialect.scalarText(field, params));
          String wanted = value.toLowerCase(Locale.ROOT);
          if (filter.match() == Query.Match.EQUALS) {
            sql.append(" = ?");
            params.add(wanted);
          } else {
            sql.append(" LIKE ? ESCAPE '!'");
            params.add("%" + wanted.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
          }
          first = false;
        }
      }
      if (first) {
        sql.append("1 = 0");
      }
      sql.append(')');
    }
  }
}

package dev.counterfeit.stubs.store.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.store.Query;
import java.util.Comparator;
import java.util.Locale;

/** A {@link Query}'s filters and order evaluated on records in memory, as the SQL backends evaluate them. */
final class Matching {
  private Matching() {}

  static boolean matches(ObjectNode record, Query query) {
    for (Query.Filter filter : query.filters()) {
      if (!matches(record, filter)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(ObjectNode record, Query.Filter filter) {
    for (String field : filter.fields()) {
      JsonNode value = record.get(field);
      if (value == null || value.isNull() || value.isContainerNode()) {
        continue;
      }
      String text = value.asText().toLowerCase(Locale.ROOT);
      for (String wanted : filter.values()) {
        String needle = wanted.toLowerCase(Locale.ROOT);
        if (filter.match() == Query.Match.EQUALS ? text.equals(needle) : text.contains(needle)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The query's order over records; null when it keeps insertion order. */
  static Comparator<ObjectNode> order(Query query) {
    if (query.sort() == null) {
      return null;
    }
    String field = query.sort().field();
    Comparator<ObjectNode> order = Comparator.comparing(r -> r.get(field), VALUE_ORDER);
    return query.sort().descending() ? order.reversed() : order;
  }

  private static boolean absent(JsonNode v) {
    return v == null || v.isNull();
  }

  /** Numbers by value, text case-insensitively, missing and null last. */
  private static final Comparator<JsonNode> VALUE_ORDER = (a, b) -> {
    if (absent(a) || absent(b)) {
      return Boolean.compare(absent(a), absent(b));
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.asText().toLowerCase(Locale.ROOT).compareTo(b.asText().toLowerCase(Locale.ROOT));
  };
}

package dev.counterfeit.stubs.store;

import java.util.List;

/**
 * Which records of a collection a list asks for: filters, one sort and a page. Every backend evaluates it
 * itself (an ordered map in memory, SQL in the databases), so answering a page never copies a collection.
 *
 * @param filters all must hold
 * @param sort the order, or null for insertion order (oldest first)
 * @param offset records to skip
 * @param limit records to answer at most ({@link Integer#MAX_VALUE} for all)
 */
public record Query(List<Filter> filters, Sort sort, long offset, int limit) {
  public Query {
    filters = List.copyOf(filters);
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
  }

  /** Every record, oldest first. */
  public static Query all() {
    return new Query(List.of(), null, 0, Integer.MAX_VALUE);
  }

  /** Records whose {@code field} holds one of {@code values} (compared as text, ignoring case). */
  public static Query where(String field, List<String> values) {
    return new Query(List.of(new Filter(List.of(field), values, Match.EQUALS)), null, 0, Integer.MAX_VALUE);
  }

  /** How a filter compares a field's text with a wanted value; both sides ignore case. */
  public enum Match { CONTAINS, EQUALS }

  /**
   * Holds when any of {@code fields} is a scalar whose text matches any of {@code values}; null, missing and
   * object or array fields never match.
   */
  public record Filter(List<String> fields, List<String> values, Match match) {
    public Filter {
      fields = List.copyOf(fields);
      values = List.copyOf(values);
    }
  }

  /**
   * Numbers by value, text ignoring case, missing and null last (first when descending); ties keep insertion
   * order.
   */
  public record Sort(String field, boolean descending) {}
}

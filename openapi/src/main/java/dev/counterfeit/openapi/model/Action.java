package dev.counterfeit.openapi.model;

import java.util.Locale;

/** The generic behaviour an operation gets, from its {@code x-counterfeit-action}. */
public enum Action {
  LIST, CREATE, READ, REPLACE, MERGE, DELETE, CUSTOM;

  static Action of(String value, String where) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SpecException(where + ": unknown x-counterfeit-action '" + value + "'");
    }
  }

  /** Whether the last path parameter names an existing item. */
  public boolean addressesItem() {
    return this == READ || this == REPLACE || this == MERGE || this == DELETE;
  }
}

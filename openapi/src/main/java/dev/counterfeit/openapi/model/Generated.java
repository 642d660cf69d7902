package dev.counterfeit.openapi.model;

/**
 * A value the server makes up rather than stores from a request, named by a response property's
 * {@code x-counterfeit-value} (CONVENTIONS.md).
 */
public enum Generated {
  /** The item's id; its schema's type, format or pattern decides the style. */
  ID("id"),
  CREATED_AT("created-at"),
  /** Changes on every write, so "unchanged" comparisons skip it. */
  UPDATED_AT("updated-at"),
  /** The tenant that owns the record. */
  TENANT("tenant"),
  /** A counter per tenant (1, 2, 3 … within one company). */
  TENANT_SEQUENCE("tenant-sequence"),
  /** The body fields a partial update changed, in the order sent. */
  UPDATED_FIELDS("updated-fields"),
  /** The item's own path ({@code /clients/12}). */
  SELF("self"),
  /** The credential a login answers. */
  TOKEN("token");

  private final String value;

  Generated(String value) {
    this.value = value;
  }

  /** The value as the spec writes it ({@code updated-at}). */
  public String value() {
    return value;
  }

  static Generated of(String value, String where) {
    for (Generated g : values()) {
      if (g.value.equals(value)) {
        return g;
      }
    }
    throw new SpecException(where + ": unknown x-counterfeit-value '" + value + "'");
  }
}

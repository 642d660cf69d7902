package dev.counterfeit.conformance.cases;

/**
 * How a case authenticates.
 *
 * @param kind the variant
 * @param scheme the security scheme the variant is about ({@link Kind#INVALID}, {@link Kind#WITHOUT}), else null
 */
public record Credentials(Kind kind, String scheme) {
  public static final Credentials VALID = new Credentials(Kind.VALID, null);
  public static final Credentials NONE = new Credentials(Kind.NONE, null);
  public static final Credentials READ_ONLY = new Credentials(Kind.READ_ONLY, null);
  public static final Credentials OTHER_TENANT = new Credentials(Kind.OTHER_TENANT, null);

  /** The variants. */
  public enum Kind {
    /** The configured credentials with write permission. */
    VALID,
    /** No credentials at all. */
    NONE,
    /** Every credential valid except one scheme, which carries a wrong value. */
    INVALID,
    /** Every credential valid except one scheme, which is left out. */
    WITHOUT,
    /** Valid credentials lacking write permission. */
    READ_ONLY,
    /** Valid credentials of another tenant (company). */
    OTHER_TENANT
  }

  public static Credentials invalid(String scheme) {
    return new Credentials(Kind.INVALID, scheme);
  }

  public static Credentials without(String scheme) {
    return new Credentials(Kind.WITHOUT, scheme);
  }
}

package dev.counterfeit.stubs.problem;

/**
 * What went wrong, vendor-neutral, with the status most APIs give it. A spec's {@code x-counterfeit-problems}
 * gives a vendor's own status, code and message per kind under its {@link #key()}.
 */
public enum ProblemKind {
  NO_ROUTE(404),
  METHOD_NOT_ALLOWED(405),
  UNSUPPORTED_MEDIA_TYPE(415),
  MALFORMED_BODY(400),
  INVALID_REQUEST(400),
  MISSING_CREDENTIALS(401),
  INVALID_CREDENTIALS(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  CONFLICT(409),
  /** The client sent its request too slowly (a body trickling in). */
  REQUEST_TIMEOUT(408),
  PAYLOAD_TOO_LARGE(413),
  URI_TOO_LONG(414),
  HEADERS_TOO_LARGE(431),
  RATE_LIMITED(429),
  INTERNAL(500),
  /** The fake's own store cannot be reached (a shared database went away); retrying later may work. */
  UNAVAILABLE(503);

  private final int status;
  private final String key;

  ProblemKind(int status) {
    this.status = status;
    this.key = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The status where the vendor's spec lists no answer for this kind. */
  public int defaultStatus() {
    return status;
  }

  /** The kind's name in {@code x-counterfeit-problems}: the constant in kebab-case ({@code malformed-body}). */
  public String key() {
    return key;
  }
}

package dev.counterfeit.stubs.http;

import java.time.Duration;

/**
 * How much one request may send and how long a connection may stay silent. A request over a size limit is
 * answered with 413, 414 or 431 in the vendor's envelope and never reaches the engine.
 *
 * @param maxBodyBytes the body, after any gzip is undone (413 beyond)
 * @param maxUriBytes the request target: path and query string as sent (414 beyond)
 * @param maxHeaderBytes all header lines together, {@code name: value} plus line ends (431 beyond)
 * @param idleTimeout how long a connection may send nothing before it is closed; also bounds a slow client
 *     trickling a request, since every pause counts
 */
public record Limits(int maxBodyBytes, int maxUriBytes, int maxHeaderBytes, Duration idleTimeout) {
  /** A body must keep arriving at least this fast once it has started (bytes per second). */
  public static final int MIN_BODY_RATE = 1024;

  public Limits {
    if (maxBodyBytes <= 0 || maxUriBytes <= 0 || maxHeaderBytes <= 0) {
      throw new IllegalArgumentException("Size limits must be positive");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("The idle time-out must be positive");
    }
  }

  /** 1 MiB bodies (nginx's default), 8 KiB request targets, 16 KiB of headers, 30 s idle time-out. */
  public static Limits defaults() {
    return new Limits(1 << 20, 8 << 10, 16 << 10, Duration.ofSeconds(30));
  }

  public Limits withMaxBodyBytes(int bytes) {
    return new Limits(bytes, maxUriBytes, maxHeaderBytes, idleTimeout);
  }

  public Limits withMaxUriBytes(int bytes) {
    return new Limits(maxBodyBytes, bytes, maxHeaderBytes, idleTimeout);
  }

  public Limits withMaxHeaderBytes(int bytes) {
    return new Limits(maxBodyBytes, maxUriBytes, bytes, idleTimeout);
  }

  public Limits withIdleTimeout(Duration timeout) {
    return new Limits(maxBodyBytes, maxUriBytes, maxHeaderBytes, timeout);
  }
}

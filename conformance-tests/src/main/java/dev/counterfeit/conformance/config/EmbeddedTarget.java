package dev.counterfeit.conformance.config;

import java.util.Map;

/**
 * An implementation the kit starts itself when no base URL is given: the counterfeit fake, provided through
 * {@link java.util.ServiceLoader} by whatever puts the fake on the classpath (the kit's own tests do; the CLI
 * jar does not, so there a base URL is needed).
 */
public interface EmbeddedTarget extends AutoCloseable {

  /** Where it answers ({@code http://127.0.0.1:<port>}). */
  String baseUrl();

  /** Settings that apply unless configured otherwise: the demo credentials the fake accepts. */
  Map<String, String> defaults();

  /** Stops it. */
  @Override
  void close();

  /** Starts embedded targets; registered in {@code META-INF/services}. */
  interface Factory {
    /** Starts one, with rate limits on only when the rate-limit cases are to run. */
    EmbeddedTarget start(KitConfig config);
  }
}

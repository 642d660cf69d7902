package dev.counterfeit.stubs;

import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.proxy.ProxySettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How to run the fake; the CLI parses into this, and tests build it directly.
 *
 * @param port the port, 0 for a free one
 * @param bind the address to listen on
 * @param apis vendor ids to serve; empty serves all
 * @param seed whether to load the demo tenants' records (credentials and reference data always load)
 * @param corsOrigins origins browsers may call from; {@code *} allows any
 * @param journalLimit requests WireMock's journal keeps; 0 turns it off
 * @param rateLimits whether vendors' documented rate limits apply
 * @param checkResponses whether every answer is checked against the spec (violations are logged and sent in
 *     an {@code X-Counterfeit-Violations} header)
 * @param specOverrides YAML to serve instead of a vendor's packaged spec
 * @param decorator wraps the fake's handler (the conformance kit's mutants break one rule this way)
 * @param clock the time the fake runs on
 * @param proxy vendors sent to a real implementation and checked against their specs; none by default
 */
public record StubServerConfig(
    int port,
    String bind,
    Set<String> apis,
    boolean seed,
    List<String> corsOrigins,
    int journalLimit,
    boolean rateLimits,
    boolean checkResponses,
    Map<String, String> specOverrides,
    UnaryOperator<HttpHandler> decorator,
    Clock clock,
    ProxySettings proxy) {

  public StubServerConfig {
    apis = Set.copyOf(apis);
    corsOrigins = List.copyOf(corsOrigins);
    specOverrides = Map.copyOf(specOverrides);
  }

  /** Port 8080 on 127.0.0.1, every API, seeded, CORS for any origin, a 1000-entry journal, rate limits on. */
  public static StubServerConfig defaults() {
    return new StubServerConfig(8080, "127.0.0.1", Set.of(), true, List.of("*"), 1000, true, false, Map.of(),
        UnaryOperator.identity(), Clock.systemUTC(), ProxySettings.none());
  }

  public StubServerConfig withPort(int port) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, rateLimits, checkResponses, specOverrides, decorator, clock, proxy);
  }

  public StubServerConfig withBind(String bind) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, rateLimits, checkResponses, specOverrides, decorator, clock, proxy);
  }

  public StubServerConfig withApis(Set<String> apis) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, rateLimits, checkResponses, specOverrides, decorator, clock, proxy);
  }

  public StubServerConfig withSeed(boolean seed) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, rateLimits, checkResponses, specOverrides, decorator, clock, proxy);
  }

  public StubServerConfig withCorsOrigins(List<String> corsOrigins) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, rateLimits, checkResponses, specOverrides, decorator, clock, proxy);
  }

  public StubServerConfig withJournalLimit(int journalLimit) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, rateLimits, checkResponses, specOverrides, decorator, clock, proxy);
  }

  public StubServerConfig withCheckResponses(boolean checkResponses) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, rateLimits, checkResponses, specOverrides, decorator, clock, proxy);
  }

  public StubServerConfig withRateLimits(boolean rateLimits) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, rateLimits, checkResponses, specOverrides, decorator, clock, proxy);
  }

  /** Serves {@code yaml} instead of the packaged spec of {@code vendor}. */
  public StubServerConfig withSpecOverride(String vendor, String yaml) {
    Map<String, String> copy = new LinkedHashMap<>(specOverrides);
    copy.put(vendor, yaml);
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, rateLimits, checkResponses, copy, decorator, clock, proxy);
  }

  public StubServerConfig withDecorator(UnaryOperator<HttpHandler> decorator) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, rateLimits, checkResponses, specOverrides, decorator, clock, proxy);
  }

  public StubServerConfig withClock(Clock clock) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, rateLimits, checkResponses, specOverrides, decorator, clock, proxy);
  }

  /** Sends the vendors {@code proxy} names to their upstreams instead of answering them. */
  public StubServerConfig withProxy(ProxySettings proxy) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, rateLimits, checkResponses, specOverrides, decorator, clock, proxy);
  }
}

package dev.counterfeit.stubs;

import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.Limits;
import dev.counterfeit.stubs.proxy.ProxySettings;
import dev.counterfeit.stubs.store.StoreLocation;
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
 * @param journalLimit requests WireMock's journal keeps at {@code /__admin/requests}; 0 (the default) turns it
 *     off, because its cap walks every kept entry on each request
 * @param requestLog requests the fake's own log keeps at {@code /__counterfeit/requests}; 0 turns it off
 * @param rateLimits whether vendors' documented rate limits apply
 * @param checkResponses whether every answer is checked against the spec (violations are logged and sent in
 *     an {@code X-Counterfeit-Violations} header)
 * @param specOverrides YAML to serve instead of a vendor's packaged spec
 * @param decorator wraps the fake's handler (the conformance kit's mutants break one rule this way)
 * @param clock the time the fake runs on
 * @param store where records and counters are kept: in memory, an embedded file, or a shared PostgreSQL
 * @param limits request sizes and connection time-outs
 * @param proxy vendors forwarded to a real implementation and checked against their specs (none by default)
 */
public record StubServerConfig(
    int port,
    String bind,
    Set<String> apis,
    boolean seed,
    List<String> corsOrigins,
    int journalLimit,
    int requestLog,
    boolean rateLimits,
    boolean checkResponses,
    Map<String, String> specOverrides,
    UnaryOperator<HttpHandler> decorator,
    Clock clock,
    StoreLocation store,
    Limits limits,
    ProxySettings proxy) {

  public StubServerConfig {
    if (journalLimit < 0 || requestLog < 0) {
      throw new IllegalArgumentException("journalLimit and requestLog must be 0 or more");
    }
    apis = Set.copyOf(apis);
    corsOrigins = List.copyOf(corsOrigins);
    specOverrides = Map.copyOf(specOverrides);
  }

  /**
   * Port 8080 on 127.0.0.1, every API, seeded, CORS for any origin, WireMock's journal off, the last 200
   * requests in the fake's own log, rate limits on, state in memory, the {@linkplain Limits#defaults() default
   * limits}.
   */
  public static StubServerConfig defaults() {
    return new StubServerConfig(8080, "127.0.0.1", Set.of(), true, List.of("*"), 0, 200, true, false, Map.of(),
        UnaryOperator.identity(), Clock.systemUTC(),
        StoreLocation.memory(), Limits.defaults(), ProxySettings.none());
  }

  public StubServerConfig withPort(int port) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withBind(String bind) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withApis(Set<String> apis) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withSeed(boolean seed) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withCorsOrigins(List<String> corsOrigins) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withJournalLimit(int journalLimit) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withRequestLog(int requestLog) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withCheckResponses(boolean checkResponses) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withRateLimits(boolean rateLimits) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  /** Serves {@code yaml} instead of the packaged spec of {@code vendor}. */
  public StubServerConfig withSpecOverride(String vendor, String yaml) {
    Map<String, String> copy = new LinkedHashMap<>(specOverrides);
    copy.put(vendor, yaml);
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, copy, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withDecorator(UnaryOperator<HttpHandler> decorator) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withStore(StoreLocation store) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withLimits(Limits limits) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withProxy(ProxySettings proxy) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }

  public StubServerConfig withClock(Clock clock) {
    return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits, checkResponses, specOverrides, decorator, clock, store, limits, proxy);
  }
}

package dev.counterfeit.stubs;

import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.Limits;
import dev.counterfeit.stubs.proxy.ProxySettings;
import dev.counterfeit.stubs.store.StoreLocation;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How to run the fake; the CLI parses into this, and tests build it directly, both through {@link #builder()}.
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

  /** A builder that starts at the {@linkplain Builder defaults}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link StubServerConfig}: every setting starts at its default, so a caller names only what differs
   * ({@code StubServerConfig.builder().port(0).rateLimits(false).build()}).
   *
   * <p>The defaults: port 8080 on 127.0.0.1, every API, seeded, CORS for any origin, WireMock's journal off, the
   * last 200 requests in the fake's own log, rate limits on, answers not checked, no spec overrides, no
   * decorator, the system clock, state in memory, the {@linkplain Limits#defaults() default limits} and no proxy.
   */
  public static final class Builder {
    private int port = 8080;
    private String bind = "127.0.0.1";
    private Set<String> apis = Set.of();
    private boolean seed = true;
    private List<String> corsOrigins = List.of("*");
    private int journalLimit;
    private int requestLog = 200;
    private boolean rateLimits = true;
    private boolean checkResponses;
    private final Map<String, String> specOverrides = new LinkedHashMap<>();
    private UnaryOperator<HttpHandler> decorator = UnaryOperator.identity();
    private Clock clock = Clock.systemUTC();
    private StoreLocation store = StoreLocation.memory();
    private Limits limits = Limits.defaults();
    private ProxySettings proxy = ProxySettings.none();

    private Builder() {}

    /** The port, 0 for a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The address to listen on. */
    public Builder bind(String bind) {
      this.bind = bind;
      return this;
    }

    /** Vendor ids to serve; empty serves all. */
    public Builder apis(Collection<String> apis) {
      this.apis = Set.copyOf(apis);
      return this;
    }

    /** Whether to load the demo tenants' records (credentials and reference data always load). */
    public Builder seed(boolean seed) {
      this.seed = seed;
      return this;
    }

    /** Origins browsers may call from; {@code *} allows any. */
    public Builder corsOrigins(List<String> corsOrigins) {
      this.corsOrigins = List.copyOf(corsOrigins);
      return this;
    }

    /** Requests WireMock's journal keeps at {@code /__admin/requests}; 0 turns it off. */
    public Builder journalLimit(int journalLimit) {
      this.journalLimit = journalLimit;
      return this;
    }

    /** Requests the fake's own log keeps at {@code /__counterfeit/requests}; 0 turns it off. */
    public Builder requestLog(int requestLog) {
      this.requestLog = requestLog;
      return this;
    }

    /** Whether vendors' documented rate limits apply. */
    public Builder rateLimits(boolean rateLimits) {
      this.rateLimits = rateLimits;
      return this;
    }

    /** Whether every answer is checked against the spec. */
    public Builder checkResponses(boolean checkResponses) {
      this.checkResponses = checkResponses;
      return this;
    }

    /** Serves {@code yaml} instead of the packaged spec of {@code vendor}; one call per vendor. */
    public Builder specOverride(String vendor, String yaml) {
      specOverrides.put(vendor, yaml);
      return this;
    }

    /** Wraps the fake's handler (the conformance kit's mutants break one rule this way). */
    public Builder decorator(UnaryOperator<HttpHandler> decorator) {
      this.decorator = decorator;
      return this;
    }

    /** The time the fake runs on. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Where records and counters are kept. */
    public Builder store(StoreLocation store) {
      this.store = store;
      return this;
    }

    /** Request sizes and connection time-outs. */
    public Builder limits(Limits limits) {
      this.limits = limits;
      return this;
    }

    /** Vendors forwarded to a real implementation and checked against their specs. */
    public Builder proxy(ProxySettings proxy) {
      this.proxy = proxy;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException when {@code journalLimit} or {@code requestLog} is negative
     */
    public StubServerConfig build() {
      return new StubServerConfig(port, bind, apis, seed, corsOrigins, journalLimit, requestLog, rateLimits,
          checkResponses, specOverrides, decorator, clock, store, limits, proxy);
    }
  }
}

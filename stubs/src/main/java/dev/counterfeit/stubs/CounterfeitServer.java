package dev.counterfeit.stubs;

import dev.counterfeit.stubs.control.ControlRoutes;
import dev.counterfeit.stubs.engine.Fake;
import dev.counterfeit.stubs.http.Cors;
import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.proxy.ValidatingProxy;
import dev.counterfeit.stubs.wiremock.WireMockHost;

/**
 * The running fake: every configured API served on one port by embedded WireMock.
 *
 * <pre>{@code
 * try (CounterfeitServer server = CounterfeitServer.start(StubServerConfig.defaults().withPort(0))) {
 *   String base = server.baseUrl();   // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class CounterfeitServer implements AutoCloseable {
  private final Fake fake;
  private final WireMockHost host;
  private final StubServerConfig config;
  /** Null unless some vendor is proxied. */
  private final ValidatingProxy proxy;

  private CounterfeitServer(StubServerConfig config) {
    this.config = config;
    this.fake = Fake.build(config.apis(), config.specOverrides(), config.seed(), config.rateLimits(),
        config.checkResponses(), config.clock());
    HttpHandler served = new ControlRoutes(fake, config.decorator().apply(fake));
    this.proxy = config.proxy().enabled()
        ? new ValidatingProxy(config.proxy(), fake.models(), served, config.clock()) : null;
    HttpHandler handler = new Cors(config.corsOrigins(), proxy == null ? served : proxy);
    this.host = new WireMockHost(handler, config.port(), config.bind(), config.journalLimit());
  }

  /** Compiles the specs, seeds the store and starts listening; a spec that cannot be served fails here. */
  public static CounterfeitServer start(StubServerConfig config) {
    return new CounterfeitServer(config);
  }

  public int port() {
    return host.port();
  }

  /** {@code http://<bind>:<port>}, with the loopback address when bound to all interfaces. */
  public String baseUrl() {
    String host = config.bind().equals("0.0.0.0") ? "127.0.0.1" : config.bind();
    return "http://" + host + ":" + port();
  }

  /** The fake behind the server (state, reset, what it serves). */
  public Fake fake() {
    return fake;
  }

  /** Back to the seed data. */
  public void reset() {
    fake.reset();
  }

  /** Stops listening, then writes the drift report when a vendor is proxied. */
  public void stop() {
    host.close();
    if (proxy != null) {
      proxy.close();
    }
  }

  @Override
  public void close() {
    stop();
  }
}

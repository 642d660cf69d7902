package dev.counterfeit.stubs;

import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.stubs.control.ControlRoutes;
import dev.counterfeit.stubs.control.ServedSpecs;
import dev.counterfeit.stubs.engine.Fake;
import dev.counterfeit.stubs.http.Cors;
import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.journal.RequestLog;
import dev.counterfeit.stubs.journal.RequestRecorder;
import dev.counterfeit.stubs.ui.Pages;
import dev.counterfeit.stubs.store.Stores;
import dev.counterfeit.stubs.proxy.ValidatingProxy;
import dev.counterfeit.stubs.wiremock.Refusals;
import dev.counterfeit.stubs.wiremock.WireMockHost;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The running fake: every configured API served on one port by embedded WireMock.
 *
 * <pre>{@code
 * try (CounterfeitServer server = CounterfeitServer.start(StubServerConfig.builder().port(0).build())) {
 *   String base = server.baseUrl();   // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class CounterfeitServer implements AutoCloseable {
  private final Stores stores;
  private final Fake fake;
  private final WireMockHost host;
  private final StubServerConfig config;
  /** Null when the request log is off. */
  private final RequestLog requests;
  /** Null unless some vendor is proxied. */
  private final ValidatingProxy proxy;

  private CounterfeitServer(StubServerConfig config) {
    this.config = config;
    // Loading and starting WireMock takes about as long as opening the store and compiling the specs: both run
    // at once, and a request that arrives before the engine is ready waits for it.
    CompletableFuture<HttpHandler> handlerReady = new CompletableFuture<>();
    CompletableFuture<Refusals> refusalsReady = new CompletableFuture<>();
    CompletableFuture<WireMockHost> starting = CompletableFuture.supplyAsync(() -> new WireMockHost(
            request -> handlerReady.join().handle(request),
            (request, problem) -> refusalsReady.join().refuse(request, problem),
            config.limits(), config.port(), config.bind(), config.journalLimit()),
        task -> new Thread(task, "counterfeit-listen").start());
    Stores opened = null;
    try {
      opened = Stores.open(config.store());
      this.stores = opened;
      this.fake = Fake.build(config.apis(), config.specOverrides(), config.seed(), config.rateLimits(),
          config.checkResponses(), config.clock(), opened);
      // The specs the fake compiled, handed on: each is parsed once however many parts read it.
      ServedSpecs specs = ServedSpecs.of(fake.models().stream().map(ApiModel::spec).toList());
      this.requests = config.requestLog() > 0 ? new RequestLog(config.requestLog()) : null;
      HttpHandler served = new ControlRoutes(fake, specs, requests, new Pages(), this::baseUrl,
          config.decorator().apply(fake));
      this.proxy = config.proxy().enabled()
          ? new ValidatingProxy(config.proxy(), fake.models(), served, config.clock()) : null;
      HttpHandler handler = new Cors(config.corsOrigins(), proxy == null ? served : proxy);
      if (requests != null) {
        // Outermost, so the log shows the status and time the client saw.
        handler = new RequestRecorder(requests, ControlRoutes.PREFIX, specs::vendorOf, config.clock(), handler);
      }
      refusalsReady.complete(new EnvelopeRefusals(fake.profiles(), fake.models(), config.clock()));
      handlerReady.complete(handler);
      this.host = joined(starting);
    } catch (RuntimeException | Error e) {
      handlerReady.completeExceptionally(e);
      refusalsReady.completeExceptionally(e);
      starting.thenAccept(WireMockHost::close).exceptionally(failure -> null).join();
      if (opened != null) {
        opened.close();
      }
      throw e;
    }
  }

  /** The host once it listens, or what stopped it (the port is taken, say) as thrown. */
  private static WireMockHost joined(CompletableFuture<WireMockHost> starting) {
    try {
      return starting.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Opens the store, compiles the specs, seeds what the store lacks and starts listening; a spec or a store that
   * cannot be used fails here ({@link dev.counterfeit.openapi.model.SpecException},
   * {@link dev.counterfeit.stubs.store.StoreException}).
   */
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

  /** The dashboard's address. */
  public String dashboardUrl() {
    return baseUrl() + ControlRoutes.PREFIX;
  }

  /** The API docs page's address. */
  public String docsUrl() {
    return baseUrl() + ControlRoutes.PREFIX + "docs";
  }

  /** Back to the seed data, with no fault rule left standing. */
  public void reset() {
    fake.reset();
    fake.faults().clear();
  }

  /** Where this server keeps its state, as the banner shows it. */
  public String storeDescription() {
    return stores.description();
  }

  /**
   * Stops listening, writes the drift report when a vendor is proxied, then closes the store (a database file
   * is left consistent).
   */
  public void stop() {
    try {
      host.close();
      if (proxy != null) {
        proxy.close();
      }
    } finally {
      stores.close();
    }
  }

  @Override
  public void close() {
    stop();
  }
}

package dev.counterfeit.stubs.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.client.ApacheHttpClientFactory;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import com.github.tomakehurst.wiremock.http.client.LazyHttpClient;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.org.eclipse.jetty.server.AbstractConnector;
import wiremock.org.eclipse.jetty.server.Connector;
import wiremock.org.eclipse.jetty.server.HttpConfiguration;
import wiremock.org.eclipse.jetty.server.HttpConnectionFactory;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * Serves a handler with embedded WireMock. With WireMock's request journal on, one catch-all stub hands every
 * request to the engine and the journal (capped, so memory stays flat under load) records it; with it off,
 * {@link DirectServe} hands requests to the engine before WireMock's matching runs. The admin API stays.
 *
 * <p>Everything Jetty or WireMock would refuse with an HTML page of their own (a request over the
 * {@link Limits}, a target or body that cannot be read, a parse error) is answered through {@link Refusals}
 * instead: JSON, in the vendor's envelope where the path names one.
 */
public final class WireMockHost implements AutoCloseable {
  /** Room for the request line and header block together, so the parser never refuses what the limits allow. */
  private static final int PARSER_SLACK = 1024;

  private final WireMockServer server;

  /**
   * Starts serving.
   *
   * @param refusals how requests refused before the engine runs are answered
   * @param limits request sizes and the idle time-out
   * @param port the port, 0 for a free one
   * @param bind the address to listen on
   * @param journalLimit how many requests WireMock's journal keeps (oldest dropped first)
   * @throws UncheckedIOException when the address cannot be bound (the port is taken, say)
   */
  public WireMockHost(HttpHandler handler, Refusals refusals, Limits limits, int port, String bind, int journalLimit) {
    JsonErrorHandler errors = new JsonErrorHandler(refusals);
    WireMockConfiguration options = options()
        .port(port)
        .bindAddress(bind)
        .containerThreads(Math.max(16, Runtime.getRuntime().availableProcessors() * 4))
        // The parser's own cap is a backstop beyond both limits; within it the filter answers in the vendor's words.
        .jettyHeaderRequestSize(limits.maxUriBytes() + limits.maxHeaderBytes() + PARSER_SLACK)
        .jettyIdleTimeout(limits.idleTimeout().toMillis())
        .extensions(new EngineTransformer(handler), new DeferredProxyClients())
        .mappingSource(new NoMappingFiles())
        .httpServerFactory((opts, admin, stubs) -> new Jetty11HttpServer(opts, admin, stubs) {
          @Override
          protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
            EnumSet<DispatcherType> requests = EnumSet.of(DispatcherType.REQUEST);
            context.addFilter(new FilterHolder(new RequestLimits(limits, refusals)), "/*", requests);
            context.addFilter(new FilterHolder(new RequestTargetRepair()), "/*", requests);
            if (journalLimit == 0) {
              context.addFilter(new FilterHolder(new DirectServe(handler)), "/*", requests);
            }
          }

          @Override
          protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
            context.setErrorHandler(errors);
          }

          @Override
          protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
            context.setErrorHandler(errors);
          }

          @Override
          protected void applyAdditionalServerConfiguration(Server jetty, Options options) {
            jetty.setErrorHandler(errors);
            for (Connector connector : jetty.getConnectors()) {
              HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
              if (http != null && connector instanceof AbstractConnector abstractConnector) {
                HttpConfiguration config = http.getHttpConfiguration();
                config.setMinRequestDataRate(Limits.MIN_BODY_RATE);
                abstractConnector.addConnectionFactory(new GuardedConnectionFactory(config, refusals));
              }
            }
          }
        });
    if (journalLimit > 0) {
      options.maxRequestJournalEntries(journalLimit);
    } else {
      options.disableRequestJournal();
    }
    this.server = new WireMockServer(options);
    try {
      server.start();
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw new UncheckedIOException(new IOException(
          "Cannot listen on " + bind + ":" + port + ": " + cause.getMessage(), cause));
    }
    server.stubFor(any(anyUrl()).atPriority(Integer.MAX_VALUE - 1)
        .willReturn(aResponse().withTransformers(EngineTransformer.NAME)));
  }

  public int port() {
    return server.port();
  }

  /**
   * WireMock builds two proxying HTTP clients as it starts, TLS included: a third of a second, on the path to the
   * first answer, for clients the fake never uses (it proxies through its own). Each is built on first use instead.
   */
  private static final class DeferredProxyClients implements HttpClientFactory {
    @Override
    public HttpClient buildHttpClient(Options options, boolean trustAllCertificates, List<String> trustedHosts,
        boolean useSystemProperties) {
      return new LazyHttpClient(() -> new ApacheHttpClientFactory()
          .buildHttpClient(options, trustAllCertificates, trustedHosts, useSystemProperties));
    }
  }

  /**
   * The fake's one stub is added in code and never saved. WireMock's default source, a folder of JSON files,
   * builds a second handlebars engine for the file names it would write, on the way to listening, for files that
   * are never read or written.
   */
  private static final class NoMappingFiles implements MappingsSource {
    @Override
    public void loadMappingsInto(StubMappings stubMappings) {}

    @Override
    public void save(List<StubMapping> stubMappings) {}

    @Override
    public void save(StubMapping stubMapping) {}

    @Override
    public void remove(StubMapping stubMapping) {}

    @Override
    public void removeAll() {}
  }

  @Override
  public void close() {
    server.stop();
  }
}

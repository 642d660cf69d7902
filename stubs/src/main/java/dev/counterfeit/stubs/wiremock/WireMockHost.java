package dev.counterfeit.stubs.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import dev.counterfeit.stubs.http.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * Serves a handler with embedded WireMock: one catch-all stub hands every request to the engine, while
 * WireMock keeps its admin API and request journal (capped, so memory stays flat under load).
 */
public final class WireMockHost implements AutoCloseable {
  private final WireMockServer server;

  /**
   * Starts serving.
   *
   * @param port the port, 0 for a free one
   * @param bind the address to listen on
   * @param journalLimit how many requests WireMock's journal keeps (oldest dropped first)
   * @throws UncheckedIOException when the address cannot be bound (the port is taken, say)
   */
  public WireMockHost(HttpHandler handler, int port, String bind, int journalLimit) {
    WireMockConfiguration options = options()
        .port(port)
        .bindAddress(bind)
        .containerThreads(Math.max(16, Runtime.getRuntime().availableProcessors() * 4))
        .extensions(new EngineTransformer(handler))
        .httpServerFactory((opts, admin, stubs) -> new Jetty11HttpServer(opts, admin, stubs) {
          @Override
          protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
            context.addFilter(new FilterHolder(new QueryEscapeRepair()), "/*", EnumSet.of(DispatcherType.REQUEST));
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

  @Override
  public void close() {
    server.stop();
  }
}

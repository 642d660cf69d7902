package dev.counterfeit.stubs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.stubs.CounterfeitServer;
import dev.counterfeit.stubs.StubServerConfig;
import dev.counterfeit.stubs.control.ControlRoutes;
import dev.counterfeit.stubs.proxy.ProxySettings;
import dev.counterfeit.stubs.proxy.ValidatingProxy;
import dev.counterfeit.openapi.model.SpecException;
import dev.counterfeit.stubs.store.StoreException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/** Parses the command line, starts the server, prints where everything is, and runs until stopped. */
public final class StubServerRunner {
  private final PrintStream out;
  private final PrintStream err;

  public StubServerRunner(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the CLI; answers the exit code for help, version and bad arguments, and otherwise blocks. */
  public int run(String... args) {
    CliOptions options = new CliOptions();
    CommandLine cli = new CommandLine(options);
    try {
      cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      err.println(e.getMessage());
      cli.usage(err);
      return 2;
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(out);
      return 0;
    }
    if (cli.isVersionHelpRequested()) {
      cli.printVersionHelp(out);
      return 0;
    }
    CounterfeitServer server;
    StubServerConfig config;
    try {
      config = options.toConfig();
      server = CounterfeitServer.start(config);
    } catch (CommandLine.ParameterException e) {
      err.println(e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("counterfeit: " + e.getMessage());
      return 2;
    } catch (SpecException | StoreException e) {
      err.println("counterfeit: " + e.getMessage());
      return 1;
    } catch (java.io.UncheckedIOException e) {
      err.println("counterfeit: " + e.getCause().getMessage());
      return 1;
    }
    printBanner(server);
    printProxies(server, config.proxy());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stopped.countDown();
    }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private void printProxies(CounterfeitServer server, ProxySettings proxy) {
    proxy.upstreams().forEach((vendor, upstream) -> out.printf("  proxy    %-8s → %s, checked against its spec%n",
        vendor, upstream));
    if (proxy.enabled()) {
      out.println("  drift    GET " + server.baseUrl() + ValidatingProxy.DRIFT_PATH + " | report on exit: "
          + (proxy.report() == null ? "none" : proxy.report().toAbsolutePath()));
    }
    out.flush();
  }

  /** Where everything is: the pages, each API with its demo credentials, the control endpoints. */
  void printBanner(CounterfeitServer server) {
    String base = server.baseUrl();
    out.println("counterfeit listening on " + base + " (state " + server.storeDescription() + ")");
    out.println("  dashboard " + server.dashboardUrl());
    out.println("  API docs  " + server.docsUrl());
    for (Map.Entry<String, String> api : server.fake().basePaths().entrySet()) {
      out.printf("  %-8s %s%s%n", api.getKey(), base, api.getValue().equals("/") ? "" : api.getValue());
      JsonNode creds = server.fake().demoCredentials().get(api.getKey());
      for (JsonNode c : creds) {
        if (c.path("banner").asBoolean(true)) {
          out.printf("           %-12s %-28s tenant %s%s%n", c.path("scheme").asText(), c.path("value").asText(),
              c.path("tenant").asText(), c.has("grants") ? " " + c.get("grants") : "");
        }
      }
      for (JsonNode user : server.fake().seedSection(api.getKey(), "users")) {
        out.printf("           login        %s / %s %s%n", user.path("email").asText(), user.path("password").asText(),
            user.path("grants"));
      }
    }
    out.println("  control  POST " + base + ControlRoutes.PREFIX + "reset | GET " + base + ControlRoutes.PREFIX
        + "state | GET " + base + ControlRoutes.PREFIX + "requests | " + base + ControlRoutes.PREFIX + "faults");
    out.flush();
  }
}

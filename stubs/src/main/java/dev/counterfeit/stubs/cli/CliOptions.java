package dev.counterfeit.stubs.cli;

import dev.counterfeit.stubs.StubServerConfig;
import dev.counterfeit.stubs.proxy.ProxySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line, parsed by picocli into the same {@link StubServerConfig} tests build directly. */
@Command(
    name = "counterfeit",
    mixinStandardHelpOptions = true,
    version = "counterfeit 0.1.0",
    description = "Serves stateful, validating fakes of the FinSync, Flowtly, Fintoro and apidev APIs from their "
        + "OpenAPI specs, all on one port under their real paths.",
    footer = {"", "Control endpoints: POST /__counterfeit/reset[?api=VENDOR] (back to the seed), "
        + "GET /__counterfeit/state, GET /__counterfeit/health; WireMock's journal at /__admin/requests; "
        + "with --proxy, GET /__counterfeit/drift."})
final class CliOptions {
  @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--apis", split = ",", paramLabel = "VENDOR",
      description = "Which APIs to serve: finsync, flowtly, fintoro, apidev (default: all).")
  List<String> apis = new ArrayList<>();

  @Option(names = "--seed", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Load the demo companies' records; --no-seed starts empty (credentials and lookups still load).")
  boolean seed;

  @Option(names = "--cors-origins", split = ",", paramLabel = "ORIGIN", defaultValue = "*",
      description = "Origins browsers may call from, e.g. http://localhost:5173 (default: any).")
  List<String> corsOrigins;

  @Option(names = "--journal-limit", defaultValue = "1000",
      description = "Requests kept in WireMock's journal at /__admin/requests; 0 turns it off (default: ${DEFAULT-VALUE}).")
  int journalLimit;

  @Option(names = "--rate-limits", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Apply the vendors' documented rate limits; --no-rate-limits for frontend work.")
  boolean rateLimits;

  @Option(names = "--check-responses", description = "Check every answer against the spec; violations are logged and "
      + "sent in an X-Counterfeit-Violations header.")
  boolean checkResponses;

  @Option(names = "--spec", paramLabel = "VENDOR=FILE",
      description = "Serve your own copy of a vendor's spec, e.g. --spec fintoro=./fintoro.yaml.")
  Map<String, Path> specs = new LinkedHashMap<>();

  @Option(names = "--proxy", paramLabel = "VENDOR=URL",
      description = "Send a vendor's routes to a real implementation and check every request and answer against "
          + "its spec, e.g. --proxy fintoro=https://sandbox.example; breaks are logged and counted at "
          + "GET /__counterfeit/drift. Other vendors are still served by the fake.")
  Map<String, URI> proxies = new LinkedHashMap<>();

  @Option(names = "--drift-report", paramLabel = "FILE",
      description = "Where the proxy's drift report is written on exit; .md for Markdown, JSON otherwise "
          + "(default: ${DEFAULT-VALUE}).", defaultValue = "counterfeit-drift.json")
  Path driftReport;

  StubServerConfig toConfig() {
    LinkedHashSet<String> served = new LinkedHashSet<>(apis);
    if (!served.isEmpty()) {
      // A proxied vendor is routed and checked with its spec, so it is served even when --apis leaves it out.
      served.addAll(proxies.keySet());
    }
    StubServerConfig config = StubServerConfig.defaults()
        .withPort(port)
        .withBind(bind)
        .withApis(served)
        .withSeed(seed)
        .withCorsOrigins(corsOrigins)
        .withJournalLimit(journalLimit)
        .withRateLimits(rateLimits)
        .withCheckResponses(checkResponses)
        .withProxy(proxySettings());
    for (Map.Entry<String, Path> spec : specs.entrySet()) {
      try {
        config = config.withSpecOverride(spec.getKey(), Files.readString(spec.getValue()));
      } catch (IOException e) {
        throw new UncheckedIOException(new IOException("Cannot read spec " + spec.getValue() + ": " + e.getMessage(), e));
      }
    }
    return config;
  }

  private ProxySettings proxySettings() {
    ProxySettings settings = ProxySettings.none().withReport(driftReport);
    for (Map.Entry<String, URI> proxy : proxies.entrySet()) {
      settings = settings.withUpstream(proxy.getKey(), proxy.getValue());
    }
    return settings;
  }
}

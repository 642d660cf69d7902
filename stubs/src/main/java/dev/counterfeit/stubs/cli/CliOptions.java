package dev.counterfeit.stubs.cli;

import dev.counterfeit.stubs.StubServerConfig;
import dev.counterfeit.stubs.engine.Fake;
import dev.counterfeit.stubs.http.Limits;
import dev.counterfeit.stubs.store.StoreLocation;
import dev.counterfeit.stubs.proxy.ProxySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command line, parsed by picocli into the same {@link StubServerConfig} tests build directly. */
@Command(
    name = "counterfeit",
    mixinStandardHelpOptions = true,
    version = "counterfeit 0.1.0",
    description = "Serves stateful, validating fakes of the vendor APIs listed under --apis from their OpenAPI specs, "
        + "all on one port under their real paths.",
    footer = {"", "Pages: the dashboard at /__counterfeit/ and the API docs at /__counterfeit/docs.",
        "Control endpoints: POST /__counterfeit/reset[?api=VENDOR] (back to the seed), GET /__counterfeit/state, "
        + "GET /__counterfeit/requests, GET|POST|DELETE /__counterfeit/faults, GET /__counterfeit/specs/VENDOR.yaml, "
        + "GET /__counterfeit/health, with --proxy GET /__counterfeit/drift; WireMock's journal at /__admin/requests "
        + "when --journal-limit is above 0.",
        "Forced failures per request: X-Counterfeit-Fault: 429|500|503|reset, X-Counterfeit-Delay: 300ms."})
final class CliOptions {
  @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--apis", split = ",", paramLabel = "VENDOR", completionCandidates = KnownApis.class,
      description = "Which APIs to serve: ${COMPLETION-CANDIDATES} (default: all).")
  List<String> apis = new ArrayList<>();

  /** The vendors --help lists: every profile on the classpath, so a new vendor needs no change here. */
  static final class KnownApis implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Fake.knownVendors().iterator();
    }
  }

  @Option(names = "--seed", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Load the demo companies' records; --no-seed starts empty (credentials and lookups still load).")
  boolean seed;

  @Option(names = "--cors-origins", split = ",", paramLabel = "ORIGIN", defaultValue = "*",
      description = "Origins browsers may call from, e.g. http://localhost:5173 (default: any).")
  List<String> corsOrigins;

  @Option(names = "--journal-limit", defaultValue = "0",
      description = "Requests kept in WireMock's journal at /__admin/requests; 0 turns it off, as it costs time on "
          + "every request (default: ${DEFAULT-VALUE}).")
  int journalLimit;

  @Option(names = "--request-log", paramLabel = "N", defaultValue = "200",
      description = "Requests kept in the fake's own log at /__counterfeit/requests; 0 turns it off "
          + "(default: ${DEFAULT-VALUE}).")
  int requestLog;

  @Option(names = "--rate-limits", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Apply the vendors' documented rate limits; --no-rate-limits for frontend work.")
  boolean rateLimits;

  @Option(names = "--check-responses", description = "Check every answer against the spec; violations are logged and "
      + "sent in an X-Counterfeit-Violations header.")
  boolean checkResponses;

  @Spec
  CommandSpec spec;

  Limits limits = Limits.defaults();

  @Option(names = "--max-body-size", paramLabel = "BYTES", description = "Largest request body accepted, after any "
      + "gzip is undone; larger is a 413 (default: 1048576).")
  void maxBodySize(int bytes) {
    limits = limits.withMaxBodyBytes(positive("--max-body-size", bytes));
  }

  @Option(names = "--max-uri-length", paramLabel = "BYTES", description = "Longest request target (path and query) "
      + "accepted; longer is a 414 (default: 8192).")
  void maxUriLength(int bytes) {
    limits = limits.withMaxUriBytes(positive("--max-uri-length", bytes));
  }

  @Option(names = "--max-header-size", paramLabel = "BYTES", description = "Largest header block accepted; larger "
      + "is a 431 (default: 16384).")
  void maxHeaderSize(int bytes) {
    limits = limits.withMaxHeaderBytes(positive("--max-header-size", bytes));
  }

  @Option(names = "--idle-timeout", paramLabel = "SECONDS", description = "Close a connection that sends nothing "
      + "for this long, mid-request or between requests (default: 30).")
  void idleTimeout(int seconds) {
    limits = limits.withIdleTimeout(Duration.ofSeconds(positive("--idle-timeout", seconds)));
  }

  private int positive(String option, int value) {
    if (value <= 0) {
      throw new ParameterException(spec.commandLine(), option + " must be positive, not " + value);
    }
    return value;
  }

  @Option(names = "--spec", paramLabel = "VENDOR=FILE",
      description = "Serve your own copy of a vendor's spec, e.g. --spec VENDOR=./my-copy.yaml.")
  Map<String, Path> specs = new LinkedHashMap<>();

  @Option(names = "--state-file", paramLabel = "PATH",
      description = "Keep state in an embedded database file (SQLite): every acknowledged write survives a crash "
          + "and a restart serves it again.")
  Path stateFile;

  @Option(names = "--store", paramLabel = "JDBC_URL",
      description = "Keep state in PostgreSQL, shared by every replica on it, e.g. "
          + "jdbc:postgresql://localhost/counterfeit?user=cf&password=secret.")
  String store;

  @Option(names = "--proxy", paramLabel = "VENDOR=URL",
      description = "Send a vendor's routes to a real implementation and check every request and answer against "
          + "its spec, e.g. --proxy VENDOR=https://sandbox.example; breaks are logged and counted at "
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
    StubServerConfig.Builder config = StubServerConfig.builder()
        .port(port)
        .bind(bind)
        .apis(served)
        .seed(seed)
        .corsOrigins(corsOrigins)
        .journalLimit(journalLimit)
        .requestLog(requestLog)
        .rateLimits(rateLimits)
        .checkResponses(checkResponses)
        .store(storeLocation())
        .limits(limits)
        .proxy(proxySettings());
    for (Map.Entry<String, Path> spec : specs.entrySet()) {
      try {
        config.specOverride(spec.getKey(), Files.readString(spec.getValue()));
      } catch (IOException e) {
        throw new UncheckedIOException(new IOException("Cannot read spec " + spec.getValue() + ": " + e.getMessage(), e));
      }
    }
    return config.build();
  }

  private StoreLocation storeLocation() {
    if (stateFile != null && store != null) {
      throw new CommandLine.ParameterException(new CommandLine(this), "Give --state-file or --store, not both.");
    }
    if (store != null && !store.startsWith("jdbc:postgresql:")) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--store takes a PostgreSQL JDBC URL (jdbc:postgresql://host/db?user=...); got '" + store + "'.");
    }
    return stateFile != null ? new StoreLocation.File(stateFile)
        : store != null ? new StoreLocation.Database(store) : StoreLocation.memory();
  }

  private ProxySettings proxySettings() {
    ProxySettings settings = ProxySettings.none().withReport(driftReport);
    for (Map.Entry<String, URI> proxy : proxies.entrySet()) {
      settings = settings.withUpstream(proxy.getKey(), proxy.getValue());
    }
    return settings;
  }
}

package dev.counterfeit.conformance.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar counterfeit-conformance.jar --api fintoro --base-url https://app.fintoro.sk --token …}: runs the
 * conformance kit against any implementation of the selected APIs and exits 0 when every rule held, 1 when one
 * failed, 2 when nothing could run (every case aborted, e.g. no credentials).
 *
 * <p>Flags only set {@code counterfeit.*} parameters; {@code -Dkey=value} sets any other.
 */
@Command(name = "counterfeit-conformance", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Checks an implementation of the finsync, fintoro, flowtly and apidev APIs against their specs.")
public final class Main implements Callable<Integer> {
  @Option(names = "--api", split = ",", description = "APIs to check (default: all): apidev, finsync, fintoro, flowtly")
  List<String> apis;

  @Option(names = "--operation", split = ",", description = "Only these operationIds (default: all)")
  List<String> operations;

  @Option(names = "--rule", split = ",", description = "Only cases of these rules, e.g. RATE_LIMITED (default: all)")
  List<String> rules;

  @Option(names = "--base-url", description = "Scheme and host of the implementation; the spec's base path is added")
  String baseUrl;

  @Option(names = "--token", description = "The main credential: FinSync/apidev API key, Fintoro/Flowtly token")
  String token;

  @Option(names = "--read-token", description = "Fintoro token with read scope only (for the 403 cases)")
  String readToken;

  @Option(names = "--other-token", description = "Credential of another company (for tenant isolation)")
  String otherToken;

  @Option(names = "--tenant", description = "apidev tenant header")
  String tenant;

  @Option(names = "--email", description = "apidev login e-mail")
  String email;

  @Option(names = "--password", description = "apidev login password")
  String password;

  @Option(names = "--read-email", description = "apidev user without APICLI_CLIENTS_WRITE (for the 403 cases)")
  String readEmail;

  @Option(names = "--read-password", description = "password of --read-email")
  String readPassword;

  @Option(names = "--rate-limit", description = "Also run the rate-limit cases (about one window of requests per limited operation)")
  boolean rateLimit;

  @Option(names = "--report-dir", defaultValue = "target", description = "Where the summary and JUnit XML go (default: target)")
  Path reportDir;

  @Option(names = "--read-only", description = "Only safe methods (GET, HEAD) on existing items: nothing is created, "
      + "changed or deleted, for pointing the kit at production")
  boolean readOnly;

  @Option(names = "--timeout", description = "Seconds an answer may take before its case fails (default: 30)")
  Integer timeout;

  @Option(names = "--quiet", description = "Print only the counts, not the whole summary")
  boolean quiet;

  @Option(names = "-D", paramLabel = "key=value", description = "Any counterfeit.* setting, e.g. -Dcounterfeit.flowtly.baseUrl=…")
  Map<String, String> settings = new LinkedHashMap<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** The configuration parameters the flags stand for. */
  Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>(settings);
    List<String> selected = apis == null || apis.isEmpty()
        ? List.of("apidev", "finsync", "fintoro", "flowtly") : apis;
    p.put("counterfeit.api", String.join(",", selected));
    put(p, "counterfeit.baseUrl", baseUrl);
    if (operations != null && !operations.isEmpty()) {
      p.put("counterfeit.operations", String.join(",", operations));
    }
    if (rules != null && !rules.isEmpty()) {
      p.put("counterfeit.rules", String.join(",", rules));
    }
    for (String api : selected) {
      String prefix = "counterfeit." + api + ".";
      switch (api) {
        case "finsync" -> {
          put(p, prefix + "apiKey", token);
          put(p, prefix + "otherApiKey", otherToken);
        }
        case "apidev" -> {
          put(p, prefix + "apiKey", token);
          put(p, prefix + "tenant", tenant);
          put(p, prefix + "email", email);
          put(p, prefix + "password", password);
          put(p, prefix + "readEmail", readEmail);
          put(p, prefix + "readPassword", readPassword);
        }
        default -> {
          put(p, prefix + "token", token);
          put(p, prefix + "readToken", readToken);
          put(p, prefix + "otherToken", otherToken);
        }
      }
    }
    p.put("counterfeit.rateLimit", String.valueOf(rateLimit));
    if (readOnly) {
      p.put("counterfeit.readOnly", "true");
    }
    if (timeout != null) {
      p.put("counterfeit.timeoutSeconds", String.valueOf(timeout));
    }
    p.put("counterfeit.reportDir", reportDir.toString());
    p.put("counterfeit.printSummary", String.valueOf(!quiet));
    return p;
  }

  private static void put(Map<String, String> into, String key, String value) {
    if (value != null) {
      into.putIfAbsent(key, value);
    }
  }

  @Override
  public Integer call() {
    KitLauncher.Result result = KitLauncher.launch(parameters(), reportDir);
    // The same four numbers as the summary line and conformance-summary.md: every case is one test.
    System.out.printf("%d cases: %d passed, %d failed, %d aborted%n", result.found(), result.succeeded(),
        result.failed(), result.aborted());
    if (result.failed() > 0) {
      return 1;
    }
    return result.succeeded() == 0 ? 2 : 0;
  }
}

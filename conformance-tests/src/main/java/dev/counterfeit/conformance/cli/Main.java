package dev.counterfeit.conformance.cli;

import dev.counterfeit.conformance.config.CredentialOption;
import dev.counterfeit.conformance.exec.VendorProfile;
import dev.counterfeit.conformance.exec.VendorRegistry;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar counterfeit-conformance.jar --api <vendor> --base-url https://… --token …}: runs the
 * conformance kit against any implementation of the selected APIs and exits 0 when every rule held, 1 when one
 * failed, 2 when nothing could run (every case aborted, e.g. no credentials).
 *
 * <p>Flags only set {@code counterfeit.*} parameters; {@code -Dkey=value} sets any other. The APIs are the
 * registered {@link VendorProfile.Factory vendor profiles}, and each says which of its settings a credential flag
 * fills; the help lists them.
 */
@Command(name = "counterfeit-conformance", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Checks an implementation of the registered vendors' APIs against their specs.")
public final class Main implements Callable<Integer> {
  private final VendorRegistry vendors = VendorRegistry.load();

  @Option(names = "--api", split = ",", description = "APIs to check (default: all; listed below)")
  List<String> apis;

  @Option(names = "--operation", split = ",", description = "Only these operationIds (default: all)")
  List<String> operations;

  @Option(names = "--rule", split = ",", description = "Only cases of these rules, e.g. RATE_LIMITED (default: all)")
  List<String> rules;

  @Option(names = "--base-url", description = "Scheme and host of the implementation; the spec's base path is added")
  String baseUrl;

  @Option(names = "--token", description = "The main credential (an API key or a token, with write permission)")
  String token;

  @Option(names = "--read-token", description = "A credential with read permission only (for the 403 cases)")
  String readToken;

  @Option(names = "--other-token", description = "Credential of another company (for tenant isolation)")
  String otherToken;

  @Option(names = "--tenant", description = "The tenant, for APIs that want it named beside the credential")
  String tenant;

  @Option(names = "--email", description = "Login e-mail, for APIs that hand out tokens for a login")
  String email;

  @Option(names = "--password", description = "Login password")
  String password;

  @Option(names = "--read-email", description = "Login e-mail of a user with read permission only (for the 403 cases)")
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

  @Option(names = "-D", paramLabel = "key=value", description = "Any counterfeit.* setting, e.g. -Dcounterfeit.<api>.baseUrl=…")
  Map<String, String> settings = new LinkedHashMap<>();

  public static void main(String[] args) {
    System.exit(command().execute(args));
  }

  /** The command, its help ending with each registered API and the settings its credential flags fill. */
  static CommandLine command() {
    Main main = new Main();
    CommandLine command = new CommandLine(main);
    StringBuilder footer = new StringBuilder("%nAPIs and the settings the credential flags fill:%n");
    for (String id : main.vendors.ids()) {
      footer.append("  ").append(id).append("%n");
      main.vendors.factory(id).settings().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> footer.append("    ").append(flag(e.getKey())).append(" sets counterfeit.").append(id)
              .append('.').append(e.getValue()).append("%n"));
    }
    command.getCommandSpec().usageMessage().footer(footer.toString());
    return command;
  }

  /** The flag of a credential option: {@code READ_EMAIL} is {@code --read-email}. */
  static String flag(CredentialOption option) {
    return "--" + option.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The credential flags given, by the option each stands for. */
  private Map<CredentialOption, String> credentials() {
    Map<CredentialOption, String> given = new EnumMap<>(CredentialOption.class);
    given.put(CredentialOption.TOKEN, token);
    given.put(CredentialOption.READ_TOKEN, readToken);
    given.put(CredentialOption.OTHER_TOKEN, otherToken);
    given.put(CredentialOption.TENANT, tenant);
    given.put(CredentialOption.EMAIL, email);
    given.put(CredentialOption.PASSWORD, password);
    given.put(CredentialOption.READ_EMAIL, readEmail);
    given.put(CredentialOption.READ_PASSWORD, readPassword);
    return given;
  }

  /** The configuration parameters the flags stand for. */
  Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>(settings);
    List<String> selected = apis == null || apis.isEmpty() ? vendors.ids() : apis;
    p.put("counterfeit.api", String.join(",", selected));
    put(p, "counterfeit.baseUrl", baseUrl);
    if (operations != null && !operations.isEmpty()) {
      p.put("counterfeit.operations", String.join(",", operations));
    }
    if (rules != null && !rules.isEmpty()) {
      p.put("counterfeit.rules", String.join(",", rules));
    }
    Map<CredentialOption, String> given = credentials();
    // An unknown API gets no credentials; the run reports it as unknown, naming the known ones.
    for (String api : selected) {
      vendors.find(api).ifPresent(vendor -> vendor.settings().forEach((option, key) ->
          put(p, "counterfeit." + api + "." + key, given.get(option))));
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

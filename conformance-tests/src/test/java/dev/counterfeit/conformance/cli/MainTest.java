package dev.counterfeit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.conformance.config.CredentialOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private static Map<String, String> parameters(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.parameters();
  }

  @Test
  void tokenIsTheMainCredentialOfEachSelectedApi() {
    Map<String, String> p = parameters("--api", "fintoro,finsync", "--base-url", "https://example.test",
        "--token", "t", "--read-token", "r", "--other-token", "o");
    assertThat(p).containsEntry("counterfeit.api", "fintoro,finsync")
        .containsEntry("counterfeit.baseUrl", "https://example.test")
        .containsEntry("counterfeit.fintoro.token", "t")
        .containsEntry("counterfeit.fintoro.readToken", "r")
        .containsEntry("counterfeit.fintoro.otherToken", "o")
        .containsEntry("counterfeit.finsync.apiKey", "t")
        .containsEntry("counterfeit.finsync.otherApiKey", "o");
  }

  @Test
  void apidevTakesTenantKeyAndLogins() {
    Map<String, String> p = parameters("--api", "apidev", "--tenant", "demo.example", "--token", "gtk_x",
        "--email", "a@b.test", "--password", "pw", "--read-email", "v@b.test", "--read-password", "pw2");
    assertThat(p).containsEntry("counterfeit.apidev.tenant", "demo.example")
        .containsEntry("counterfeit.apidev.apiKey", "gtk_x")
        .containsEntry("counterfeit.apidev.email", "a@b.test")
        .containsEntry("counterfeit.apidev.readPassword", "pw2");
  }

  @Test
  void everyApiIsCheckedByDefaultAndDashDSetsAnySetting() {
    Map<String, String> p = parameters("-Dcounterfeit.flowtly.baseUrl=http://flowtly.test", "--rate-limit");
    assertThat(p).containsEntry("counterfeit.api", "apidev,finsync,fintoro,flowtly")
        .containsEntry("counterfeit.flowtly.baseUrl", "http://flowtly.test")
        .containsEntry("counterfeit.rateLimit", "true")
        .containsEntry("counterfeit.reportDir", "target");
  }

  @Test
  void readOnlyTimeoutAndRuleFlagsBecomeSettings() {
    Map<String, String> p = parameters("--api", "fintoro", "--read-only", "--timeout", "5", "--rule",
        "RATE_LIMITED,UNKNOWN_ID");
    assertThat(p).containsEntry("counterfeit.readOnly", "true")
        .containsEntry("counterfeit.timeoutSeconds", "5")
        .containsEntry("counterfeit.rules", "RATE_LIMITED,UNKNOWN_ID");
    assertThat(parameters("--api", "fintoro")).doesNotContainKeys("counterfeit.readOnly", "counterfeit.timeoutSeconds");
  }

  @Test
  void theHelpListsEachRegisteredApiWithTheSettingsItsCredentialFlagsFill() {
    String help = Main.command().getUsageMessage();
    String n = System.lineSeparator();
    assertThat(help).contains(
        "  apidev" + n + "    --token sets counterfeit.apidev.apiKey" + n + "    --tenant sets counterfeit.apidev.tenant",
        "  finsync" + n + "    --token sets counterfeit.finsync.apiKey" + n
            + "    --other-token sets counterfeit.finsync.otherApiKey" + n,
        "  fintoro" + n + "    --token sets counterfeit.fintoro.token" + n
            + "    --read-token sets counterfeit.fintoro.readToken" + n,
        "  flowtly" + n + "    --token sets counterfeit.flowtly.token" + n
            + "    --other-token sets counterfeit.flowtly.otherToken" + n);
  }

  @Test
  void everyCredentialOptionHasTheFlagTheHelpNamesForIt() {
    CommandLine command = Main.command();
    for (CredentialOption option : CredentialOption.values()) {
      assertThat(command.getCommandSpec().findOption(Main.flag(option))).as(option.name()).isNotNull();
    }
  }

  @Test
  void anUnknownApiGetsNoCredentialsAndIsLeftForTheRunToReport() {
    Map<String, String> p = parameters("--api", "nope,flowtly", "--token", "t");
    assertThat(p).containsEntry("counterfeit.api", "nope,flowtly")
        .containsEntry("counterfeit.flowtly.token", "t")
        .doesNotContainKey("counterfeit.nope.token");
  }

  @Test
  void anExplicitDashDWinsOverTheFlagForTheSameKey() {
    Map<String, String> p = parameters("--api", "flowtly", "--token", "flag", "-Dcounterfeit.flowtly.token=explicit");
    assertThat(p).containsEntry("counterfeit.flowtly.token", "explicit");
  }
}

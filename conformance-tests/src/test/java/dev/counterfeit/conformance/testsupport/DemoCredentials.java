package dev.counterfeit.conformance.testsupport;

import java.util.Map;

/** The demo credentials the fake accepts out of the box, as {@code counterfeit.*} settings. */
public final class DemoCredentials {
  private DemoCredentials() {}

  public static final Map<String, String> SETTINGS = Map.ofEntries(
      Map.entry("counterfeit.finsync.apiKey", "fs_demo_acme"),
      Map.entry("counterfeit.finsync.otherApiKey", "fs_demo_globex"),
      Map.entry("counterfeit.fintoro.token", "ft_demo_acme_write"),
      Map.entry("counterfeit.fintoro.readToken", "ft_demo_acme_read"),
      Map.entry("counterfeit.fintoro.otherToken", "ft_demo_globex_write"),
      Map.entry("counterfeit.flowtly.token", "fl_demo_acme"),
      Map.entry("counterfeit.flowtly.otherToken", "fl_demo_globex"),
      Map.entry("counterfeit.apidev.tenant", "demo.geotareas.com"),
      Map.entry("counterfeit.apidev.apiKey", "gtk_demo_acme"),
      Map.entry("counterfeit.apidev.email", "admin@acme.test"),
      Map.entry("counterfeit.apidev.password", "demo-password"),
      Map.entry("counterfeit.apidev.readEmail", "viewer@acme.test"),
      Map.entry("counterfeit.apidev.readPassword", "demo-password"),
      Map.entry("counterfeit.apidev.otherTenant", "other.geotareas.com"),
      Map.entry("counterfeit.apidev.otherApiKey", "gtk_demo_globex"),
      Map.entry("counterfeit.apidev.otherEmail", "admin@globex.test"),
      Map.entry("counterfeit.apidev.otherPassword", "demo-password"));
}

package dev.counterfeit.stubs;

import static dev.counterfeit.stubs.testsupport.Api.json;
import static dev.counterfeit.stubs.testsupport.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.stubs.testsupport.Api;
import dev.counterfeit.stubs.testsupport.Chromium;
import dev.counterfeit.stubs.testsupport.SharedFake;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard and the API docs page in headless Chromium, as a person uses them: they see what the API
 * changes, reset from a button, and try an operation from the docs against the fake with the prefilled
 * credentials. Skipped, with a message, only where Chromium is not installed ({@code .ci/run} installs it).
 */
class BrowserAcceptanceTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  static final SharedFake FAKE = new SharedFake();

  private static Chromium browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    Optional<Path> chromium = Chromium.executable();
    Assumptions.assumeTrue(chromium.isPresent(),
        "Chromium is not installed: apt-get install -y chromium (the CI's .ci/run does) to run the browser tests");
    browser = Chromium.launch(chromium.get());
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static String count(String key) {
    return browser.evaluate("(document.querySelector('tr[data-collection=\"" + key + "\"] .count') || {}).textContent")
        .asText();
  }

  private static void createFinSyncClient(String name) {
    assertThat(Api.given(FAKE.server()).header("x-api-key", "fs_demo_acme").contentType("application/json")
        .body(object("name", name).toString()).post("/api/clients").statusCode()).isEqualTo(201);
  }

  @Test
  void dashboardShowsAClientCreatedThroughTheApiWithoutAReload() {
    browser.open(FAKE.server().baseUrl() + "/__counterfeit/");
    browser.waitFor("document.body.dataset.refreshed && document.querySelector('tr[data-collection=\"finsync/acme/clients\"]')", WAIT);
    String before = count("finsync/acme/clients");
    assertThat(browser.evaluate("document.body.innerText.includes('Dashboard Probe Ltd')").asBoolean()).isFalse();

    createFinSyncClient("Dashboard Probe Ltd");

    browser.waitFor("document.body.innerText.includes('Dashboard Probe Ltd')", WAIT);
    assertThat(Integer.parseInt(count("finsync/acme/clients"))).isEqualTo(Integer.parseInt(before) + 1);
    // The request that created it is in the log, with its status.
    browser.waitFor("[...document.querySelectorAll('#requests tbody tr')].some(r => r.innerText.includes('POST')"
        + " && r.innerText.includes('/api/clients') && r.innerText.includes('201'))", WAIT);
    // The demo credentials are on the page, as the header to send.
    assertThat(browser.evaluate("document.body.innerText").asText())
        .contains("x-api-key: fs_demo_acme", "Authorization: Bearer ft_demo_acme_write", "admin@acme.test / demo-password");
  }

  @Test
  void resetButtonPutsOneApiBackToItsSeed() {
    createFinSyncClient("Reset Probe Ltd");
    browser.open(FAKE.server().baseUrl() + "/__counterfeit/");
    browser.waitFor("document.body.innerText.includes('Reset Probe Ltd')", WAIT);

    browser.evaluate("document.querySelector('button.reset[data-api=\"finsync\"]').click()");

    browser.waitFor("!document.body.innerText.includes('Reset Probe Ltd')", WAIT);
    List<String> names = new ArrayList<>();
    Api.state(FAKE.server(), "finsync").path("acme").path("clients").forEach(c -> names.add(c.path("name").asText()));
    assertThat(names).isNotEmpty().doesNotContain("Reset Probe Ltd");
  }

  @Test
  void rootOpensTheDashboardInABrowser() {
    browser.open(FAKE.server().baseUrl() + "/");
    browser.waitFor("location.pathname === '/__counterfeit/' && document.querySelector('#api-fintoro')", WAIT);
  }

  @Test
  void docsPageTriesAnOperationAgainstTheFakeWithThePrefilledCredentials() {
    browser.open(FAKE.server().baseUrl() + "/__counterfeit/docs?api=fintoro");
    browser.waitFor("document.querySelectorAll('.opblock').length > 0 && document.querySelector('.btn.authorize.locked')", WAIT);
    // Every served API is in the spec selector.
    JsonNode options = browser.evaluate("[...document.querySelectorAll('.topbar select option')].map(o => o.textContent)");
    List<String> apis = new ArrayList<>();
    options.forEach(o -> apis.add(o.asText()));
    assertThat(apis).containsExactlyInAnyOrder("apidev", "finsync", "fintoro", "flowtly");
    assertThat(browser.evaluate("ui.getSystem().authSelectors.authorized().toJS().bearerAuth.value").asText())
        .isEqualTo("ft_demo_acme_write");

    browser.evaluate("[...document.querySelectorAll('.opblock-get')].find(b => b.querySelector('.opblock-summary-path')"
        + ".getAttribute('data-path') === '/clients').querySelector('.opblock-summary-control').click()");
    browser.waitFor("document.querySelector('.opblock.is-open .execute')", WAIT);
    // Swagger UI fills the parameters in from their examples after it opens the operation; a click before that
    // has settled can leave Execute stuck: wait for the last parameter's example, then a moment more.
    browser.waitFor("document.querySelector('.opblock.is-open tr[data-param-name=\"vatId\"] input')?.value === 'SK2020123456'", WAIT);
    browser.evaluate("new Promise(done => setTimeout(() => done(true), 1000))");
    String answered = "document.querySelector('.opblock.is-open .live-responses-table tbody .response-col_status')";
    // A click that lands while Swagger UI is still filling in the parameters is dropped: click again.
    int clicks = 0;
    do {
      browser.evaluate("document.querySelector('.opblock.is-open .execute').click()");
    } while (!browser.becomes(answered, Duration.ofSeconds(3)) && ++clicks < 5);
    browser.waitFor(answered, WAIT);

    assertThat(browser.evaluate("document.querySelector('.opblock.is-open .live-responses-table tbody .response-col_status')"
        + ".textContent.trim()").asText()).isEqualTo("200");
    JsonNode logged = json(Api.given(FAKE.server()).get("/__counterfeit/requests?api=fintoro")).path("requests").path(0);
    assertThat(logged.path("method").asText()).isEqualTo("GET");
    assertThat(logged.path("path").asText()).startsWith("/api/public/v1/clients");
    assertThat(logged.path("status").asInt()).isEqualTo(200);
  }

  @Test
  void docsPageLogsInWithTheTokenALoginAnswers() {
    browser.open(FAKE.server().baseUrl() + "/__counterfeit/docs?api=apidev");
    browser.waitFor("document.querySelectorAll('.opblock').length > 0 && document.querySelector('.btn.authorize.locked')", WAIT);
    JsonNode prefilled = browser.evaluate("ui.getSystem().authSelectors.authorized().toJS()");
    assertThat(prefilled.at("/apiKey/value").asText()).isEqualTo("gtk_demo_acme");
    assertThat(prefilled.at("/tenantHeader/value").asText()).isEqualTo("demo.geotareas.com");
    assertThat(prefilled.has("bearerAuth")).isFalse();

    browser.evaluate("[...document.querySelectorAll('.opblock-post')].find(b => b.querySelector('.opblock-summary-path')"
        + ".getAttribute('data-path') === '/login').querySelector('.opblock-summary-control').click()");
    browser.waitFor("document.querySelector('.opblock.is-open textarea.body-param__text')", WAIT);
    // React owns the textarea: set its value through the native setter and tell React it changed.
    browser.evaluate("(() => { const area = document.querySelector('.opblock.is-open textarea.body-param__text');"
        + " Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(area,"
        + " JSON.stringify({email: 'admin@acme.test', password: 'demo-password'}));"
        + " area.dispatchEvent(new Event('input', {bubbles: true})); })()");
    String answered = "document.querySelector('.opblock.is-open .live-responses-table tbody .response-col_status')";
    int clicks = 0;
    do {
      browser.evaluate("document.querySelector('.opblock.is-open .execute').click()");
    } while (!browser.becomes(answered, Duration.ofSeconds(3)) && ++clicks < 5);

    assertThat(browser.evaluate(answered + ".textContent.trim()").asText()).isEqualTo("200");
    browser.waitFor("ui.getSystem().authSelectors.authorized().toJS().bearerAuth", WAIT);
    String token = browser.evaluate("ui.getSystem().authSelectors.authorized().toJS().bearerAuth.value").asText();
    assertThat(token.split("\\.")).hasSize(3);
    // The captured token works: the fake accepts it with the prefilled key and tenant.
    assertThat(Api.given(FAKE.server()).header("tenant", "demo.geotareas.com").header("X-API-Key", "gtk_demo_acme")
        .header("Authorization", "Bearer " + token).get("/apidev/v1/clients").statusCode()).isEqualTo(200);
  }
}

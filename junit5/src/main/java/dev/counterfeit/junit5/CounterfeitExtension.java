package dev.counterfeit.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.SecurityScheme;
import dev.counterfeit.stubs.CounterfeitServer;
import dev.counterfeit.stubs.StubServerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fake for your tests: started in-process on a free port, back to its seed before each test, stopped
 * at the end.
 *
 * <pre>{@code
 * class InvoicingTest {
 *   @RegisterExtension
 *   static CounterfeitExtension fake = CounterfeitExtension.builder().apis("fintoro").build();
 *
 *   @Test
 *   void createsAClient() {
 *     DemoCredential writer = fake.credential("fintoro", "acme", "write");
 *     // POST fake.baseUrl("fintoro") + "/clients" with header writer.header(): writer.headerValue()
 *   }
 * }
 * }</pre>
 *
 * <p>As a {@code static} field one fake serves the whole class (and its {@code @Nested} classes): it starts
 * before the first test, is reset to the seed before every test (unless {@link Builder#resetEach(boolean)
 * resetEach(false)}) and stops after the last. As an instance field every test gets a fake of its own,
 * started before and stopped after it.
 */
public final class CounterfeitExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
    AfterAllCallback {
  private final StubServerConfig config;
  private final boolean resetEach;
  private CounterfeitServer server;
  /** The context that started the server, the only one that stops it (nested classes see the outer one's). */
  private String owner;
  private final Map<String, List<DemoCredential>> credentials = new java.util.concurrent.ConcurrentHashMap<>();

  private CounterfeitExtension(StubServerConfig config, boolean resetEach) {
    this.config = config;
    this.resetEach = resetEach;
  }

  /** Every API, seeded, rate limits on as in the jar; see the builder's methods. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (server == null) {
      start(context);
    } else if (resetEach) {
      server.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopIfStartedBy(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopIfStartedBy(context);
  }

  private void start(ExtensionContext context) {
    if (server == null) {
      server = CounterfeitServer.start(config);
      owner = context.getUniqueId();
    }
  }

  private void stopIfStartedBy(ExtensionContext context) {
    if (server != null && context.getUniqueId().equals(owner)) {
      server.stop();
      server = null;
      owner = null;
      credentials.clear();
    }
  }

  /** {@code http://127.0.0.1:<port>}; every API is served under its real paths below it. */
  public String baseUrl() {
    return running().baseUrl();
  }

  /** Where one API's paths start: {@code baseUrl() + "/api/public/v1"} for Fintoro, {@code baseUrl()} for Flowtly. */
  public String baseUrl(String api) {
    String path = basePath(api);
    return baseUrl() + (path.equals("/") ? "" : path);
  }

  public int port() {
    return running().port();
  }

  /** The server itself, for what this class does not wrap (its state, one API's reset). */
  public CounterfeitServer server() {
    return running();
  }

  /** Puts every API back to its seed now (the extension does this before each test unless told not to). */
  public void reset() {
    running().reset();
  }

  /** The demo credentials an API's seed ships, in the order the start-up banner prints them. */
  public List<DemoCredential> credentials(String api) {
    basePath(api);
    return credentials.computeIfAbsent(api, this::readCredentials);
  }

  private List<DemoCredential> readCredentials(String api) {
    // The served spec, so a spec override's security schemes count.
    ApiModel model = running().fake().models().stream().filter(m -> m.vendor().equals(api)).findFirst()
        .orElseThrow();
    List<DemoCredential> all = new ArrayList<>();
    for (JsonNode c : running().fake().demoCredentials().get(api)) {
      String scheme = c.path("scheme").asText();
      SecurityScheme definition = model.schemes().get(scheme);
      List<String> grants = new ArrayList<>();
      c.path("grants").forEach(g -> grants.add(g.asText()));
      all.add(new DemoCredential(api, scheme, definition.header(), c.path("value").asText(), definition.bearer(),
          c.path("tenant").asText(), grants));
    }
    return List.copyOf(all);
  }

  /**
   * A tenant's ({@code acme} or {@code globex}) credential with exactly the grants named, or else the first
   * holding them all: {@code credential("fintoro", "acme", "read")} is the read-only token, {@code "write"}
   * the one that may write. Grants are scopes such as {@code read}/{@code write} where the API has them.
   *
   * @throws IllegalArgumentException when the seed has none
   */
  public DemoCredential credential(String api, String tenant, String... grants) {
    Set<String> wanted = Set.of(grants);
    List<DemoCredential> holding = credentials(api).stream()
        .filter(c -> c.tenant().equals(tenant) && c.grants().containsAll(wanted))
        .toList();
    return holding.stream().filter(c -> Set.copyOf(c.grants()).equals(wanted)).findFirst()
        .or(() -> holding.stream().findFirst())
        .orElseThrow(() -> new IllegalArgumentException("No demo credential of " + api + " for tenant '" + tenant
            + "' with grants " + List.of(grants) + "; there are " + credentials(api)));
  }

  /**
   * The headers that authenticate as a tenant: one credential per scheme the API uses, the first the seed
   * lists. apidev also needs a JWT from {@code POST /apidev/v1/login} with one of {@link #users(String)}.
   */
  public Map<String, String> authHeaders(String api, String tenant) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (DemoCredential c : credentials(api)) {
      if (c.tenant().equals(tenant)) {
        headers.putIfAbsent(c.header(), c.headerValue());
      }
    }
    if (headers.isEmpty()) {
      throw new IllegalArgumentException("No demo credentials of " + api + " for tenant '" + tenant + "'");
    }
    return headers;
  }

  /** The demo users that log in with email and password (apidev); empty for APIs without a login. */
  public List<DemoUser> users(String api) {
    basePath(api);
    List<DemoUser> users = new ArrayList<>();
    for (JsonNode u : running().fake().seedSection(api, "users")) {
      List<String> grants = new ArrayList<>();
      u.path("grants").forEach(g -> grants.add(g.asText()));
      users.add(new DemoUser(api, u.path("email").asText(), u.path("password").asText(), u.path("tenant").asText(),
          grants));
    }
    return List.copyOf(users);
  }

  private String basePath(String api) {
    String path = running().fake().basePaths().get(api);
    if (path == null) {
      throw new IllegalArgumentException("API '" + api + "' is not served; served: "
          + String.join(", ", running().fake().basePaths().keySet()));
    }
    return path;
  }

  private CounterfeitServer running() {
    if (server == null) {
      throw new IllegalStateException("The fake is not running: register the extension with @RegisterExtension "
          + "and use it from a test or a @BeforeEach/@AfterEach method");
    }
    return server;
  }

  /** How the fake runs; everything has the jar's default except the port, which is always a free one. */
  public static final class Builder {
    private final Set<String> apis = new LinkedHashSet<>();
    private boolean seed = true;
    private boolean rateLimits = true;
    private boolean checkResponses;
    private boolean resetEach = true;
    private Consumer<StubServerConfig.Builder> tweak = c -> { };

    private Builder() {}

    /** Serve only these APIs ({@code finsync}, {@code flowtly}, {@code fintoro}, {@code apidev}); default all. */
    public Builder apis(String... apis) {
      this.apis.addAll(List.of(apis));
      return this;
    }

    /** Load the demo companies' records (default); false starts with credentials and lookups only. */
    public Builder seed(boolean seed) {
      this.seed = seed;
      return this;
    }

    /** The vendors' documented rate limits (default on; a reset starts their windows again). */
    public Builder rateLimits(boolean rateLimits) {
      this.rateLimits = rateLimits;
      return this;
    }

    /** Check every answer against the spec and report breaks in {@code X-Counterfeit-Violations}. */
    public Builder checkResponses(boolean checkResponses) {
      this.checkResponses = checkResponses;
      return this;
    }

    /**
     * Back to the seed before every test (default). False keeps one state for the whole class, for tests
     * that build on each other; it only matters for a static field.
     */
    public Builder resetEach(boolean resetEach) {
      this.resetEach = resetEach;
      return this;
    }

    /**
     * Anything else the server takes ({@code c -> c.specOverride(vendor, yaml)}, a clock): applied last, in the
     * order given, then the port is set free.
     */
    public Builder configure(Consumer<StubServerConfig.Builder> tweak) {
      this.tweak = this.tweak.andThen(tweak);
      return this;
    }

    public CounterfeitExtension build() {
      StubServerConfig.Builder config = StubServerConfig.builder()
          .apis(apis)
          .seed(seed)
          .rateLimits(rateLimits)
          .checkResponses(checkResponses);
      tweak.accept(config);
      return new CounterfeitExtension(config.port(0).build(), resetEach);
    }
  }
}

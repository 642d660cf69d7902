package dev.counterfeit.stubs.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.stubs.action.Seeder;
import dev.counterfeit.stubs.action.VendorApi;
import dev.counterfeit.stubs.fault.Faults;
import dev.counterfeit.stubs.http.HttpHandler;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.profile.VendorProfile;
import dev.counterfeit.stubs.security.Credentials;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.SpecException;
import dev.counterfeit.stubs.store.Stores;
import dev.counterfeit.stubs.store.TenantStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The whole fake without any HTTP server: every selected vendor's spec compiled, its profile, the store and
 * the seed. Built once; {@link #handle} is the hot path and only looks things up.
 */
public final class Fake implements HttpHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<VendorApi> apis;
  private final TenantStore store;
  private final Seeder seeder;
  private final Engine engine;
  private final boolean demoRecords;

  private Fake(List<VendorApi> apis, Stores stores, Clock clock, boolean demoRecords, boolean rateLimits,
      boolean checkResponses) {
    this.apis = apis;
    this.store = stores.records();
    Credentials credentials = new Credentials(clock, stores.secret("tokens"));
    this.seeder = new Seeder(store, credentials);
    this.engine = new Engine(apis, stores, credentials, clock, rateLimits, checkResponses);
    this.demoRecords = demoRecords;
    apis.forEach(seeder::credentials);
    // A durable or shared store keeps what was written: seed only what it does not hold yet.
    apis.forEach(api -> seeder.data(api, demoRecords));
  }

  /** The ids of the vendor profiles on the classpath, sorted. */
  public static Set<String> knownVendors() {
    return onClasspath().keySet();
  }

  private static Map<String, VendorProfile> onClasspath() {
    Map<String, VendorProfile> profiles = new TreeMap<>();
    ServiceLoader.load(VendorProfile.class).forEach(p -> profiles.put(p.id(), p));
    return profiles;
  }

  /**
   * Builds the fake.
   *
   * @param vendors the vendor ids to serve; empty serves every profile on the classpath
   * @param specOverrides YAML text to serve instead of a vendor's packaged spec (tests of the kit use this)
   * @param demoRecords whether to load the demo tenants' records (reference data and credentials always load)
   * @param rateLimits whether vendors' rate limits apply
   * @param checkResponses whether every answer is checked against the spec (see {@link #responseViolations()})
   * @param stores where every record and counter is kept; the caller closes it
   * @throws SpecException when a spec cannot be served; nothing starts then
   */
  public static Fake build(Set<String> vendors, Map<String, String> specOverrides, boolean demoRecords,
      boolean rateLimits, boolean checkResponses, Clock clock, Stores stores) {
    Map<String, VendorProfile> profiles = onClasspath();
    for (String wanted : vendors) {
      if (!profiles.containsKey(wanted)) {
        throw new SpecException("Unknown API '" + wanted + "'; known: " + String.join(", ", profiles.keySet()));
      }
    }
    // Vendors compile independently; doing it in parallel shortens start-up on more than one core.
    List<VendorApi> apis = profiles.values().parallelStream()
        .filter(profile -> vendors.isEmpty() || vendors.contains(profile.id()))
        .map(profile -> compile(profile, specOverrides.get(profile.id())))
        .toList();
    return new Fake(List.copyOf(apis), stores, clock, demoRecords, rateLimits, checkResponses);
  }

  private static VendorApi compile(VendorProfile profile, String override) {
    ApiSpec spec;
    if (override == null) {
      spec = ApiSpec.load(profile.id());
    } else {
      // A user's own copy gets the full parser's verdict; the packaged specs are checked at build time.
      spec = ApiSpec.fromText(profile.id(), override);
      if (!spec.parseMessages().isEmpty()) {
        throw new SpecException("The " + profile.id() + " spec given does not parse cleanly: " + spec.parseMessages());
      }
    }
    ApiModel model = ApiModel.compile(spec);
    model.operations().stream().filter(op -> op.successStatuses().isEmpty()).findFirst().ifPresent(op -> {
      throw new SpecException(op + ": no 2xx response, so the fake has nothing to answer it with");
    });
    model.operations().stream().filter(op -> op.handler() != null && profile.handler(op.handler()).isEmpty())
        .findFirst().ifPresent(op -> {
          throw new SpecException(op + " names handler '" + op.handler() + "' that the " + profile.id()
              + " profile does not have");
        });
    return new VendorApi(profile, model, seed(profile.id()));
  }

  private static JsonNode seed(String vendor) {
    String resource = "dev/counterfeit/stubs/profile/" + vendor + "/seed.json";
    try (InputStream in = Fake.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Seed " + resource + " is not valid JSON", e);
    }
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    return engine.handle(request);
  }

  /** Answers that broke the spec (status not declared, body not matching), when response checks are on. */
  public List<String> responseViolations() {
    return engine.responseViolations();
  }

  /** The failures and delays testers force on purpose (in memory, per process). */
  public Faults faults() {
    return engine.faults();
  }

  /**
   * Forgets every change: the store goes back to the seed, and rate-limit windows and lockouts start again. On a
   * shared store this resets every replica.
   */
  public synchronized void reset() {
    apis.forEach(api -> reset(api.vendor()));
  }

  /** Puts one vendor back to its seed and leaves the others as they are; false when it is not served. */
  public synchronized boolean reset(String vendor) {
    for (VendorApi api : apis) {
      if (api.vendor().equals(vendor)) {
        store.clear(vendor);
        engine.resetRateLimits(vendor);
        seeder.data(api, demoRecords);
        return true;
      }
    }
    return false;
  }

  /** Everything stored, as {@code {vendor: {tenant: {collection: [records]}}}}. */
  public ObjectNode state() {
    return store.dump();
  }

  /** The compiled spec of every API served (the validating proxy routes and checks with the same ones). */
  public List<ApiModel> models() {
    return apis.stream().map(VendorApi::model).toList();
  }

  /** The profile of every API served, by vendor id. */
  public Map<String, VendorProfile> profiles() {
    Map<String, VendorProfile> profiles = new TreeMap<>();
    apis.forEach(api -> profiles.put(api.vendor(), api.profile()));
    return profiles;
  }

  /** The APIs served: vendor → base path, for start-up messages and the health answer. */
  public Map<String, String> basePaths() {
    Map<String, String> paths = new TreeMap<>();
    apis.forEach(api -> paths.put(api.vendor(), api.spec().basePath().isEmpty() ? "/" : api.spec().basePath()));
    return paths;
  }

  /** The demo credentials each vendor's seed ships, for the start-up banner. */
  public Map<String, JsonNode> demoCredentials() {
    Map<String, JsonNode> creds = new TreeMap<>();
    apis.forEach(api -> creds.put(api.vendor(), api.seed().path("credentials")));
    return creds;
  }

  /** The seed section a vendor documents for people (users and passwords), or a missing node. */
  public JsonNode seedSection(String vendor, String name) {
    return apis.stream().filter(a -> a.vendor().equals(vendor)).findFirst()
        .map(a -> a.seed().path(name)).orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
  }
}

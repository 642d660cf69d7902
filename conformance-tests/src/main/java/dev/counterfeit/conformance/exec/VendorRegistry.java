package dev.counterfeit.conformance.exec;

import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.openapi.ApiSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The vendors the kit can check: every {@link VendorProfile.Factory} registered for {@link ServiceLoader}, in id
 * order (the report's order). Adding a vendor adds a registration, not a line here.
 */
public final class VendorRegistry {
  private final List<VendorProfile.Factory> factories;

  private VendorRegistry(List<VendorProfile.Factory> factories) {
    this.factories = factories;
  }

  /** The factories on the classpath. */
  public static VendorRegistry load() {
    List<VendorProfile.Factory> found = ServiceLoader.load(VendorProfile.Factory.class).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(VendorProfile.Factory::id))
        .toList();
    return new VendorRegistry(found);
  }

  /** Every registered vendor id, sorted. */
  public List<String> ids() {
    return factories.stream().map(VendorProfile.Factory::id).toList();
  }

  /** The factory of a vendor, if one is registered. */
  public Optional<VendorProfile.Factory> find(String vendor) {
    return factories.stream().filter(f -> f.id().equals(vendor)).findFirst();
  }

  /**
   * The factory of a vendor.
   *
   * @throws IllegalArgumentException naming the vendors that are registered, when this one is not
   */
  public VendorProfile.Factory factory(String vendor) {
    return find(vendor).orElseThrow(() -> new IllegalArgumentException(
        "unknown API '" + vendor + "'; known: " + String.join(", ", ids())));
  }

  /** A vendor's profile for a run. */
  public VendorProfile profile(String vendor, KitConfig config, ApiSpec spec) {
    return factory(vendor).create(config, spec);
  }
}

package dev.counterfeit.conformance.vendor;

import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.conformance.exec.VendorProfile;

/** The vendor profiles by id. */
public final class Vendors {
  private Vendors() {}

  /** The profile of a vendor, reading its credentials from the configuration. */
  public static VendorProfile profile(String vendor, KitConfig config) {
    return switch (vendor) {
      case "apidev" -> new Apidev(config);
      case "finsync" -> new FinSync(config);
      case "fintoro" -> new Fintoro(config);
      case "flowtly" -> new Flowtly(config);
      default -> throw new IllegalArgumentException("no profile for vendor '" + vendor + "'");
    };
  }
}

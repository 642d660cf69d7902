package dev.counterfeit.conformance.cases;

import java.util.List;
import java.util.Map;

/**
 * What generation needs to know about a vendor that its spec does not say in a machine-readable way. Every
 * method has the default most APIs follow; a vendor overrides only where it differs.
 */
public interface Conventions {
  /** A vendor that follows every default. */
  Conventions DEFAULTS = new Conventions() {};

  /** The status a body or query value of the wrong JSON type answers. */
  default int wrongTypeStatus(SpecModel.Operation op) {
    return op.validationStatus();
  }

  /** The status a request without credentials (or without one of several credential headers) answers. */
  default int missingCredentialsStatus(SpecModel.Operation op) {
    return 401;
  }

  /** Whether sending a wrong value for this security scheme is a credentials error (a tenant name is not). */
  default boolean canBeInvalid(String scheme) {
    return true;
  }

  /** Body fields filled from configured credentials (pointer to credential key), e.g. a login body. */
  default Map<String, String> credentialFields(SpecModel.Operation op) {
    return Map.of();
  }

  /** Whether the rate-limit cases run: each spends a window of requests, so they are opt-in. */
  default boolean rateLimitCases() {
    return false;
  }

  /** Where the item sits in a read answer's body ({@code /data} in an envelope), as a JSON pointer. */
  default String itemPointer() {
    return "";
  }

  /**
   * Hand-written cases for rules no spec states (inference, idempotency). They carry {@link Rule#VENDOR_RULE}
   * and their subject names the rule for the vendor's executor hook.
   */
  default List<ConformanceCase> vendorCases(SpecModel model, Values values) {
    return List.of();
  }
}

package dev.counterfeit.conformance.cases;

import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.SecurityScheme;
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
  default int wrongTypeStatus(Operation op) {
    return validationStatus(op);
  }

  /** The status a request the schema refuses answers: the declared 422 if any, else 400. */
  default int validationStatus(Operation op) {
    return op.declares(422) ? 422 : 400;
  }

  /** The status an unparseable body answers: the declared 400 if any, else the declared 422, else 400. */
  default int malformedStatus(Operation op) {
    return op.declares(400) ? 400 : op.declares(422) ? 422 : 400;
  }

  /** Whether a credential for this security scheme is configured, so that an alternative naming it can be met. */
  default boolean holds(SecurityScheme scheme) {
    return true;
  }

  /**
   * The security alternative the kit authenticates an operation with: the first whose every credential it
   * {@link #holds}, else the first; empty for a public operation.
   */
  default List<SecurityScheme> requirement(Operation op) {
    return op.security().stream().filter(alternative -> alternative.stream().allMatch(this::holds)).findFirst()
        .orElse(op.security().isEmpty() ? List.of() : op.security().get(0));
  }

  /** The status a request without credentials (or without one of several credential headers) answers. */
  default int missingCredentialsStatus(Operation op) {
    return 401;
  }

  /** Whether sending a wrong value for this security scheme is a credentials error (a tenant name is not). */
  default boolean canBeInvalid(String scheme) {
    return true;
  }

  /** Body fields filled from configured credentials (pointer to credential key), e.g. a login body. */
  default Map<String, String> credentialFields(Operation op) {
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
  default List<ConformanceCase> vendorCases(ApiModel model, Values values) {
    return List.of();
  }
}

package dev.counterfeit.conformance.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.conformance.cases.ConformanceCase;
import dev.counterfeit.conformance.cases.Conventions;
import dev.counterfeit.conformance.cases.Credentials;
import dev.counterfeit.conformance.config.CredentialOption;
import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.Operation;
import java.util.Map;
import java.util.Optional;

/**
 * What running cases needs to know about a vendor beyond its spec: how credentials travel, where a created
 * item's id sits, which error code a refusal carries, and the vendor rules no spec states. One small class per
 * vendor implements it; everything else is derived from the spec. A {@link Factory} registers it.
 */
public interface VendorProfile extends Conventions {

  /**
   * Makes a vendor's profile for a run. Registered for {@link java.util.ServiceLoader} in
   * {@code META-INF/services/dev.counterfeit.conformance.exec.VendorProfile$Factory} and found by
   * {@link VendorRegistry}, as the fake finds its vendor profiles.
   */
  interface Factory {
    /** The vendor id, as in {@code openapi/<id>.yaml}. */
    String id();

    /**
     * Which of the vendor's settings ({@code counterfeit.<id>.<key>}) each credential option fills: the CLI's
     * {@code --token} may be one vendor's {@code apiKey} and another's {@code token}. An option the vendor has no
     * use for is left out.
     */
    Map<CredentialOption, String> settings();

    /** The profile, reading its credentials from the configuration and its answers' layout from the spec. */
    VendorProfile create(KitConfig config, ApiSpec spec);
  }

  /** The vendor id, as in {@code openapi/<id>.yaml}. */
  String id();

  /**
   * Puts the headers for the given credentials and operation into {@code headers}.
   *
   * @throws CannotRun when a needed credential is not configured
   */
  void authenticate(Operation op, Credentials credentials, Map<String, String> headers, Session session);

  /** Whether credentials of this kind are configured, so that cases needing them can run. */
  boolean has(Credentials.Kind kind);

  /** A configured credential value by key ({@code email}), for body slots. */
  Optional<String> credential(String key);

  /** Where a create answer carries the new item's id; {@code /id} of a bare item unless the spec says otherwise. */
  default String idPointer() {
    return "/id";
  }

  /** Where a partial-update answer lists the fields it changed, if the vendor answers that. */
  default Optional<String> updatedFieldsPointer() {
    return Optional.empty();
  }

  /** The error code the answer to a case that is refused must carry, if the vendor has codes. */
  default Optional<String> errorCode(ConformanceCase c) {
    return Optional.empty();
  }

  /** Where the error code sits in an error answer, if the vendor's errors carry one. */
  default Optional<String> errorCodePointer() {
    return Optional.empty();
  }

  /**
   * Runs a {@link dev.counterfeit.conformance.cases.Rule#VENDOR_RULE} case this vendor contributed.
   */
  default Outcome runRule(ConformanceCase c, Session session) {
    return Outcome.aborted("-", "the " + id() + " profile has no hook for rule '" + c.subject() + "'");
  }

  /** The id of an item as written in an answer (numbers and strings alike), or null. */
  default String idOf(JsonNode answer) {
    JsonNode id = answer == null ? null : answer.at(idPointer());
    return id == null || id.isMissingNode() || id.isNull() ? null : id.asText();
  }
}

package dev.counterfeit.conformance.vendor;

import dev.counterfeit.conformance.cases.Credentials;
import dev.counterfeit.conformance.config.CredentialOption;
import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.conformance.exec.CannotRun;
import dev.counterfeit.conformance.exec.Session;
import dev.counterfeit.conformance.exec.VendorProfile;
import dev.counterfeit.openapi.ApiSpec;
import java.util.Map;

/**
 * FinSync: a company API key in {@code x-api-key} ({@code counterfeit.finsync.apiKey}); another company's key
 * ({@code otherApiKey}) for tenant isolation. Keys have no scopes, so there is no read-only variant.
 */
final class FinSync extends BaseProfile {
  FinSync(KitConfig config, ApiSpec spec) {
    super(config, spec);
  }

  /** Registers the profile in {@code META-INF/services}. */
  public static final class Factory implements VendorProfile.Factory {
    @Override
    public String id() {
      return "finsync";
    }

    @Override
    public Map<CredentialOption, String> settings() {
      return Map.of(CredentialOption.TOKEN, "apiKey", CredentialOption.OTHER_TOKEN, "otherApiKey");
    }

    @Override
    public VendorProfile create(KitConfig config, ApiSpec spec) {
      return new FinSync(config, spec);
    }
  }

  @Override
  public boolean has(Credentials.Kind kind) {
    return switch (kind) {
      case OTHER_TENANT -> credential("otherApiKey").isPresent();
      case READ_ONLY -> false;
      default -> credential("apiKey").isPresent();
    };
  }

  @Override
  protected Map<String, String> schemeValues(Credentials.Kind kind, Session session) {
    String key = switch (kind) {
      case OTHER_TENANT -> required("otherApiKey");
      case READ_ONLY -> throw new CannotRun("FinSync API keys have no read-only variant");
      default -> required("apiKey");
    };
    return Map.of(onlyScheme(session), key);
  }
}

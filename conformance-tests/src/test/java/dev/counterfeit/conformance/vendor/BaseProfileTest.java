package dev.counterfeit.conformance.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.conformance.cases.CaseRequest;
import dev.counterfeit.conformance.cases.Check;
import dev.counterfeit.conformance.cases.ConformanceCase;
import dev.counterfeit.conformance.cases.Polarity;
import dev.counterfeit.conformance.cases.Rule;
import dev.counterfeit.conformance.cases.Target;
import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.conformance.exec.VendorProfile;
import dev.counterfeit.conformance.exec.VendorRegistry;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.stubs.problem.ProblemKind;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BaseProfileTest {
  private static final VendorRegistry REGISTRY = VendorRegistry.load();

  private static VendorProfile profile(String vendor) {
    return REGISTRY.profile(vendor, new KitConfig(key -> Optional.empty(), REGISTRY.ids()), ApiSpec.load(vendor));
  }

  @Test
  void anEnvelopedVendorsItemIdChangedFieldsAndErrorCodeSitWhereItsSpecSays() {
    VendorProfile apidev = profile("apidev");
    assertThat(apidev.itemPointer()).isEqualTo("/data");
    assertThat(apidev.idPointer()).isEqualTo("/data/id");
    assertThat(apidev.updatedFieldsPointer()).contains("/data/updated_fields");
    assertThat(apidev.errorCodePointer()).contains("/error/code");
  }

  @Test
  void bareVendorsAnswerTheItemItselfWithItsIdAtTheTop() {
    for (String vendor : new String[] {"finsync", "fintoro", "flowtly"}) {
      VendorProfile profile = profile(vendor);
      assertThat(profile.itemPointer()).as(vendor).isEmpty();
      assertThat(profile.idPointer()).as(vendor).isEqualTo("/id");
      assertThat(profile.updatedFieldsPointer()).as(vendor).isEmpty();
      assertThat(profile.errorCodePointer()).as(vendor).isEmpty();
    }
  }

  private static ConformanceCase refused(Rule rule, int status) {
    return new ConformanceCase("apidev", "op", "POST", "/x", rule, null, "l", status, CaseRequest.empty(Target.NONE),
        Polarity.NEGATIVE, Check.STATUS, Map.of(), null);
  }

  @Test
  void theErrorCodeAndStatusOfARefusalAreTheSpecsAnswerToItsProblem() {
    VendorProfile apidev = profile("apidev");
    assertThat(apidev.errorCode(refused(Rule.MALFORMED_JSON, 400))).contains("BAD_REQUEST");
    assertThat(apidev.errorCode(refused(Rule.NO_CREDENTIALS, 400))).contains("BAD_REQUEST");
    assertThat(apidev.errorCode(refused(Rule.MAX_LENGTH_OVER, 400))).contains("VALIDATION_ERROR");
    assertThat(apidev.errorCode(refused(Rule.INVALID_CREDENTIAL, 401))).contains("UNAUTHORIZED");
    assertThat(apidev.errorCode(refused(Rule.READ_ONLY_CREDENTIAL, 403))).contains("FORBIDDEN");
    assertThat(apidev.errorCode(refused(Rule.UNKNOWN_ID, 404))).contains("NOT_FOUND");
    assertThat(apidev.errorCode(refused(Rule.RATE_LIMITED, 429))).contains("RATE_LIMITED");
    assertThat(apidev.errorCode(refused(Rule.VENDOR_RULE, 401))).isEmpty();
    assertThat(apidev.missingCredentialsStatus(null)).isEqualTo(400);
    for (String vendor : new String[] {"finsync", "fintoro", "flowtly"}) {
      assertThat(profile(vendor).errorCode(refused(Rule.MALFORMED_JSON, 400))).as(vendor).isEmpty();
      assertThat(profile(vendor).missingCredentialsStatus(null)).as(vendor).isEqualTo(401);
    }
  }

  @Test
  void everyProblemTheKitNamesIsOneTheFakeKnows() {
    Set<String> known = Arrays.stream(ProblemKind.values()).map(ProblemKind::key).collect(Collectors.toSet());
    for (Rule rule : Rule.values()) {
      BaseProfile.problemOf(refused(rule, 400)).ifPresent(name -> assertThat(known).as(rule.name()).contains(name));
    }
  }
}

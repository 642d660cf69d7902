package dev.counterfeit.conformance.vendor;

import dev.counterfeit.conformance.cases.ConformanceCase;
import dev.counterfeit.conformance.cases.Credentials;
import dev.counterfeit.conformance.cases.Polarity;
import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.conformance.exec.CannotRun;
import dev.counterfeit.conformance.exec.Session;
import dev.counterfeit.conformance.exec.VendorProfile;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.Problems;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Parameter;
import dev.counterfeit.openapi.model.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials as the spec's security schemes carry them: a vendor says which value each scheme gets for a
 * kind of credentials, this class puts them in the right headers ({@code Authorization: Bearer …} for an HTTP
 * bearer scheme, the named header for an API key) and builds the wrong and missing variants. Where answers keep
 * the item, its id, the fields a partial update changed and the error code comes from the spec: its
 * {@code x-counterfeit-envelope} and the properties it marks {@code x-counterfeit-value: id} /
 * {@code updated-fields}; which code and status each refusal carries from its {@code x-counterfeit-problems}.
 */
abstract class BaseProfile implements VendorProfile {
  protected final KitConfig config;
  protected final ApiSpec spec;
  private final String idPointer;
  private final Optional<String> updatedFieldsPointer;

  protected BaseProfile(KitConfig config, ApiSpec spec) {
    this.config = config;
    this.spec = spec;
    this.idPointer = spec.answerPointer("id").orElseGet(VendorProfile.super::idPointer);
    this.updatedFieldsPointer = spec.answerPointer("updated-fields");
  }

  @Override
  public String itemPointer() {
    return spec.envelope().item();
  }

  @Override
  public String idPointer() {
    return idPointer;
  }

  @Override
  public Optional<String> updatedFieldsPointer() {
    return updatedFieldsPointer;
  }

  @Override
  public Optional<String> errorCodePointer() {
    return spec.envelope().errorCode();
  }

  /** The code the spec's {@code x-counterfeit-problems} gives the problem the case provokes, if it gives one. */
  @Override
  public Optional<String> errorCode(ConformanceCase c) {
    return problemOf(c).flatMap(spec.problems()::answer).flatMap(Problems.Answer::code);
  }

  /** The spec's status for missing credentials ({@code x-counterfeit-problems}), else the usual 401. */
  @Override
  public int missingCredentialsStatus(Operation op) {
    return answer("missing-credentials").map(Problems.Answer::status)
        .orElseGet(() -> VendorProfile.super.missingCredentialsStatus(op));
  }

  /** The spec's answer to a problem by its {@code x-counterfeit-problems} name, if it lists one. */
  protected Optional<Problems.Answer> answer(String problem) {
    return spec.problems().answer(problem);
  }

  /**
   * The problem, by its {@code x-counterfeit-problems} name, that a case's request provokes; empty for a case
   * the implementation accepts and for a vendor rule, which checks its own answers.
   */
  static Optional<String> problemOf(ConformanceCase c) {
    if (c.polarity() != Polarity.NEGATIVE) {
      return Optional.empty();
    }
    return Optional.ofNullable(switch (c.rule()) {
      case MALFORMED_JSON -> "malformed-body";
      case WRONG_CONTENT_TYPE -> "unsupported-media-type";
      case NO_CREDENTIALS, MISSING_CREDENTIAL -> "missing-credentials";
      case INVALID_CREDENTIAL -> "invalid-credentials";
      case READ_ONLY_CREDENTIAL -> "forbidden";
      case OTHER_TENANT, UNKNOWN_ID -> "not-found";
      case RATE_LIMITED -> "rate-limited";
      case VENDOR_RULE, GENERATION_FAILED -> null;
      default -> "invalid-request";
    });
  }

  /** The vendor id, which names its spec. */
  @Override
  public String id() {
    return spec.vendor();
  }

  /** The value of each security scheme for a kind of credentials (VALID, READ_ONLY, OTHER_TENANT). */
  protected abstract Map<String, String> schemeValues(Credentials.Kind kind, Session session);

  /** A value the implementation cannot know, for the invalid-credentials cases. */
  protected String invalidValue(String scheme, Session session) {
    return "ct-invalid-" + session.values().nonce();
  }

  /** A configured setting of this vendor, or a {@link CannotRun} naming the setting to set. */
  protected String required(String key) {
    return config.vendor(id(), key).orElseThrow(() -> new CannotRun("counterfeit." + id() + "." + key + " is not set"));
  }

  @Override
  public boolean rateLimitCases() {
    return config.rateLimit();
  }

  @Override
  public Optional<String> credential(String key) {
    return config.vendor(id(), key);
  }

  @Override
  public void authenticate(Operation op, Credentials credentials, Map<String, String> headers,
      Session session) {
    Map<String, SecurityScheme> schemes = session.model().schemes();
    List<SecurityScheme> requirement = requirement(op);
    Map<String, String> values = new LinkedHashMap<>();
    switch (credentials.kind()) {
      case NONE -> {
        return;
      }
      case VALID, READ_ONLY, OTHER_TENANT -> values.putAll(schemeValues(credentials.kind(), session));
      case INVALID -> {
        values.putAll(schemeValues(Credentials.Kind.VALID, session));
        values.put(credentials.scheme(), invalidValue(credentials.scheme(), session));
      }
      case WITHOUT -> {
        values.putAll(schemeValues(Credentials.Kind.VALID, session));
        values.remove(credentials.scheme());
      }
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      SecurityScheme scheme = schemes.get(e.getKey());
      // Only the alternative the kit authenticates with: another one's credentials could let in a request the
      // case means to be refused.
      if (scheme == null || !op.security().isEmpty() && !requirement.contains(scheme)) {
        continue;
      }
      // A public route gets only the credential headers it declares as parameters (apidev's login: tenant).
      if (op.security().isEmpty() && op.parameters(Parameter.In.HEADER).stream()
          .noneMatch(p -> p.name().equalsIgnoreCase(scheme.header()))) {
        continue;
      }
      headers.put(scheme.header(), scheme.bearer() ? "Bearer " + e.getValue() : e.getValue());
    }
  }

  /** The single scheme of a one-scheme spec. */
  protected static String onlyScheme(Session session) {
    return session.model().schemes().keySet().iterator().next();
  }
}

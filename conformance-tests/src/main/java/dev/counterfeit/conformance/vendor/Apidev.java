package dev.counterfeit.conformance.vendor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.conformance.cases.ConformanceCase;
import dev.counterfeit.conformance.cases.Credentials;
import dev.counterfeit.conformance.cases.Values;
import dev.counterfeit.conformance.config.CredentialOption;
import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.conformance.exec.CannotRun;
import dev.counterfeit.conformance.exec.Outcome;
import dev.counterfeit.conformance.exec.Reply;
import dev.counterfeit.conformance.exec.Session;
import dev.counterfeit.conformance.exec.VendorProfile;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.Problems;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GeoTareas {@code /apidev/v1} ERP: every call carries {@code tenant}, {@code X-API-Key} and a bearer JWT the
 * kit obtains by logging in ({@code counterfeit.apidev.email}/{@code password}; a user without
 * APICLI_CLIENTS_WRITE via {@code readEmail}/{@code readPassword} for 403). Which status and code each refusal
 * carries (a missing header is a 400 {@code BAD_REQUEST}) is the spec's {@code x-counterfeit-problems}; answers
 * sit in a {@code data} envelope.
 */
final class Apidev extends BaseProfile {
  private static final String TENANT = "tenantHeader";
  private static final String API_KEY = "apiKey";
  private static final String BEARER = "bearerAuth";

  private final VendorRules rules;

  Apidev(KitConfig config, ApiSpec spec) {
    super(config, spec);
    Problems.Answer unauthorized = listed("invalid-credentials");
    String invalid = listed("invalid-request").code().orElseThrow();
    this.rules = new VendorRules()
        .add("login-wrong-password", "loginUser", op -> unauthorized.status(), "login with a wrong password is "
            + unauthorized.status() + " " + unauthorized.code().orElseThrow(), r -> wrongPassword(r, unauthorized))
        .add("id-in-update-body", "updateClient", VendorRules.REFUSED,
            "an id in the update body is refused with " + invalid, r -> idInUpdateBody(r, invalid))
        .add("read-permission-reads", "listClients", VendorRules.SUCCESS,
            "a user with read permission only can list clients", Apidev::readUserReads);
  }

  /** Registers the profile in {@code META-INF/services}. */
  public static final class Factory implements VendorProfile.Factory {
    @Override
    public String id() {
      return "apidev";
    }

    @Override
    public Map<CredentialOption, String> settings() {
      return Map.of(CredentialOption.TOKEN, "apiKey", CredentialOption.TENANT, "tenant",
          CredentialOption.EMAIL, "email", CredentialOption.PASSWORD, "password",
          CredentialOption.READ_EMAIL, "readEmail", CredentialOption.READ_PASSWORD, "readPassword");
    }

    @Override
    public VendorProfile create(KitConfig config, ApiSpec spec) {
      return new Apidev(config, spec);
    }
  }

  @Override
  public boolean has(Credentials.Kind kind) {
    return switch (kind) {
      case OTHER_TENANT -> credential("otherTenant").isPresent() && credential("otherApiKey").isPresent()
          && credential("otherEmail").isPresent() && credential("otherPassword").isPresent();
      case READ_ONLY -> credential("readEmail").isPresent() && credential("readPassword").isPresent();
      default -> credential("tenant").isPresent() && credential("apiKey").isPresent();
    };
  }

  @Override
  protected Map<String, String> schemeValues(Credentials.Kind kind, Session session) {
    Map<String, String> values = new LinkedHashMap<>();
    boolean other = kind == Credentials.Kind.OTHER_TENANT;
    String tenant = required(other ? "otherTenant" : "tenant");
    values.put(TENANT, tenant);
    values.put(API_KEY, required(other ? "otherApiKey" : "apiKey"));
    String user = switch (kind) {
      case OTHER_TENANT -> "other";
      case READ_ONLY -> "read";
      default -> "";
    };
    values.put(BEARER, jwt(session, tenant, user));
    return values;
  }

  /** Logs in once per session and user, as the kit's first act; the JWT lives an hour, longer than any run. */
  private String jwt(Session session, String tenant, String user) {
    String emailKey = user.isEmpty() ? "email" : user + "Email";
    String passwordKey = user.isEmpty() ? "password" : user + "Password";
    Object cached = session.vendorState().get("jwt:" + user);
    if (cached instanceof String token) {
      return token;
    }
    ObjectNode body = RuleContext.object().put("email", required(emailKey)).put("password", required(passwordKey));
    Operation login = session.model().byId("loginUser").orElseThrow();
    Reply reply = session.sendForCredentials(login, Map.of("tenant", tenant), "application/json",
        Session.bytes(body));
    String token = reply.json() == null ? null : spec.answerPointer("token")
        .map(pointer -> reply.json().at(pointer).asText(null)).orElse(null);
    if (reply.status() != 200 || token == null) {
      throw new CannotRun("logging in as counterfeit.apidev." + emailKey + " failed: " + reply.brief());
    }
    session.vendorState().put("jwt:" + user, token);
    return token;
  }

  @Override
  protected String invalidValue(String scheme, Session session) {
    return BEARER.equals(scheme)
        ? "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjdC1pbnZhbGlkIn0.Y3QtaW52YWxpZA"
        : "gtk_ct_invalid_" + session.values().nonce();
  }

  @Override
  public boolean canBeInvalid(String scheme) {
    return !TENANT.equals(scheme);
  }

  @Override
  public Map<String, String> credentialFields(Operation op) {
    return "loginUser".equals(op.operationId()) ? Map.of("/email", "email", "/password", "password") : Map.of();
  }

  @Override
  public List<ConformanceCase> vendorCases(ApiModel model, Values values) {
    return rules.cases(model);
  }

  @Override
  public Outcome runRule(ConformanceCase c, Session session) {
    return rules.run(c, session);
  }

  private static boolean code(RuleContext r, Reply reply, String code) {
    String actual = reply.json() == null ? null : r.session().profile().errorCodePointer()
        .map(pointer -> reply.json().at(pointer).asText(null)).orElse(null);
    r.check(code.equals(actual), "error code " + actual + " where " + code + " is due");
    return code.equals(actual);
  }

  /** The spec's answer to a problem its rules check; apidev's spec lists every problem with its code. */
  private Problems.Answer listed(String problem) {
    return answer(problem).filter(a -> a.code().isPresent()).orElseThrow(() -> new IllegalStateException(
        "the apidev spec gives " + problem + " no code in x-counterfeit-problems"));
  }

  private static void wrongPassword(RuleContext r, Problems.Answer unauthorized) {
    ObjectNode body = RuleContext.object()
        .put("email", r.session().profile().credential("email").orElseThrow(() -> new CannotRun(
            "counterfeit.apidev.email is not set")))
        .put("password", "ct-wrong-" + r.session().values().nonce());
    Reply reply = r.sendAs(Credentials.VALID, "loginUser", null, Map.of(), body);
    if (r.expect("loginUser", reply, unauthorized.status(), "login with a wrong password")) {
      code(r, reply, unauthorized.code().orElseThrow());
    }
  }

  private static void idInUpdateBody(RuleContext r, String invalid) {
    String id = r.fresh("clients");
    ObjectNode body = RuleContext.object().put("id", id).put("name", "Conformance " + r.session().values().filler(8));
    Reply reply = r.send("updateClient", id, Map.of(), body);
    if (r.expectRefused("updateClient", reply, "update with id in the body")) {
      code(r, reply, invalid);
    }
  }

  private static void readUserReads(RuleContext r) {
    Reply reply = r.sendAs(Credentials.READ_ONLY, "listClients", null, Map.of(), null);
    r.expectSuccess("listClients", reply, "listing as the read-only user");
  }
}

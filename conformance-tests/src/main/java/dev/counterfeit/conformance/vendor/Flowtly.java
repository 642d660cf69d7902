package dev.counterfeit.conformance.vendor;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;

/**
 * Flowtly (API Platform): a bearer token per company user ({@code counterfeit.flowtly.token}, another company's
 * {@code otherToken}). A value of the wrong JSON type fails deserialization, which API Platform answers 400 before
 * validation (422) runs. The counterparty merge and the create-by-type route are rules of their own.
 */
final class Flowtly extends BaseProfile {
  private final VendorRules rules = new VendorRules()
      .add("merge-removes-source", "mergeCounterparty", VendorRules.SUCCESS,
          "merging removes the source counterparty (its IRI answers 404)", Flowtly::mergeRemovesSource)
      .add("merge-into-itself", "mergeCounterparty", VendorRules.REFUSED,
          "merging a counterparty into itself is a 422 on source", Flowtly::mergeIntoItself)
      .add("by-type-display-name", "createCounterpartyByType", VendorRules.SUCCESS,
          "create by type names the counterparty after the new client and links it", Flowtly::byTypeDisplayName)
      .add("json-ld-self", "createClient", VendorRules.SUCCESS,
          "a created item's @id is its own IRI and reads back", Flowtly::jsonLdSelf);

  Flowtly(KitConfig config, ApiSpec spec) {
    super(config, spec);
  }

  /** Registers the profile in {@code META-INF/services}. */
  public static final class Factory implements VendorProfile.Factory {
    @Override
    public String id() {
      return "flowtly";
    }

    @Override
    public Map<CredentialOption, String> settings() {
      return Map.of(CredentialOption.TOKEN, "token", CredentialOption.OTHER_TOKEN, "otherToken");
    }

    @Override
    public VendorProfile create(KitConfig config, ApiSpec spec) {
      return new Flowtly(config, spec);
    }
  }

  @Override
  public boolean has(Credentials.Kind kind) {
    return switch (kind) {
      case OTHER_TENANT -> credential("otherToken").isPresent();
      case READ_ONLY -> false;
      default -> credential("token").isPresent();
    };
  }

  @Override
  protected Map<String, String> schemeValues(Credentials.Kind kind, Session session) {
    String token = switch (kind) {
      case OTHER_TENANT -> required("otherToken");
      case READ_ONLY -> throw new CannotRun("Flowtly tokens have no read-only variant");
      default -> required("token");
    };
    return Map.of(onlyScheme(session), token);
  }

  /** API Platform's serializer refuses a value it cannot denormalize as it refuses a body it cannot parse. */
  @Override
  public int wrongTypeStatus(Operation op) {
    return answer("malformed-body").map(Problems.Answer::status).filter(op::declares)
        .orElseGet(() -> validationStatus(op));
  }

  @Override
  public List<ConformanceCase> vendorCases(ApiModel model, Values values) {
    return rules.cases(model);
  }

  @Override
  public Outcome runRule(ConformanceCase c, Session session) {
    return rules.run(c, session);
  }

  private static void mergeRemovesSource(RuleContext r) {
    String target = r.fresh("counterparties");
    String source = r.fresh("counterparties");
    ObjectNode body = RuleContext.object().put("source", r.session().iri("counterparties", source));
    Reply merged = r.send("mergeCounterparty", target, Map.of(), body);
    if (r.expectSuccess("mergeCounterparty", merged, "merge")) {
      Reply gone = r.send("getCounterparty", source, Map.of(), null);
      r.expect("getCounterparty", gone, 404, "reading the merged source");
      Reply kept = r.send("getCounterparty", target, Map.of(), null);
      r.expectSuccess("getCounterparty", kept, "reading the target");
    }
  }

  private static void mergeIntoItself(RuleContext r) {
    String target = r.fresh("counterparties");
    ObjectNode body = RuleContext.object().put("source", r.session().iri("counterparties", target));
    Reply reply = r.send("mergeCounterparty", target, Map.of(), body);
    if (r.expectRefused("mergeCounterparty", reply, "merge into itself")) {
      JsonNode violations = reply.json().path("violations");
      boolean onSource = false;
      for (JsonNode v : violations) {
        onSource |= "source".equals(v.path("propertyPath").asText());
      }
      r.check(onSource, "the violations name no propertyPath 'source': " + violations);
    }
    r.expectSuccess("getCounterparty", r.send("getCounterparty", target, Map.of(), null), "the target still exists");
  }

  private static void byTypeDisplayName(RuleContext r) {
    String name = "Conformance " + r.session().values().filler(10);
    ObjectNode body = RuleContext.object().put("type", "client").put("name", name);
    Reply reply = r.send("createCounterpartyByType", null, Map.of(), body);
    if (r.expectSuccess("createCounterpartyByType", reply, "create by type")) {
      JsonNode answer = reply.json();
      r.check(name.equals(answer.path("displayName").asText()),
          "displayName is " + answer.path("displayName") + " where the name " + name + " is due");
      String client = answer.path("client").asText("");
      r.check(client.matches("/clients/\\d+"), "client is " + answer.path("client") + " where a client IRI is due");
      if (client.matches("/clients/\\d+")) {
        Reply read = r.send("getClient", client.substring(client.lastIndexOf('/') + 1), Map.of(), null);
        if (r.expectSuccess("getClient", read, "reading the linked client")) {
          r.check(name.equals(read.json().path("name").asText()),
              "the linked client is named " + read.json().path("name") + " where " + name + " is due");
        }
      }
    }
  }

  private static void jsonLdSelf(RuleContext r) {
    String id = r.fresh("clients");
    Reply read = r.send("getClient", id, Map.of(), null);
    if (r.expectSuccess("getClient", read, "reading the client")) {
      r.check(("/clients/" + id).equals(read.json().path("@id").asText()),
          "@id is " + read.json().path("@id") + " where /clients/" + id + " is due");
    }
  }
}

package dev.counterfeit.conformance.vendor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.conformance.cases.ConformanceCase;
import dev.counterfeit.conformance.cases.Credentials;
import dev.counterfeit.conformance.cases.Values;
import dev.counterfeit.conformance.config.CredentialOption;
import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.conformance.exec.Outcome;
import dev.counterfeit.conformance.exec.Reply;
import dev.counterfeit.conformance.exec.Session;
import dev.counterfeit.conformance.exec.VendorProfile;
import dev.counterfeit.generated.fintoro.model.Client;
import dev.counterfeit.generated.fintoro.model.ClientCreate;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Parameter;
import dev.counterfeit.openapi.model.ApiModel;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Fintoro: a bearer token with scope {@code write} ({@code counterfeit.fintoro.token}), one with scope
 * {@code read} ({@code readToken}, for the 403 cases) and another company's ({@code otherToken}). Its create
 * infers fields the body leaves out, and an {@code Idempotency-Key} replays or refuses repeats: rules of their own,
 * written with the models generated from the spec ({@code dev.counterfeit.generated.fintoro.model}), so a client
 * answer that does not bind to the documented {@code Client} fails the rule too.
 */
final class Fintoro extends BaseProfile {
  private final VendorRules rules = new VendorRules()
      .add("type-inferred-company", "createClient", VendorRules.SUCCESS,
          "type is inferred as company when subjectId, taxId or vatId is given", Fintoro::typeInferredCompany)
      .add("type-defaults-person", "createClient", VendorRules.SUCCESS,
          "type defaults to person when no business id is given", Fintoro::typeDefaultsPerson)
      .add("vat-payer-inferred", "createClient", VendorRules.SUCCESS,
          "isVatPayer is set true when vatId is given without it", Fintoro::vatPayerInferred)
      .add("delivery-address-inferred", "createClient", VendorRules.SUCCESS,
          "hasDeliveryAddress is set true when a delivery field is given", Fintoro::deliveryInferred)
      .add("idempotency-replay", "createClient", VendorRules.SUCCESS,
          "the same Idempotency-Key and body replays the first answer and creates nothing new",
          Fintoro::idempotencyReplay)
      .add("idempotency-conflict", "createClient", VendorRules.REFUSED,
          "the same Idempotency-Key with another body is refused with an error", Fintoro::idempotencyConflict);

  Fintoro(KitConfig config, ApiSpec spec) {
    super(config, spec);
  }

  /** Registers the profile in {@code META-INF/services}. */
  public static final class Factory implements VendorProfile.Factory {
    @Override
    public String id() {
      return "fintoro";
    }

    @Override
    public Map<CredentialOption, String> settings() {
      return Map.of(CredentialOption.TOKEN, "token", CredentialOption.READ_TOKEN, "readToken",
          CredentialOption.OTHER_TOKEN, "otherToken");
    }

    @Override
    public VendorProfile create(KitConfig config, ApiSpec spec) {
      return new Fintoro(config, spec);
    }
  }

  @Override
  public boolean has(Credentials.Kind kind) {
    return switch (kind) {
      case OTHER_TENANT -> credential("otherToken").isPresent();
      case READ_ONLY -> credential("readToken").isPresent();
      default -> credential("token").isPresent();
    };
  }

  @Override
  protected Map<String, String> schemeValues(Credentials.Kind kind, Session session) {
    String token = switch (kind) {
      case OTHER_TENANT -> required("otherToken");
      case READ_ONLY -> required("readToken");
      default -> required("token");
    };
    return Map.of(onlyScheme(session), token);
  }

  @Override
  public List<ConformanceCase> vendorCases(ApiModel model, Values values) {
    return rules.cases(model);
  }

  @Override
  public Outcome runRule(ConformanceCase c, Session session) {
    return rules.run(c, session);
  }

  private static String name(RuleContext r) {
    return "Conformance " + r.session().values().filler(12);
  }

  /**
   * A client body with a fresh name and nothing else. The generated model starts {@code type} at the spec's
   * default, which would send it and leave nothing to infer, so it is cleared here.
   */
  private static ClientCreate client(RuleContext r) {
    return new ClientCreate().name(name(r)).type(null);
  }

  /**
   * Creates a client and returns it as a fresh read shows it, typed, or null after recording the problem; the
   * create answer must agree with the read.
   */
  private static Client createAndRead(RuleContext r, ClientCreate body, String what) {
    Reply created = r.send("createClient", null, Map.of(), RuleContext.body(body));
    if (!r.expectSuccess("createClient", created, what)) {
      return null;
    }
    Reply read = r.send("getClient", created.json().path("id").asText(), Map.of(), null);
    if (!r.expectSuccess("getClient", read, what + ", read back")) {
      return null;
    }
    // An inferred field must show its inferred value in the create answer already, not only on a later read.
    r.agree("createClient", created, read);
    return r.bind(read.json(), Client.class, what);
  }

  private static void typeInferredCompany(RuleContext r) {
    Map<String, UnaryOperator<ClientCreate>> businessIds = Map.of(
        "subjectId", c -> c.subjectId("12345678"), "taxId", c -> c.taxId("2020123456"), "vatId", c -> c.vatId("SK2020123456"));
    businessIds.forEach((field, withId) -> {
      Client client = createAndRead(r, withId.apply(client(r)), "create with " + field + " and no type");
      if (client != null) {
        r.check(client.getType() == Client.TypeEnum.COMPANY,
            "with " + field + " and no type, type is " + client.getType() + " where company is due");
      }
    });
  }

  private static void typeDefaultsPerson(RuleContext r) {
    Client client = createAndRead(r, client(r), "create with a name only");
    if (client != null) {
      r.check(client.getType() == Client.TypeEnum.PERSON,
          "with a name only, type is " + client.getType() + " where person is due");
    }
  }

  private static void vatPayerInferred(RuleContext r) {
    Client client = createAndRead(r, client(r).vatId("SK2020123456"),
        "create with vatId and no isVatPayer");
    if (client != null) {
      r.check(Boolean.TRUE.equals(client.getIsVatPayer()),
          "with vatId, isVatPayer is " + client.getIsVatPayer() + " where true is due");
    }
    Client plain = createAndRead(r, client(r), "create without vatId");
    if (plain != null) {
      r.check(Boolean.FALSE.equals(plain.getIsVatPayer()),
          "without vatId, isVatPayer is " + plain.getIsVatPayer() + " where false is due");
    }
  }

  private static void deliveryInferred(RuleContext r) {
    Client client = createAndRead(r, client(r).deliveryCity("Kosice"), "create with deliveryCity");
    if (client != null) {
      r.check(Boolean.TRUE.equals(client.getHasDeliveryAddress()),
          "with deliveryCity, hasDeliveryAddress is " + client.getHasDeliveryAddress() + " where true is due");
    }
    Client plain = createAndRead(r, client(r), "create without delivery fields");
    if (plain != null) {
      r.check(Boolean.FALSE.equals(plain.getHasDeliveryAddress()),
          "without delivery fields, hasDeliveryAddress is " + plain.getHasDeliveryAddress() + " where false is due");
    }
  }

  /** The operation's idempotency key header, with what the spec says answers to a request carrying it show. */
  private static Parameter idempotencyKey(Operation op) {
    return op.parameters().stream().filter(p -> p.idempotency() != null).findFirst()
        .orElseThrow(() -> new IllegalStateException(op.operationId() + " declares no x-counterfeit-idempotency header"));
  }

  private static void idempotencyReplay(RuleContext r) {
    String key = "ct-" + r.session().values().filler(20);
    String name = name(r);
    ObjectNode body = RuleContext.body(new ClientCreate().name(name).type(null));
    Parameter keyHeader = idempotencyKey(r.op("createClient"));
    Reply first = r.send("createClient", null, Map.of(keyHeader.name(), key), body);
    Reply second = r.send("createClient", null, Map.of(keyHeader.name(), key), body);
    if (r.expectSuccess("createClient", first, "first create") & r.expectSuccess("createClient", second, "repeat")) {
      r.check(first.json().path("id").equals(second.json().path("id")),
          "the repeat created client " + second.json().path("id") + " beside " + first.json().path("id"));
      Parameter.Idempotency says = keyHeader.idempotency();
      String status = says.answerHeader();
      r.check(says.original().equals(first.header(status)),
          "the first answer's " + status + " is " + first.header(status) + " where " + says.original() + " is due");
      r.check(says.replayed().equals(second.header(status)),
          "the repeat's " + status + " is " + second.header(status) + " where " + says.replayed() + " is due");
      r.check(key.equals(second.header(keyHeader.name())),
          "the repeat's " + keyHeader.name() + " header is " + second.header(keyHeader.name()) + " where " + key + " is due");
    }
    Reply list = r.session().send(r.op("listClients"), null, Map.of("search", name), Map.of(),
        Credentials.VALID, null, null, false);
    if (r.expectSuccess("listClients", list, "listing by the name")) {
      int found = r.session().items(list.json()) == null ? 0 : r.session().items(list.json()).size();
      r.check(found == 1, "listing by the unique name finds " + found + " clients where 1 is due");
    }
  }

  private static void idempotencyConflict(RuleContext r) {
    String key = "ct-" + r.session().values().filler(20);
    String keyHeader = idempotencyKey(r.op("createClient")).name();
    Reply first = r.send("createClient", null, Map.of(keyHeader, key),
        RuleContext.body(client(r)));
    r.expectSuccess("createClient", first, "first create");
    Reply other = r.send("createClient", null, Map.of(keyHeader, key),
        RuleContext.body(client(r).name(name(r) + " other")));
    if (r.expectRefused("createClient", other, "same key, other body")) {
      r.check(other.json().path("error").isTextual(),
          "the refusal carries no 'error' message: " + other.brief());
    }
  }
}

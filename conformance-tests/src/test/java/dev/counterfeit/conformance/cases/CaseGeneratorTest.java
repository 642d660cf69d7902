package dev.counterfeit.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.conformance.testsupport.TinySpec;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.ApiModel;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

class CaseGeneratorTest {
  private final List<ConformanceCase> cases =
      new CaseGenerator(TinySpec.model(), Conventions.DEFAULTS, new Values("t3st")).generate();

  private ConformanceCase named(String displayName) {
    return cases.stream().filter(c -> c.displayName().equals(displayName)).findFirst()
        .orElseThrow(() -> new AssertionError("no case " + displayName + " among "
            + cases.stream().map(ConformanceCase::displayName).toList()));
  }

  @Test
  void maxLengthThreeFieldIsAcceptedAtThreeAndRejectedAtFour() {
    ConformanceCase at = named("POST /things -> 201 code at maxLength 3");
    ConformanceCase over = named("POST /things -> 422 code maxLength+1 (4 chars)");

    assertThat(at.polarity()).isEqualTo(Polarity.POSITIVE);
    assertThat(at.rule()).isEqualTo(Rule.MAX_LENGTH_AT);
    assertThat(at.request().body().get("code").asText()).hasSize(3);
    assertThat(at.check()).isEqualTo(Check.READ_BACK);
    assertThat(over.polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(over.request().body().get("code").asText()).hasSize(4);
  }

  @Test
  void integerBoundsYieldBothEdgesAndBothOutsides() {
    assertThat(named("POST /things -> 201 size at minimum 1").request().body().get("size").asInt()).isEqualTo(1);
    assertThat(named("POST /things -> 422 size minimum-1 (0)").request().body().get("size").asInt()).isZero();
    assertThat(named("POST /things -> 201 size at maximum 10").request().body().get("size").asInt()).isEqualTo(10);
    assertThat(named("POST /things -> 422 size maximum+1 (11)").request().body().get("size").asInt()).isEqualTo(11);
  }

  @Test
  void requiredEnumFormatTypeAndUnknownFieldAreRejectedWithTheDeclared422() {
    assertThat(named("POST /things -> 422 code missing (required)").request().body().has("code")).isFalse();
    assertThat(named("POST /things -> 422 colour not in enum").request().body().get("colour").asText())
        .isEqualTo("ct-not-in-enum");
    assertThat(named("POST /things -> 422 email not a valid email").request().body().get("email").asText())
        .isEqualTo("not-an-email");
    assertThat(named("POST /things -> 422 size wrong JSON type (string for integer)").request().body().get("size")
        .isTextual()).isTrue();
    assertThat(named("POST /things -> 422 unknown field ctUnknownField").request().body()
        .has(CaseGenerator.UNKNOWN_FIELD)).isTrue();
  }

  @Test
  void malformedJsonExpectsTheDeclared400() {
    ConformanceCase c = named("POST /things -> 400 malformed JSON");
    assertThat(c.request().rawBody()).startsWith("{\"");
    assertThat(c.request().body()).isNull();
  }

  @Test
  void validationFallsBackTo400WhenNo422IsDeclared() {
    String without422 = TinySpec.text()
        .replaceAll("(?m)^ +'422':\\n +\\$ref: '#/components/responses/Error'\\n", "");
    List<ConformanceCase> generated = new CaseGenerator(TinySpec.model(without422), Conventions.DEFAULTS,
        new Values("t3st")).generate();
    assertThat(generated).extracting(ConformanceCase::displayName)
        .contains("POST /things -> 400 code maxLength+1 (4 chars)");
  }

  @Test
  void partialUpdateSendsOneFieldToAFreshItemAndChecksTheRest() {
    ConformanceCase one = named("PATCH /things/{id} -> 200 only size sent, the rest unchanged");
    assertThat(one.check()).isEqualTo(Check.MERGE);
    assertThat(one.request().target()).isEqualTo(Target.FRESH);
    assertThat(one.request().body().size()).isEqualTo(1);
    assertThat(one.request().body().get("size").asInt()).isNotEqualTo(2);
    assertThat(one.request().contentType()).isEqualTo("application/merge-patch+json");
  }

  @Test
  void nullClearsANullableFieldAndIsRejectedOnAnotherOne() {
    ConformanceCase clears = named("PATCH /things/{id} -> 200 null clears email");
    ConformanceCase rejected = named("PATCH /things/{id} -> 422 null on non-nullable code");
    assertThat(clears.request().body().get("email").isNull()).isTrue();
    assertThat(clears.request().seed().get("email").isTextual()).isTrue();
    assertThat(rejected.polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(rejected.request().target()).isEqualTo(Target.SHARED);
  }

  @Test
  void patchWithAContentTypeItDoesNotDeclareExpects415() {
    ConformanceCase c = named("PATCH /things/{id} -> 415 content type application/json");
    assertThat(c.request().contentType()).isEqualTo("application/json");
  }

  @Test
  void credentialsAndUnknownIdsGetTheirStatuses() {
    assertThat(named("GET /things/{id} -> 401 no credentials").request().credentials()).isEqualTo(Credentials.NONE);
    assertThat(named("GET /things/{id} -> 401 invalid credentials").request().credentials().kind())
        .isEqualTo(Credentials.Kind.INVALID);
    ConformanceCase unknown = named("GET /things/{id} -> 404 unknown id");
    assertThat(unknown.request().target()).isEqualTo(Target.UNKNOWN);
    assertThat(unknown.request().unknownId()).isEqualTo("999999999");
  }

  @Test
  void queryParameterBoundsAreCheckedAsText() {
    ConformanceCase over = named("GET /things -> 422 query limit maximum+1 (51)");
    assertThat(over.request().query()).containsEntry("limit", "51");
    assertThat(named("GET /things -> 422 query limit wrong JSON type (string for integer)").request().query())
        .containsEntry("limit", "not-a-number");
  }

  @Test
  void deleteChecksTheItemIsGoneAfterwards() {
    ConformanceCase c = named("DELETE /things/{id} -> 204 delete, then the item is gone");
    assertThat(c.check()).isEqualTo(Check.GONE);
    assertThat(c.request().target()).isEqualTo(Target.FRESH);
  }

  @Test
  void namesAreUniqueAndSortedByOperationThenName() {
    Set<String> names = new HashSet<>();
    for (ConformanceCase c : cases) {
      assertThat(names.add(c.operationId() + " " + c.displayName())).as(c.displayName()).isTrue();
    }
    List<String> keys = cases.stream().map(c -> c.operationId() + "\n" + c.displayName()).toList();
    assertThat(keys).isSorted();
  }

  @Test
  void theSameSpecGivesTheSameNamesInEveryRun() {
    List<String> again = new CaseGenerator(TinySpec.model(), Conventions.DEFAULTS, new Values("0ther")).generate()
        .stream().map(ConformanceCase::displayName).toList();
    assertThat(again).isEqualTo(cases.stream().map(ConformanceCase::displayName).toList());
  }

  @Test
  void anExampleTheSchemaRejectsBecomesAFailingCaseNotAnException() {
    String broken = TinySpec.text().replace("code: abc", "code: abcdef");
    List<ConformanceCase> generated = new CaseGenerator(TinySpec.model(broken), Conventions.DEFAULTS,
        new Values("t3st")).generate();
    assertThat(generated).filteredOn(c -> c.rule() == Rule.GENERATION_FAILED)
        .extracting(ConformanceCase::operationId).contains("createThing");
  }

  @Test
  void referencesBecomeSlotsFilledAtRunTime() {
    ApiModel model = ApiModel.compile(ApiSpec.load("flowtly"));
    List<ConformanceCase> flowtly = new CaseGenerator(model, Conventions.DEFAULTS, new Values("t3st")).generate();
    ConformanceCase contact = flowtly.stream()
        .filter(c -> c.displayName().equals("POST /client-contacts -> 201 example body accepted and stored"))
        .findFirst().orElseThrow();
    assertThat(contact.request().slots()).containsExactly(Slot.reference("/client", "clients", true));
  }

  @Test
  void anItemNoOperationCreatesOrListsIsTakenFromTheListThatEmbedsIt() {
    ApiModel model = ApiModel.compile(ApiSpec.load("finsync"));
    assertThat(model.embeddingOf("accounts")).get().satisfies(host -> {
      assertThat(host.list().operationId()).isEqualTo("listClients");
      assertThat(host.field()).isEqualTo("accounts");
    });
    List<ConformanceCase> finsync = new CaseGenerator(model, Conventions.DEFAULTS, new Values("t3st")).generate();
    ConformanceCase manual = finsync.stream()
        .filter(c -> c.displayName().equals("POST /api/accounts/{id}/manual-balance -> 200 example body accepted"))
        .findFirst().orElseThrow();
    assertThat(manual.abortReason()).isNull();
    assertThat(manual.request().target()).isEqualTo(Target.FRESH);
    // Credentials are checked before the account is looked up: an unknown id serves where none may be at hand.
    ConformanceCase noCredentials = finsync.stream()
        .filter(c -> c.displayName().equals("POST /api/accounts/{id}/manual-balance -> 401 no credentials"))
        .findFirst().orElseThrow();
    assertThat(noCredentials.request().target()).isEqualTo(Target.UNKNOWN);
  }

  @Test
  void serverSetFieldsAreSentWrongAndExpectedRight() {
    ApiModel model = ApiModel.compile(ApiSpec.load("finsync"));
    ConformanceCase set = new CaseGenerator(model, Conventions.DEFAULTS, new Values("t3st")).generate().stream()
        .filter(c -> c.rule() == Rule.SERVER_SET_FIELD).findFirst().orElseThrow();
    assertThat(set.request().body().get("type").asInt()).isZero();
    assertThat(set.expectations()).containsKey("type");
    assertThat(set.expectations().get("type").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"apidev", "finsync", "fintoro", "flowtly"})
  void everyVendorSpecGeneratesWithoutFailures(String vendor) {
    List<ConformanceCase> generated = new CaseGenerator(ApiModel.compile(ApiSpec.load(vendor)), Conventions.DEFAULTS,
        new Values("t3st")).generate();
    assertThat(generated).filteredOn(c -> c.rule() == Rule.GENERATION_FAILED).isEmpty();
    assertThat(generated).hasSizeGreaterThan(30);
  }

  @Test
  void replaceExpectsOmittedFieldsBackAtTheirDefaults() {
    ApiModel model = ApiModel.compile(ApiSpec.load("fintoro"));
    ConformanceCase replace = new CaseGenerator(model, Conventions.DEFAULTS, new Values("t3st")).generate().stream()
        .filter(c -> c.rule() == Rule.REPLACE_RESETS_OMITTED).findFirst().orElseThrow();
    Map<String, JsonNode> defaults = replace.expectations();
    assertThat(replace.request().body().fieldNames()).toIterable().containsExactly("name");
    assertThat(defaults.get("type").asText()).isEqualTo("person");
    assertThat(defaults.get("isVatPayer").asBoolean(true)).isFalse();
    assertThat(defaults.get("city").isNull()).isTrue();
    assertThat(defaults).doesNotContainKey("stripeCustomerId");
    assertThat(Optional.ofNullable(defaults.get("countryId")).map(JsonNode::isNull)).contains(true);
  }
  private static final Conventions RATE_LIMITS_ON = new Conventions() {
    @Override
    public boolean rateLimitCases() {
      return true;
    }
  };

  /** The tiny spec with a root rate limit, a 429 on list and create, and no limit at all on delete. */
  private static ApiModel rateLimited() {
    String yaml = TinySpec.text()
        .replace("security:\n  - bearer: []\npaths:", "security:\n  - bearer: []\n"
            + "x-counterfeit-rate-limit: {requests: 4, seconds: 2, per: tenant}\npaths:")
        .replace("        '401':\n          $ref: '#/components/responses/Error'\n",
            "        '401':\n          $ref: '#/components/responses/Error'\n"
                + "        '429':\n          $ref: '#/components/responses/Error'\n")
        .replace("      operationId: deleteThing\n", "      operationId: deleteThing\n      x-counterfeit-rate-limit: false\n");
    return TinySpec.model(yaml);
  }

  @Test
  void rateLimitCasesComeFromTheSpecAndProbeWithRequestsThatChangeNothing() {
    List<ConformanceCase> generated = new CaseGenerator(rateLimited(), RATE_LIMITS_ON, new Values("t3st")).generate();
    List<ConformanceCase> limits = generated.stream().filter(c -> c.rule() == Rule.RATE_LIMITED).toList();
    assertThat(limits).extracting(ConformanceCase::displayName).containsExactlyInAnyOrder(
        "GET /things -> 429 rate limit 4 per 2 s per tenant, then 429 until the window ends",
        "GET /things/{id} -> 429 rate limit 4 per 2 s per tenant, then 429 until the window ends",
        "PATCH /things/{id} -> 429 rate limit 4 per 2 s per tenant, then 429 until the window ends",
        "POST /things -> 429 rate limit 4 per 2 s per tenant, then 429 until the window ends");
    assertThat(limits).allMatch(c -> c.check() == Check.RATE_LIMIT && c.abortReason() == null);
    ConformanceCase create = limits.stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
    assertThat(create.request().body()).as("a body the schema refuses creates nothing").isEmpty();
    ConformanceCase patch = limits.stream().filter(c -> c.method().equals("PATCH")).findFirst().orElseThrow();
    assertThat(patch.request().target()).as("a write to an unknown id changes nothing").isEqualTo(Target.UNKNOWN);
  }

  @Test
  void rateLimitCasesAreOptInAndSaySo() {
    List<ConformanceCase> generated = new CaseGenerator(rateLimited(), Conventions.DEFAULTS, new Values("t3st"))
        .generate();
    assertThat(generated).filteredOn(c -> c.rule() == Rule.RATE_LIMITED).isNotEmpty()
        .allMatch(c -> c.abortReason().startsWith("opt-in") && c.abortReason().contains("--rate-limit"));
  }

  @Test
  void anEmailMaxLengthNoValidAddressReachesIsAbortedAsImpossibleAndTheLongestValidOneIsTried() {
    String yaml = TinySpec.text().replaceFirst("          format: email\n",
        "          format: email\n          maxLength: 255\n");
    List<ConformanceCase> generated = new CaseGenerator(TinySpec.model(yaml), Conventions.DEFAULTS,
        new Values("t3st")).generate();
    ConformanceCase at = generated.stream()
        .filter(c -> c.displayName().equals("POST /things -> 201 email at maxLength 255")).findFirst().orElseThrow();
    assertThat(at.abortReason()).startsWith("impossible by the documented format").contains("254");
    ConformanceCase longest = generated.stream()
        .filter(c -> c.displayName().equals("POST /things -> 201 email at 254 chars, the longest valid e-mail"))
        .findFirst().orElseThrow();
    assertThat(longest.abortReason()).isNull();
    assertThat(longest.request().body().get("email").asText()).hasSize(254).contains("@");
  }

  @Test
  void anIriArrayWithoutARefNamesTheCollectionWhoseReadPathMatchesItsPattern() {
    ApiModel model = TinySpec.model();
    JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("type", "array")
        .set("items", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
            .put("type", "string").put("format", "iri-reference").put("pattern", "^/things/[0-9]+$"));
    assertThat(model.collectionOfIri(schema)).contains("things");
  }

  private static List<String> namesOf(List<ConformanceCase> cases, String operationId) {
    return cases.stream().filter(c -> c.operationId().equals(operationId)).map(ConformanceCase::displayName).toList();
  }

  @Test
  void aBodyMadeOfAllOfPartsGetsTheCasesOfTheSameBodyWrittenAsOne() {
    String split = TinySpec.text()
        .replace("      additionalProperties: false\n      required: [code]\n      properties:\n        code:\n"
            + "          type: string\n          maxLength: 3\n",
            "      unevaluatedProperties: false\n      allOf:\n        - $ref: '#/components/schemas/ThingCode'\n"
            + "      properties:\n")
        .replace("  schemas:\n", "  schemas:\n    ThingCode:\n      type: object\n      required: [code]\n"
            + "      properties:\n        code:\n          type: string\n          maxLength: 3\n");
    assertThat(split).contains("allOf:\n        - $ref: '#/components/schemas/ThingCode'\n      properties:\n        size:");
    List<ConformanceCase> generated = new CaseGenerator(TinySpec.model(split), Conventions.DEFAULTS,
        new Values("t3st")).generate();
    assertThat(generated).filteredOn(c -> c.rule() == Rule.GENERATION_FAILED).isEmpty();
    assertThat(namesOf(generated, "createThing")).containsExactlyInAnyOrderElementsOf(namesOf(cases, "createThing"))
        .contains("POST /things -> 422 code missing (required)", "POST /things -> 422 unknown field ctUnknownField");
  }

  @Test
  void anOperationThatDeclaresNo2xxGetsAFailingCaseInsteadOfAnAssumed200() {
    List<ConformanceCase> generated = new CaseGenerator(TinySpec.model(TinySpec.text().replace("'204':", "'409':")),
        Conventions.DEFAULTS, new Values("t3st")).generate();
    assertThat(generated).filteredOn(c -> c.operationId().equals("deleteThing"))
        .noneMatch(c -> c.expectedStatus() == 200)
        .anySatisfy(c -> {
          assertThat(c.rule()).isEqualTo(Rule.GENERATION_FAILED);
          assertThat(c.label()).contains("no 2xx response");
        });
  }

  private static final String TWO_WAYS = TinySpec.text()
      .replace("security:\n  - bearer: []\n", "security:\n  - apiKey: []\n  - bearer: []\n")
      .replace("  securitySchemes:\n", "  securitySchemes:\n    apiKey:\n      type: apiKey\n      in: header\n"
          + "      name: X-API-Key\n");

  @Test
  void theKitAuthenticatesWithTheFirstSecurityAlternativeItHoldsEveryCredentialOf() {
    Conventions bearerOnly = new Conventions() {
      @Override
      public boolean holds(dev.counterfeit.openapi.model.SecurityScheme scheme) {
        return scheme.bearer();
      }
    };
    ApiModel model = TinySpec.model(TWO_WAYS);
    assertThat(Conventions.DEFAULTS.requirement(model.operation("listThings")))
        .extracting(dev.counterfeit.openapi.model.SecurityScheme::name).containsExactly("apiKey");
    assertThat(bearerOnly.requirement(model.operation("listThings")))
        .extracting(dev.counterfeit.openapi.model.SecurityScheme::name).containsExactly("bearer");
    List<ConformanceCase> generated = new CaseGenerator(model, bearerOnly, new Values("t3st")).generate();
    assertThat(generated).filteredOn(c -> c.rule() == Rule.INVALID_CREDENTIAL && c.operationId().equals("listThings"))
        .extracting(ConformanceCase::subject).containsExactly("bearer");
  }

  @Test
  void everySchemeOfAnAndRequirementIsLeftOutOnceUnlessAnotherAlternativeStillLetsTheRequestIn() {
    String both = TWO_WAYS.replace("  - apiKey: []\n  - bearer: []\n", "  - apiKey: []\n    bearer: []\n");
    List<ConformanceCase> and = new CaseGenerator(TinySpec.model(both), Conventions.DEFAULTS, new Values("t3st"))
        .generate();
    assertThat(and).filteredOn(c -> c.rule() == Rule.MISSING_CREDENTIAL && c.operationId().equals("listThings"))
        .extracting(ConformanceCase::label)
        .containsExactlyInAnyOrder("without X-API-Key header", "without Authorization header");
    // With bearer alone enough too, leaving out the API key of apiKey + bearer still gets in: no such case.
    String either = both.replace("    bearer: []\n", "    bearer: []\n  - bearer: []\n");
    List<ConformanceCase> or = new CaseGenerator(TinySpec.model(either), Conventions.DEFAULTS, new Values("t3st"))
        .generate();
    assertThat(or).filteredOn(c -> c.rule() == Rule.MISSING_CREDENTIAL && c.operationId().equals("listThings"))
        .extracting(ConformanceCase::label).containsExactly("without Authorization header");
  }
}

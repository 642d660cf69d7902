package dev.counterfeit.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import dev.counterfeit.openapi.model.Action;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.ObjectSchema;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Parameter;
import dev.counterfeit.openapi.model.Property;
import dev.counterfeit.openapi.model.RateLimit;
import dev.counterfeit.openapi.model.SchemaNodes;
import dev.counterfeit.openapi.model.SecurityScheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives every case of one spec: validation limits of bodies and parameters, partial-update and replacement
 * semantics, credentials, unknown ids, malformed bodies, content types, and one valid request per operation.
 * Pure: it reads the spec and builds values, it never talks to a server.
 *
 * <p>A spec that cannot be read into cases for one operation yields a {@link Rule#GENERATION_FAILED} case for
 * it instead of an exception, so the failure shows up as a failing test beside the others.
 */
public final class CaseGenerator {
  /** A field name no spec uses, for the unknown-field rules. */
  public static final String UNKNOWN_FIELD = "ctUnknownField";

  private static final Pattern DIGITS = Pattern.compile("^\\^?\\[0-9]\\{(\\d+)}\\$?$");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<Rule> AHEAD_OF_BODY = Set.of(Rule.UNKNOWN_ID, Rule.NO_CREDENTIALS, Rule.MISSING_CREDENTIAL,
      Rule.INVALID_CREDENTIAL, Rule.READ_ONLY_CREDENTIAL);

  private final ApiModel model;
  private final Conventions conventions;
  private final Values values;
  private final Bodies bodies;

  public CaseGenerator(ApiModel model, Conventions conventions, Values values) {
    this.model = model;
    this.conventions = conventions;
    this.values = values;
    this.bodies = new Bodies(model, values, conventions);
  }

  public Bodies bodies() {
    return bodies;
  }

  /** Every case of the spec, sorted by operationId and then test name; names are unique. */
  public List<ConformanceCase> generate() {
    List<ConformanceCase> all = new ArrayList<>();
    for (Operation op : model.operationsById()) {
      try {
        all.addAll(new OperationCases(op).build());
      } catch (RuntimeException e) {
        all.add(failure(op.operationId(), op.method(), op.path(), e));
      }
    }
    try {
      all.addAll(conventions.vendorCases(model, values));
    } catch (RuntimeException e) {
      all.add(failure("vendor-rules", "-", "-", e));
    }
    return uniqueSorted(all);
  }

  private ConformanceCase failure(String operationId, String method, String path, RuntimeException e) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    return new ConformanceCase(model.vendor(), operationId, method, path, Rule.GENERATION_FAILED, null,
        "cases could be generated", 0, CaseRequest.empty(Target.NONE), Polarity.POSITIVE, Check.STATUS, Map.of(),
        null).withLabel("cases could be generated (" + message.replace('\n', ' ') + ")");
  }

  private static List<ConformanceCase> uniqueSorted(List<ConformanceCase> cases) {
    List<ConformanceCase> sorted = new ArrayList<>(cases);
    sorted.sort(Comparator.comparing(ConformanceCase::operationId).thenComparing(ConformanceCase::displayName));
    Map<String, Integer> seen = new HashMap<>();
    List<ConformanceCase> result = new ArrayList<>();
    for (ConformanceCase c : sorted) {
      String key = c.operationId() + "\n" + c.displayName();
      int n = seen.merge(key, 1, Integer::sum);
      result.add(n == 1 ? c : c.withLabel(c.label() + " #" + n));
    }
    return result;
  }

  /** The id a path parameter's schema accepts but no item has. */
  public String unknownId(JsonNode schema) {
    JsonNode s = model.spec().deref(schema);
    String type = SchemaNodes.declaredType(model.spec(), s).orElse("string");
    if ("integer".equals(type) || "number".equals(type)) {
      BigDecimal max = s.has("maximum") ? s.get("maximum").decimalValue() : BigDecimal.valueOf(999_999_999L);
      return max.min(BigDecimal.valueOf(999_999_999L)).toBigInteger().toString();
    }
    if ("uuid".equals(s.path("format").asText())) {
      return "00000000-0000-4000-8000-000000000000";
    }
    Matcher digits = DIGITS.matcher(s.path("pattern").asText(""));
    if (digits.matches()) {
      return "9".repeat(Integer.parseInt(digits.group(1)));
    }
    return "ct-missing-" + values.nonce();
  }

  /** The value of a reference to an item that does not exist. */
  JsonNode unknownReference(String collection, boolean iri, JsonNode fieldSchema) {
    Optional<Operation> read = model.find(collection, Action.READ);
    String id = read.flatMap(Operation::itemParam).map(p -> unknownId(p.schemaNode()))
        .orElseGet(() -> unknownId(fieldSchema.has("items") ? fieldSchema.get("items") : fieldSchema));
    JsonNode single;
    if (iri) {
      String path = read.map(Operation::path).orElse("/" + collection + "/{id}");
      single = TextNode.valueOf(path.replaceAll("\\{[^}]+}$", id));
    } else if (SchemaNodes.declaredType(model.spec(), fieldSchema).filter(t -> t.equals("integer")).isPresent()) {
      single = Values.number(new BigDecimal(id), true);
    } else {
      single = TextNode.valueOf(id);
    }
    if (SchemaNodes.declaredType(model.spec(), fieldSchema).filter("array"::equals).isPresent()) {
      return JSON.arrayNode().add(single);
    }
    return single;
  }

  /** The cases of one operation. */
  private final class OperationCases {
    private final Operation op;
    private final List<ConformanceCase> cases = new ArrayList<>();
    private final BodyTemplate base;
    private final String itemProblem;
    /** Items of the path's collection exist only inside another's list (accounts embedded in a client, say): none may be at hand. */
    private final boolean foundOnly;

    OperationCases(Operation op) {
      this.op = op;
      this.base = op.body() == null ? null : bodies.base(op);
      this.itemProblem = op.itemParam().isPresent() ? obtainProblem(op.itemResource()) : null;
      String item = op.itemResource();
      this.foundOnly = itemProblem == null && op.itemParam().isPresent() && model.find(item, Action.CREATE).isEmpty()
          && model.find(item, Action.LIST).isEmpty();
      if (base != null) {
        List<Error> errors = bodies.errors(op, base.body());
        if (!errors.isEmpty()) {
          throw new IllegalStateException("the base body " + base.body() + " does not validate: " + errors);
        }
      }
    }

    List<ConformanceCase> build() {
      happyPath();
      credentials();
      unknownIdCase();
      otherTenant();
      if (op.body() != null) {
        bodyShape();
        bodyFields();
        if (op.action() == Action.MERGE) {
          mergeSemantics();
        }
        if (op.action() == Action.REPLACE) {
          replaceSemantics();
        }
      }
      parameters();
      rateLimit();
      return cases;
    }

    // ---- the documented rate limit -------------------------------------------------------------------------

    private void rateLimit() {
      RateLimit limit = op.rateLimit();
      if (limit == null || !op.declares(429)) {
        return;
      }
      String label = "rate limit " + limit.requests() + " per " + limit.window().toSeconds() + " s per " + limit.per().name().toLowerCase(Locale.ROOT)
          + ", then 429 until the window ends";
      if (!conventions.rateLimitCases()) {
        addAborted(Rule.RATE_LIMITED, null, label, 429, Polarity.NEGATIVE, "opt-in: it sends up to "
            + (2 * limit.requests() + 2) + " spaced requests and waits out the " + limit.window().toSeconds()
            + " s window; run with --rate-limit (counterfeit.rateLimit=true)");
        return;
      }
      add(Rule.RATE_LIMITED, null, label, 429, rateLimitProbe(), Polarity.NEGATIVE, Check.RATE_LIMIT, Map.of());
    }

    /**
     * A request that counts against the limit and changes nothing: a read as is, a write to an unknown id, a login
     * with the configured account, else a body the schema refuses.
     */
    private CaseRequest rateLimitProbe() {
      if (!op.isWrite()) {
        return positive(base);
      }
      if (op.itemParam().isPresent()) {
        return request(Target.UNKNOWN, base);
      }
      if (base == null || !conventions.credentialFields(op).isEmpty()) {
        return positive(base);
      }
      BodyTemplate empty = new BodyTemplate(JSON.objectNode(), List.of());
      return bodies.errors(op, empty.body()).isEmpty()
          ? negative(null).withRawBody(op.body().mediaType(), "{")
          : negative(empty);
    }

    // ---- building blocks ---------------------------------------------------------------------------------

    private Target positiveTarget() {
      if (op.itemParam().isEmpty()) {
        return Target.NONE;
      }
      return op.isWrite() && op.action() != Action.LIST ? Target.FRESH : Target.SHARED;
    }

    private Target negativeTarget() {
      if (op.itemParam().isEmpty()) {
        return Target.NONE;
      }
      return itemProblem == null ? Target.SHARED : Target.UNKNOWN;
    }

    private CaseRequest request(Target target, BodyTemplate body) {
      CaseRequest r = CaseRequest.empty(target);
      if (target == Target.UNKNOWN) {
        r = r.withTarget(target, unknownId(op.itemParam().orElseThrow().schemaNode()));
      }
      Map<String, String> query = new LinkedHashMap<>();
      Map<String, String> headers = new LinkedHashMap<>();
      for (Parameter p : op.parameters()) {
        if (p.required() && !isCredentialHeader(p) && (p.in() == Parameter.In.QUERY || p.in() == Parameter.In.HEADER)) {
          String value = text(values.sample(model, p.schemaNode()));
          (p.in() == Parameter.In.QUERY ? query : headers).put(p.name(), value);
        }
      }
      r = r.withQuery(query).withHeaders(headers);
      if (body != null) {
        r = r.withBody(op.body().mediaType(), body.body(), body.slots());
      }
      return r;
    }

    private CaseRequest positive(BodyTemplate body) {
      CaseRequest r = request(positiveTarget(), body);
      // Custom actions may consume what they reference (a merge removes its source): give them their own items.
      if (op.action() == Action.CUSTOM && body != null) {
        r = r.withBody(r.contentType(), r.body(), body.slots().stream().map(s -> s.kind() == Slot.Kind.REFERENCE
            ? s.asFresh() : s).toList());
      }
      return r;
    }

    private CaseRequest negative(BodyTemplate body) {
      return request(negativeTarget(), body);
    }

    /** For rules answered before the item is looked up: an unknown id serves when items cannot be made. */
    private CaseRequest negativeAhead(BodyTemplate body) {
      return foundOnly ? request(Target.UNKNOWN, body) : negative(body);
    }

    private void add(Rule rule, String subject, String label, int status, CaseRequest request, Polarity polarity,
        Check check, Map<String, JsonNode> expectations) {
      String abort = null;
      if (itemProblem != null && (request.target() == Target.SHARED || request.target() == Target.FRESH
          || request.target() == Target.OTHER_TENANT)) {
        abort = itemProblem;
      }
      // Credentials and existence are checked before the body, so those answers stay certain without an item;
      // a body rule against a missing item may rightly answer 404 first.
      if (itemProblem != null && request.target() == Target.UNKNOWN && !AHEAD_OF_BODY.contains(rule)) {
        abort = itemProblem + "; against a missing item a 404 may rightly come before the body is checked";
      }
      cases.add(new ConformanceCase(model.vendor(), op.operationId(), op.method(), op.path(), rule, subject, label,
          status, request, polarity, check, expectations, abort));
    }

    private void addAborted(Rule rule, String subject, String label, int status, Polarity polarity, String reason) {
      cases.add(new ConformanceCase(model.vendor(), op.operationId(), op.method(), op.path(), rule, subject, label,
          status, request(Target.NONE, null), polarity, Check.STATUS, Map.of(), reason));
    }

    /** Why no item of a collection can be had, or null when one can be created or listed. */
    private String obtainProblem(String resource) {
      if (resource == null) {
        return "the operation names no x-counterfeit-resource for its path parameter";
      }
      if (model.find(resource, Action.CREATE).isPresent() || model.find(resource, Action.LIST).isPresent()
          || model.embeddingOf(resource).isPresent()) {
        return null;
      }
      return "no operation creates or lists '" + resource + "', and no list embeds its items, so no existing item"
          + " can be named";
    }

    private Check writeCheck() {
      boolean readable = model.find(op.resource(), Action.READ).isPresent();
      return switch (op.action()) {
        case CREATE, REPLACE -> readable ? Check.READ_BACK : Check.STATUS;
        case MERGE -> readable ? Check.MERGE : Check.STATUS;
        default -> Check.STATUS;
      };
    }

    private Map<String, JsonNode> setFields() {
      Map<String, JsonNode> result = new LinkedHashMap<>();
      op.set().fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue()));
      return result;
    }

    // ---- one valid request -------------------------------------------------------------------------------

    private void happyPath() {
      int ok = op.successStatus();
      Action action = op.action();
      switch (action) {
        case LIST -> add(Rule.EXAMPLE_ACCEPTED, null, "list answers a page", ok, positive(null), Polarity.POSITIVE,
            Check.STATUS, Map.of());
        case READ -> add(Rule.EXAMPLE_ACCEPTED, null, "read answers the item", ok, positive(null), Polarity.POSITIVE,
            Check.STATUS, Map.of());
        case DELETE -> add(model.find(op.resource(), Action.READ).isPresent() ? Rule.DELETE_THEN_GONE
                : Rule.EXAMPLE_ACCEPTED, null, "delete, then the item is gone", ok, positive(null), Polarity.POSITIVE,
            model.find(op.resource(), Action.READ).isPresent() ? Check.GONE : Check.STATUS, Map.of());
        case CREATE, REPLACE, MERGE -> {
          add(Rule.EXAMPLE_ACCEPTED, null, "example body accepted and stored", ok, positive(base), Polarity.POSITIVE,
              writeCheck(), setFields());
          // With only the required fields the server fills in defaults and inferences: the answer must show them too.
          BodyTemplate minimal = bodies.minimal(op);
          if (action == Action.CREATE && writeCheck() == Check.READ_BACK && !minimal.body().equals(base.body())) {
            add(Rule.ANSWER_MATCHES_RECORD, null, "required fields only, the answer agrees with a fresh read", ok,
                positive(minimal), Polarity.POSITIVE, Check.READ_BACK, setFields());
          }
        }
        default -> add(Rule.EXAMPLE_ACCEPTED, null, base == null ? "valid request accepted" : "example body accepted",
            ok, positive(base), Polarity.POSITIVE, Check.STATUS, Map.of());
      }
    }

    // ---- credentials, ids, tenants -----------------------------------------------------------------------

    private void credentials() {
      if (op.security().isEmpty()) {
        return;
      }
      int missing = conventions.missingCredentialsStatus(op);
      add(Rule.NO_CREDENTIALS, null, "no credentials", missing, negativeAhead(base).withCredentials(Credentials.NONE),
          Polarity.NEGATIVE, Check.STATUS, Map.of());
      List<SecurityScheme> requirement = conventions.requirement(op);
      boolean several = requirement.size() > 1;
      for (SecurityScheme s : requirement) {
        String scheme = s.name();
        String header = s.header();
        if (metWithout(requirement, s)) {
          continue; // another alternative lets the request in without this credential
        }
        if (several) {
          add(Rule.MISSING_CREDENTIAL, scheme, "without " + header + " header", missing,
              negativeAhead(base).withCredentials(Credentials.without(scheme)), Polarity.NEGATIVE, Check.STATUS, Map.of());
        }
        if (conventions.canBeInvalid(scheme)) {
          add(Rule.INVALID_CREDENTIAL, scheme, several ? "invalid " + header : "invalid credentials", 401,
              negativeAhead(base).withCredentials(Credentials.invalid(scheme)), Polarity.NEGATIVE, Check.STATUS, Map.of());
        }
      }
      if (op.isWrite() && op.declares(403)) {
        add(Rule.READ_ONLY_CREDENTIAL, null, "credentials without write permission", 403,
            negativeAhead(base).withCredentials(Credentials.READ_ONLY), Polarity.NEGATIVE, Check.STATUS, Map.of());
      }
    }

    /** Whether the credentials of {@code requirement} other than {@code left} still meet another alternative. */
    private boolean metWithout(List<SecurityScheme> requirement, SecurityScheme left) {
      List<SecurityScheme> rest = requirement.stream().filter(s -> !s.equals(left)).toList();
      return op.security().stream().anyMatch(alternative -> rest.containsAll(alternative));
    }

    private void unknownIdCase() {
      Optional<Parameter> item = op.itemParam();
      if (item.isEmpty() || !op.declares(404)) {
        return;
      }
      add(Rule.UNKNOWN_ID, item.get().name(), "unknown " + item.get().name(), 404,
          request(Target.UNKNOWN, base), Polarity.NEGATIVE, Check.STATUS, Map.of());
    }

    private void otherTenant() {
      if (op.itemParam().isEmpty() || !op.declares(404) || op.parent() != null
          || !op.action().addressesItem()) {
        return;
      }
      add(Rule.OTHER_TENANT, null, "item of another tenant", 404,
          request(Target.OTHER_TENANT, base), Polarity.NEGATIVE, Check.STATUS, Map.of());
    }

    // ---- body as a whole ---------------------------------------------------------------------------------

    private void bodyShape() {
      String firstField = base.body().fieldNames().hasNext() ? base.body().fieldNames().next() : "name";
      add(Rule.MALFORMED_JSON, null, "malformed JSON", conventions.malformedStatus(op),
          negative(null).withRawBody(op.body().mediaType(), "{\"" + firstField + "\": "), Polarity.NEGATIVE,
          Check.STATUS, Map.of());
      if (op.declares(415)) {
        String wrong = op.body().mediaTypes().contains("application/json") ? "text/plain" : "application/json";
        add(Rule.WRONG_CONTENT_TYPE, null, "content type " + wrong, 415,
            negative(base).withContentType(wrong), Polarity.NEGATIVE, Check.STATUS, Map.of());
      }
      boolean writes = Set.of(Action.CREATE, Action.REPLACE, Action.MERGE).contains(op.action());
      BodyTemplate extra = base.with(UNKNOWN_FIELD, TextNode.valueOf(values.filler(10)), List.of());
      if (SchemaNodes.closed(model.spec(), op.body().schemaNode())) {
        add(Rule.UNKNOWN_FIELD_REJECTED, UNKNOWN_FIELD, "unknown field " + UNKNOWN_FIELD, conventions.validationStatus(op),
            negative(extra), Polarity.NEGATIVE, Check.STATUS, Map.of());
      } else if (writes) {
        add(Rule.UNKNOWN_FIELD_IGNORED, UNKNOWN_FIELD, "unknown field " + UNKNOWN_FIELD + " ignored",
            op.successStatus(), positive(extra), Polarity.POSITIVE, Check.NOT_RETURNED, Map.of());
      }
      if (op.action() == Action.CREATE) {
        op.set().fields().forEachRemaining(e -> {
          JsonNode other = otherThan(e.getValue());
          add(Rule.SERVER_SET_FIELD, e.getKey(), e.getKey() + " " + other + " sent, server sets " + e.getValue(),
              op.successStatus(), positive(base.with(e.getKey(), other, List.of())), Polarity.POSITIVE,
              writeCheck(), Map.of(e.getKey(), e.getValue()));
        });
      }
    }

    private JsonNode otherThan(JsonNode value) {
      if (value.isIntegralNumber()) {
        return Values.number(BigDecimal.valueOf(value.asLong() == 0 ? 1 : 0), true);
      }
      if (value.isBoolean()) {
        return BooleanNode.valueOf(!value.asBoolean());
      }
      return TextNode.valueOf("other-" + value.asText());
    }

    // ---- body fields -------------------------------------------------------------------------------------

    private void bodyFields() {
      boolean merge = op.action() == Action.MERGE;
      BodyTemplate start = merge ? new BodyTemplate(JSON.objectNode(), List.of()) : base;
      ObjectSchema body = model.object(op.body().schemaNode());
      for (Property property : body.properties()) {
        String name = property.name();
        JsonNode schema = property.schema();
        if (schema.path("readOnly").asBoolean(false)) {
          continue;
        }
        if (body.required().contains(name) && !merge) {
          bodyCase(Rule.REQUIRED_MISSING, name, name + " missing (required)", conventions.validationStatus(op),
              start.without(name), Polarity.NEGATIVE);
        }
        for (Variant v : variants(name, schema, false)) {
          if (v.abortReason() != null) {
            addAborted(v.rule(), name, name + " " + v.label(), v.polarity() == Polarity.POSITIVE
                ? op.successStatus() : v.status(), v.polarity(), v.abortReason());
            continue;
          }
          bodyCase(v.rule(), name, name + " " + v.label(), v.polarity() == Polarity.POSITIVE ? op.successStatus()
              : v.status(), start.with(name, v.value(), List.of()), v.polarity());
        }
        String collection = property.ref();
        if (collection != null) {
          JsonNode missing = unknownReference(collection, bodies.isIri(schema), schema);
          add(Rule.UNKNOWN_REFERENCE, name, name + " references a missing item", conventions.validationStatus(op),
              negative(start.with(name, missing, List.of())), Polarity.NEGATIVE, Check.STATUS, Map.of());
        }
      }
    }

    private void bodyCase(Rule rule, String field, String label, int status, BodyTemplate body, Polarity polarity) {
      List<Error> errors = bodies.errors(op, body.body());
      if (polarity == Polarity.POSITIVE && !errors.isEmpty()) {
        addAborted(rule, field, label, status, polarity,
            "the kit could not build a valid body for this value: " + errors.get(0).getMessage());
        return;
      }
      if (polarity == Polarity.NEGATIVE && errors.isEmpty()) {
        throw new IllegalStateException("the spec accepts the body meant to break '" + label + "': " + body.body());
      }
      CaseRequest request = polarity == Polarity.POSITIVE ? positive(body) : negative(body);
      Check check = polarity == Polarity.POSITIVE ? writeCheck() : Check.STATUS;
      add(rule, field, label, status, request, polarity, check, Map.of());
    }

    /** The values that probe one field's or parameter's schema: limits, enum, format, pattern and type. */
    private List<Variant> variants(String name, JsonNode schema, boolean parameter) {
      List<Variant> result = new ArrayList<>();
      Optional<String> type = SchemaNodes.declaredType(model.spec(), schema);
      List<String> types = SchemaNodes.types(model.spec(), schema);
      int validation = conventions.validationStatus(op);
      // Query and header values are text on the wire: only a non-string schema has a wrong type to send.
      boolean text = parameter && "string".equals(type.orElse("string"));
      if (type.isPresent() && !text) {
        JsonNode wrong = Values.wrongType(type.get());
        if (!types.contains(Values.jsonType(wrong)) && !(types.contains("number") && wrong.isNumber())) {
          result.add(new Variant(Rule.WRONG_TYPE, "wrong JSON type (" + Values.jsonType(wrong) + " for " + type.get()
              + ")", wrong, Polarity.NEGATIVE, conventions.wrongTypeStatus(op), null));
        }
      }
      if (schema.has("enum")) {
        JsonNode outside = "string".equals(type.orElse("string")) ? TextNode.valueOf("ct-not-in-enum")
            : Values.number(BigDecimal.valueOf(987_654), true);
        result.add(new Variant(Rule.ENUM_UNKNOWN, "not in enum", outside, Polarity.NEGATIVE, validation, null));
        return result;
      }
      if ("string".equals(type.orElse(""))) {
        if (schema.has("maxLength")) {
          int max = schema.get("maxLength").asInt();
          Optional<String> at = ofLength(name, schema, max);
          boolean email = "email".equals(schema.path("format").asText()) && !schema.has("pattern");
          if (at.isEmpty() && email && max > Values.LONGEST_EMAIL) {
            // The documents make this limit unreachable: say so, and try the longest value that can exist.
            result.add(new Variant(Rule.MAX_LENGTH_AT, "at maxLength " + max, null, Polarity.POSITIVE, 0,
                "impossible by the documented format: a valid e-mail address has at most " + Values.LONGEST_EMAIL
                    + " characters (RFC 5321 forward path), so no valid value reaches maxLength " + max
                    + "; the case '" + "at " + Values.LONGEST_EMAIL + " chars, the longest valid e-mail' runs instead"));
            String longest = values.stringOfLength(schema, Values.LONGEST_EMAIL).orElseThrow();
            result.add(new Variant(Rule.MAX_LENGTH_AT, "at " + Values.LONGEST_EMAIL + " chars, the longest valid e-mail",
                TextNode.valueOf(longest), Polarity.POSITIVE, 0, null));
          } else {
            result.add(at.map(s -> new Variant(Rule.MAX_LENGTH_AT, "at maxLength " + max, TextNode.valueOf(s),
                    Polarity.POSITIVE, 0, null))
                .orElseGet(() -> new Variant(Rule.MAX_LENGTH_AT, "at maxLength " + max, null, Polarity.POSITIVE, 0,
                    "no string of " + max + " characters satisfies the field's pattern or format, and no example has"
                        + " that length")));
          }
          String over = values.stringOfLength(schema, max + 1).orElse(values.filler(max + 1));
          result.add(new Variant(Rule.MAX_LENGTH_OVER, "maxLength+1 (" + (max + 1) + " chars)", TextNode.valueOf(over),
              Polarity.NEGATIVE, validation, null));
        }
        if (schema.path("minLength").asInt(0) >= 1) {
          int min = schema.get("minLength").asInt();
          if (!schema.has("maxLength") || schema.get("maxLength").asInt() != min) {
            Optional<String> at = ofLength(name, schema, min);
            result.add(at.map(s -> new Variant(Rule.MIN_LENGTH_AT, "at minLength " + min, TextNode.valueOf(s),
                    Polarity.POSITIVE, 0, null))
                .orElseGet(() -> new Variant(Rule.MIN_LENGTH_AT, "at minLength " + min, null, Polarity.POSITIVE, 0,
                    "no string of " + min + " characters satisfies the field's pattern or format")));
          }
          result.add(new Variant(Rule.MIN_LENGTH_UNDER, "minLength-1 (" + (min - 1) + " chars)",
              TextNode.valueOf(values.filler(min - 1)), Polarity.NEGATIVE, validation, null));
        }
        String format = schema.path("format").asText("");
        String bad = switch (format) {
          case "email" -> "not-an-email";
          case "uri", "url" -> "not a uri";
          case "uuid" -> "not-a-uuid";
          case "date" -> "not-a-date";
          case "date-time" -> "not-a-date-time";
          default -> null;
        };
        if (bad != null) {
          result.add(new Variant(Rule.FORMAT_INVALID, "not a valid " + format, TextNode.valueOf(bad),
              Polarity.NEGATIVE, validation, null));
        }
        if (schema.has("pattern")) {
          int length = Math.max(schema.path("minLength").asInt(0), Math.min(3, schema.path("maxLength").asInt(3)));
          String mismatch = "!".repeat(Math.max(1, length));
          result.add(new Variant(Rule.PATTERN_MISMATCH, "not matching " + schema.get("pattern").asText(),
              TextNode.valueOf(mismatch), Polarity.NEGATIVE, validation, null));
        }
      }
      if ("integer".equals(type.orElse("")) || "number".equals(type.orElse(""))) {
        boolean integer = "integer".equals(type.get());
        if (schema.has("minimum")) {
          BigDecimal min = schema.get("minimum").decimalValue();
          result.add(new Variant(Rule.MINIMUM_AT, "at minimum " + plain(min), Values.number(min, integer),
              Polarity.POSITIVE, 0, null));
          BigDecimal below = min.subtract(BigDecimal.ONE);
          result.add(new Variant(Rule.BELOW_MINIMUM, "minimum-1 (" + plain(below) + ")", Values.number(below, integer),
              Polarity.NEGATIVE, validation, null));
        }
        if (schema.has("maximum")) {
          BigDecimal max = schema.get("maximum").decimalValue();
          result.add(new Variant(Rule.MAXIMUM_AT, "at maximum " + plain(max), Values.number(max, integer),
              Polarity.POSITIVE, 0, null));
          BigDecimal above = max.add(BigDecimal.ONE);
          result.add(new Variant(Rule.ABOVE_MAXIMUM, "maximum+1 (" + plain(above) + ")", Values.number(above, integer),
              Polarity.NEGATIVE, validation, null));
        }
      }
      return result;
    }

    /** A valid string of an exact length: built, or taken from the values the spec's examples give the field. */
    private Optional<String> ofLength(String field, JsonNode schema, int length) {
      Optional<String> built = values.stringOfLength(schema, length);
      if (built.isPresent()) {
        return built;
      }
      return candidates(field, schema).stream()
          .filter(n -> n != null && n.isTextual() && n.asText().length() == length)
          .map(JsonNode::asText)
          .filter(s -> !schema.has("pattern") || Pattern.compile(schema.get("pattern").asText()).matcher(s).find())
          .findFirst();
    }

    // ---- partial update and full replacement ------------------------------------------------------------

    private void mergeSemantics() {
      Optional<BodyTemplate> seed = bodies.create(op.resource());
      Optional<Operation> create = model.find(op.resource(), Action.CREATE);
      Optional<ObjectSchema> createBody = create.map(c -> model.object(c.body().schemaNode()));
      for (Property property : model.object(op.body().schemaNode()).properties()) {
        String name = property.name();
        JsonNode schema = property.schema();
        if (schema.path("readOnly").asBoolean(false)) {
          continue;
        }
        String collection = property.ref();
        if (collection == null) {
          collection = model.collectionOfIri(schema).orElse(null);
        }
        if (seed.isEmpty()) {
          addAborted(Rule.MERGE_ONE_FIELD, name, "only " + name + " sent, the rest unchanged", op.successStatus(),
              Polarity.POSITIVE, "no operation creates '" + op.resource() + "' to update");
          continue;
        }
        BodyTemplate seedBody = seed.get();
        JsonNode current = seedBody.body().path(name);
        // One field changes, every other stays.
        Optional<JsonNode> changed = collection != null ? referenceChange(name, schema, current, collection)
            : differentValue(name, schema, current);
        if (changed.isEmpty()) {
          addAborted(Rule.MERGE_ONE_FIELD, name, "only " + name + " sent, the rest unchanged", op.successStatus(),
              Polarity.POSITIVE, "no value in the spec (enum, examples, defaults, any example of any field) nor one the"
                  + " kit can build is valid for " + name + " and differs from the seed's " + current);
        } else {
          List<Slot> slots = collection == null ? List.of()
              : bodies.referenceSlots(name, schema, changed.get(), collection).stream().map(Slot::asFresh).toList();
          BodyTemplate body = new BodyTemplate(JSON.objectNode(), List.of()).with(name, changed.get(), slots);
          add(Rule.MERGE_ONE_FIELD, name, "only " + name + " sent, the rest unchanged", op.successStatus(),
              request(Target.FRESH, body).withSeed(seedBody.body(), seedBody.slots()), Polarity.POSITIVE, Check.MERGE,
              Map.of());
        }
        BodyTemplate nulled = new BodyTemplate(JSON.objectNode(), List.of()).with(name, NullNode.instance, List.of());
        if (SchemaNodes.nullable(model.spec(), schema)) {
          Optional<BodyTemplate> filled = seedWith(seedBody, create.orElseThrow(),
              createBody.flatMap(c -> c.property(name)).orElse(property));
          if (filled.isEmpty()) {
            addAborted(Rule.MERGE_NULL_CLEARS, name, "null clears " + name, op.successStatus(), Polarity.POSITIVE,
                "the kit could not create an item with a value in " + name + " to clear");
          } else {
            add(Rule.MERGE_NULL_CLEARS, name, "null clears " + name, op.successStatus(),
                request(Target.FRESH, nulled).withSeed(filled.get().body(), filled.get().slots()), Polarity.POSITIVE,
                Check.MERGE, Map.of());
          }
        } else {
          bodyCase(Rule.MERGE_NULL_REJECTED, name, "null on non-nullable " + name, conventions.validationStatus(op), nulled,
              Polarity.NEGATIVE);
        }
      }
    }

    /**
     * A reference value to send in a partial update: the seed's own shape (its slots get fresh items, so the value
     * changes), or one placeholder element for an array the seed leaves empty.
     */
    private Optional<JsonNode> referenceChange(String field, JsonNode schema, JsonNode current, String collection) {
      JsonNode value = current.isMissingNode() || current.isNull() ? firstExample(field, schema).orElse(null) : current;
      if (value != null && value.isArray() && value.isEmpty()) {
        String iri = model.find(collection, Action.READ).map(Operation::path).orElse("/" + collection + "/{id}")
            .replaceAll("\\{[^}]+}$", "1");
        value = JSON.arrayNode().add(bodies.isIri(schema) ? TextNode.valueOf(iri) : Values.number(BigDecimal.ONE, true));
      }
      return Optional.ofNullable(value);
    }

    /** The seed body with a non-null value in {@code field}, valid for the create operation. */
    private Optional<BodyTemplate> seedWith(BodyTemplate seed, Operation create, Property property) {
      String field = property.name();
      JsonNode schema = property.schema();
      if (seed.has(field)) {
        return Optional.of(seed);
      }
      String collection = property.ref();
      List<JsonNode> candidates = new ArrayList<>(candidates(field, schema));
      candidates.add(values.sample(model, schema));
      for (JsonNode candidate : candidates) {
        if (candidate == null || candidate.isNull()) {
          continue;
        }
        List<Slot> slots = collection == null ? List.of()
            : bodies.referenceSlots(field, schema, candidate, collection);
        BodyTemplate filled = seed.with(field, candidate, slots);
        if (bodies.errors(create, filled.body()).isEmpty()) {
          return Optional.of(filled);
        }
      }
      return Optional.empty();
    }

    private void replaceSemantics() {
      BodyTemplate minimal = bodies.minimal(op);
      Map<String, JsonNode> defaults = new LinkedHashMap<>();
      for (Property property : model.object(op.body().schemaNode()).properties()) {
        JsonNode schema = property.schema();
        if (minimal.body().has(property.name()) || schema.path("readOnly").asBoolean(false)
            || schema.path("writeOnly").asBoolean(false)) {
          continue;
        }
        defaults.put(property.name(), property.defaultValue() != null ? property.defaultValue()
            : readDefault(property.name()));
      }
      add(Rule.REPLACE_RESETS_OMITTED, null, "only required fields sent, the rest reset", op.successStatus(),
          request(Target.FRESH, minimal), Polarity.POSITIVE, Check.REPLACE, defaults);
    }

    /** The default the read answer's schema gives a field (a non-nullable flag's {@code false}), else null. */
    private JsonNode readDefault(String field) {
      return model.find(op.resource(), Action.READ)
          .flatMap(read -> read.response(read.successStatus()))
          .map(response -> response.schemas().values().stream().findFirst().orElse(null))
          .flatMap(pointer -> SchemaNodes.at(model.spec(), model.spec().at(pointer), conventions.itemPointer()))
          .flatMap(item -> model.object(item).property(field))
          .map(Property::defaultValue)
          .orElse(NullNode.instance);
    }

    /** A valid value for a merge field that differs from the seed's, from the spec's own values first. */
    private Optional<JsonNode> differentValue(String field, JsonNode schema, JsonNode current) {
      List<JsonNode> candidates = new ArrayList<>(candidates(field, schema));
      Optional<String> type = SchemaNodes.declaredType(model.spec(), schema);
      if (type.filter("boolean"::equals).isPresent()) {
        candidates.add(BooleanNode.valueOf(!current.asBoolean(false)));
      }
      if (type.filter(t -> t.equals("integer") || t.equals("number")).isPresent()) {
        for (String bound : List.of("minimum", "maximum")) {
          if (schema.has(bound)) {
            candidates.add(Values.number(schema.get(bound).decimalValue(), "integer".equals(type.get())));
          }
        }
        candidates.add(Values.number(BigDecimal.valueOf(7), "integer".equals(type.get())));
      }
      if (type.filter("string"::equals).isPresent()) {
        int min = schema.path("minLength").asInt(1);
        int max = schema.path("maxLength").asInt(24);
        values.stringOfLength(schema, Math.max(min, Math.min(max, 24))).map(TextNode::valueOf).ifPresent(candidates::add);
      }
      // Last resort: a value any example of the spec gives any field (a country IRI such as /countries/NL fits
      // addressCountry, whose own examples all say /countries/PL).
      candidates.addAll(model.exampleValues());
      for (JsonNode candidate : candidates) {
        if (candidate == null || candidate.isNull() || sameValue(candidate, current)) {
          continue;
        }
        ObjectNode probe = JSON.objectNode();
        probe.set(field, candidate);
        if (bodies.errors(op, probe).isEmpty()) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    }

    /**
     * Values the spec itself offers for a field: its enum, examples and default, then the field's value in the
     * example bodies of this operation, of the create operation, and of any operation.
     */
    private List<JsonNode> candidates(String field, JsonNode schema) {
      List<JsonNode> result = new ArrayList<>();
      schema.path("enum").forEach(result::add);
      result.addAll(Values.examplesOf(schema));
      if (schema.has("default")) {
        result.add(schema.get("default"));
      }
      List<Operation> related = new ArrayList<>(List.of(op));
      model.find(op.resource(), Action.CREATE).ifPresent(related::add);
      // Last resort: what any other request example of the spec gives a field of the same name.
      related.addAll(model.operationsById());
      for (Operation o : related) {
        if (o.body() == null) {
          continue;
        }
        List<JsonNode> examples = new ArrayList<>(Values.examplesOf(model.spec().deref(o.body().schemaNode())));
        examples.addAll(o.body().examples());
        for (JsonNode example : examples) {
          if (example.has(field)) {
            result.add(example.get(field));
          }
        }
      }
      return result;
    }

    private Optional<JsonNode> firstExample(String field, JsonNode schema) {
      return candidates(field, schema).stream().filter(n -> n != null && !n.isNull()).findFirst();
    }

    // ---- query and header parameters ---------------------------------------------------------------------

    private void parameters() {
      for (Parameter p : op.parameters()) {
        if (!(p.in() == Parameter.In.QUERY || p.in() == Parameter.In.HEADER) || isCredentialHeader(p)) {
          continue;
        }
        for (Variant v : variants(p.name(), model.spec().deref(p.schemaNode()), true)) {
          String label = p.in().name().toLowerCase(Locale.ROOT) + " " + p.name() + " " + v.label();
          int status = v.polarity() == Polarity.POSITIVE ? op.successStatus() : v.status();
          if (v.abortReason() != null) {
            addAborted(v.rule(), p.name(), label, status, v.polarity(), v.abortReason());
            continue;
          }
          if (v.polarity() == Polarity.NEGATIVE
              && model.spec().schema(p.schemaPointer()).validate(parameterNode(p, text(v.value()))).isEmpty()) {
            throw new IllegalStateException("the spec accepts " + p.name() + "=" + text(v.value()) + " meant for " + label);
          }
          CaseRequest r = v.polarity() == Polarity.POSITIVE ? positive(base) : negative(base);
          Map<String, String> params = new LinkedHashMap<>(p.in() == Parameter.In.QUERY ? r.query() : r.headers());
          params.put(p.name(), text(v.value()));
          r = p.in() == Parameter.In.QUERY ? r.withQuery(params) : r.withHeaders(params);
          Check check = v.polarity() == Polarity.POSITIVE && base != null ? writeCheck() : Check.STATUS;
          add(v.rule(), p.name(), label, status, r, v.polarity(), check, Map.of());
        }
      }
    }

    /** A parameter value as the schema sees it: numbers for numeric schemas when the text is a number. */
    private JsonNode parameterNode(Parameter p, String text) {
      String type = SchemaNodes.declaredType(model.spec(), p.schemaNode()).orElse("string");
      if (("integer".equals(type) || "number".equals(type)) && text.matches("-?\\d+(\\.\\d+)?")) {
        return Values.number(new BigDecimal(text), "integer".equals(type));
      }
      if ("boolean".equals(type) && (text.equals("true") || text.equals("false"))) {
        return BooleanNode.valueOf(Boolean.parseBoolean(text));
      }
      return TextNode.valueOf(text);
    }

    private boolean isCredentialHeader(Parameter p) {
      if (p.in() != Parameter.In.HEADER) {
        return false;
      }
      return model.schemes().values().stream()
          .anyMatch(s -> s.header() != null && s.header().equalsIgnoreCase(p.name()));
    }
  }

  private static String text(JsonNode value) {
    return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  /** One probing value and what it must get. */
  private record Variant(Rule rule, String label, JsonNode value, Polarity polarity, int status, String abortReason) {}

  /** Lower-case letters and digits for a run nonce. */
  public static String nonce() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    java.util.Random random = new java.security.SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}

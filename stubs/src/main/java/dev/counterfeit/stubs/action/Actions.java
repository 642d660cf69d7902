package dev.counterfeit.stubs.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.problem.Outcome;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemException;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.stubs.profile.CustomHandler;
import dev.counterfeit.stubs.security.Credentials;
import dev.counterfeit.stubs.security.Principal;
import dev.counterfeit.openapi.model.Action;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Parameter;
import dev.counterfeit.stubs.store.Query;
import dev.counterfeit.stubs.store.Slice;
import dev.counterfeit.stubs.store.TenantData;
import dev.counterfeit.stubs.store.TenantKey;
import dev.counterfeit.stubs.store.TenantStore;
import dev.counterfeit.stubs.store.TenantView;
import dev.counterfeit.stubs.validation.RequestCheck;
import dev.counterfeit.stubs.validation.ValidationReport;
import dev.counterfeit.stubs.validation.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The step after validation: acts on the valid request with the generic action its {@code x-counterfeit-action}
 * names, or the vendor's handler, against the store in one unit of work each, and goes on with the answer or
 * stops with the problem the action ran into (not found, a broken reference, a vendor rule).
 */
public final class Actions {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The tenant name of state a vendor keeps outside any company; no vendor tenant starts with {@code ~}. */
  static final String VENDOR_STATE = "~vendor";

  private final TenantStore store;
  private final Credentials credentials;
  private final Clock clock;
  private final boolean rateLimits;
  private final Idempotency idempotency;
  private volatile Stamp lastStamp;

  /** @param rateLimits whether the vendors' documented limits (lockouts, for handlers) are enforced */
  public Actions(TenantStore store, Credentials credentials, Clock clock, boolean rateLimits) {
    this.store = store;
    this.credentials = credentials;
    this.clock = clock;
    this.rateLimits = rateLimits;
    this.idempotency = new Idempotency(store);
  }

  /**
   * Acts on a valid request; with an {@code Idempotency-Key} the operation declares, a retry replays the first
   * answer instead.
   *
   * @param principal the caller, or null on a public route
   */
  public Outcome<HttpResponse> act(VendorApi api, Operation op, Principal principal, HttpRequest request,
      RequestCheck.Valid valid) {
    TenantKey tenant = principal == null ? null : new TenantKey(api.vendor(), principal.tenant());
    Idempotency.Key key = tenant == null ? null : Idempotency.keyOf(op, request);
    if (key == null) {
      return attempt(api, op, tenant, principal, request, valid);
    }
    ObjectNode fingerprint = Idempotency.fingerprint(request);
    Outcome<HttpResponse> earlier = idempotency.claim(tenant, key, fingerprint);
    if (earlier != null) {
      return earlier;
    }
    Outcome<HttpResponse> acted;
    try {
      acted = attempt(api, op, tenant, principal, request, valid);
    } catch (RuntimeException e) {
      idempotency.release(tenant, key);
      throw e;
    }
    return idempotency.settle(tenant, key, fingerprint, acted);
  }

  private Outcome<HttpResponse> attempt(
      VendorApi api, Operation op, TenantKey tenant, Principal principal, HttpRequest request, RequestCheck.Valid v) {
    try {
      return Outcome.goOn(perform(api, op, tenant, principal, request, v));
    } catch (ProblemException e) {
      return Outcome.stop(e.problem());
    }
  }

  private HttpResponse perform(
      VendorApi api, Operation op, TenantKey tenant, Principal principal, HttpRequest request, RequestCheck.Valid v) {
    return switch (op.action()) {
      case LIST -> answer(api, op, list(api, op, tenant, request, v.params()));
      case READ -> answer(api, op, store.read(tenant, data -> project(api, op, found(op, data.peek(op.resource(), id(op, v)), v), data, null, request)));
      case CREATE -> {
        ObjectNode fields = fields(api, op, v.body());
        yield answer(api, op, store.write(tenant,
            data -> project(api, op, create(api, op, data, tenant, v.body(), fields.deepCopy()), data, null, request)));
      }
      case REPLACE -> {
        ObjectNode fields = fields(api, op, v.body());
        yield answer(api, op, store.write(tenant,
            data -> project(api, op, replace(api, op, data, v, fields.deepCopy()), data, null, request)));
      }
      case MERGE -> {
        List<String> updated = new ArrayList<>();
        ObjectNode patch = declared(api, op, v.body());
        yield answer(api, op, store.write(tenant,
            data -> project(api, op, merge(api, op, data, v, patch, updated), data, updated, request)));
      }
      case DELETE -> store.write(tenant, data -> {
        String id = find(api, op, data, v).get(Records.ID).asText();
        data.remove(op.resource(), id);
        return HttpResponse.empty(op.successStatus());
      });
      case CUSTOM -> custom(api, op, tenant, principal, request, v);
    };
  }

  /** The record a write names, as the store keeps it (not copied, so not to be changed), or not found. */
  private ObjectNode find(VendorApi api, Operation op, TenantView data, RequestCheck.Valid v) {
    return found(op, data.peek(op.resource(), id(op, v)), v);
  }

  private static String id(Operation op, RequestCheck.Valid v) {
    return v.params().get(op.idParam()).asText();
  }

  private static ObjectNode found(Operation op, Optional<ObjectNode> record, RequestCheck.Valid v) {
    return record.orElseThrow(() -> notFound(op.resource(), id(op, v)));
  }

  static ProblemException notFound(String collection, String id) {
    return new ProblemException(Problem.of(ProblemKind.NOT_FOUND, "No " + collection + " item with id " + id + "."));
  }

  /** The fake's time as the answers show it: UTC, whole seconds. */
  private String now() {
    long second = clock.instant().getEpochSecond();
    Stamp last = lastStamp;
    if (last == null || last.second() != second) {
      last = new Stamp(second, OffsetDateTime.ofInstant(Instant.ofEpochSecond(second), ZoneOffset.UTC)
          .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      lastStamp = last;
    }
    return last.text();
  }

  /** A second and how answers write it; every write in that second reuses the text. */
  private record Stamp(long second, String text) {}

  // ---- list

  private JsonNode list(VendorApi api, Operation op, TenantKey tenant, HttpRequest request, Map<String, JsonNode> params) {
    List<Query.Filter> filters = new ArrayList<>();
    String sortField = null;
    boolean descending = false;
    for (Parameter p : op.parameters()) {
      JsonNode value = params.get(p.name());
      if (value == null) {
        continue;
      }
      if (!p.filterFields().isEmpty()) {
        filters.add(new Query.Filter(p.filterFields(), List.of(value.asText()),
            p.filterExact() ? Query.Match.EQUALS : Query.Match.CONTAINS));
      }
      if ("field".equals(p.sortRole())) {
        sortField = value.asText();
      } else if ("direction".equals(p.sortRole())) {
        descending = value.asText().equalsIgnoreCase("desc");
      }
    }
    String parentId = op.parent() == null ? null : params.get(op.parent().param()).asText();
    if (parentId != null) {
      filters.add(new Query.Filter(List.of(op.parent().field()), api.refForms(op.parent().resource(), parentId),
          Query.Match.EQUALS));
    }
    PageRequest page = PageRequest.of(api.spec().pagination(), params);
    Query.Sort sort = sortField == null ? null : new Query.Sort(sortFieldOf(sortField), descending);
    Query query = new Query(filters, sort, page.offset(), page.limit());
    JsonNode schema = api.itemSchema(op);
    return store.read(tenant, data -> {
      if (parentId != null && !data.exists(op.parent().resource(), parentId)) {
        throw notFound(op.parent().resource(), parentId);
      }
      Slice slice = data.peek(op.resource(), query);
      List<JsonNode> items = new ArrayList<>();
      for (ObjectNode r : slice.items()) {
        items.add(api.profile().present(api.projector().project(schema, op.resource(), r, data, null), r, request));
      }
      return api.profile().wrapList(new ListPage(op, items, (int) Math.min(slice.total(), Integer.MAX_VALUE), page,
          api.spec().pagination(), params, request.path()));
    });
  }

  /**
   * createdAt/updatedAt sort on the engine's timestamps: records keep those only as engine fields, since the
   * answers fill them from there.
   */
  private static String sortFieldOf(String field) {
    String folded = field.toLowerCase(Locale.ROOT).replace("_", "");
    return folded.equals("createdat") ? Records.CREATED : folded.equals("updatedat") ? Records.UPDATED : field;
  }

  // ---- writes

  private ObjectNode create(VendorApi api, Operation op, TenantData data, TenantKey tenant, JsonNode body,
      ObjectNode record) {
    check(api, op, data, body, record);
    String id = stamp(api, op.resource(), tenant.tenant(), record, data);
    relate(api, op, data, record, id);
    data.put(op.resource(), id, record);
    return record;
  }

  /** Gives a new record its id, owner, timestamps and per-tenant number; answers the id. */
  private String stamp(VendorApi api, String collection, String tenant, ObjectNode record, TenantData data) {
    IdStyle style = api.idStyle(collection);
    String id = style.next(style.counted() ? data.nextId(collection) : 0);
    String now = now();
    record.put(Records.ID, id);
    record.put(Records.TENANT, tenant);
    record.put(Records.CREATED, now);
    record.put(Records.UPDATED, now);
    record.put(Records.SEQUENCE, data.nextSequence(collection));
    return id;
  }

  private ObjectNode replace(VendorApi api, Operation op, TenantData data, RequestCheck.Valid v, ObjectNode record) {
    ObjectNode existing = find(api, op, data, v);
    Records.copyMeta(existing, record);
    check(api, op, data, v.body(), record);
    record.put(Records.UPDATED, now());
    relate(api, op, data, record, existing.get(Records.ID).asText());
    data.put(op.resource(), existing.get(Records.ID).asText(), record);
    return record;
  }

  /** Applies a merge patch; {@code updated} receives the fields it changed, in the order sent. */
  private ObjectNode merge(VendorApi api, Operation op, TenantData data, RequestCheck.Valid v, ObjectNode patch,
      List<String> updated) {
    ObjectNode existing = find(api, op, data, v);
    ObjectNode record = existing.deepCopy();
    updated.clear();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      record.set(e.getKey(), mergePatch(record.get(e.getKey()), e.getValue()));
      updated.add(e.getKey());
    }
    record.setAll(op.set());
    check(api, op, data, v.body(), record);
    record.put(Records.UPDATED, now());
    relate(api, op, data, record, existing.get(Records.ID).asText());
    data.put(op.resource(), existing.get(Records.ID).asText(), record);
    return record;
  }

  /**
   * A to-many relation written on the parent (API Platform's {@code clientContacts}) is kept where the read
   * finds it, on the children: each child listed points back at the record, each one no longer listed stops.
   */
  private void relate(VendorApi api, Operation op, TenantData data, ObjectNode record, String id) {
    api.relations(op).forEach((field, relation) -> {
      JsonNode listed = record.remove(field);
      if (listed == null || !listed.isArray()) {
        return;
      }
      Set<String> wanted = new LinkedHashSet<>();
      listed.forEach(ref -> wanted.add(api.refToId(relation.collection(), ref)));
      Query pointing = Query.where(relation.backref(), api.refForms(op.resource(), id));
      for (ObjectNode child : data.query(relation.collection(), pointing).items()) {
        if (!wanted.remove(child.path(Records.ID).asText())) {
          child.remove(relation.backref());
          child.put(Records.UPDATED, now());
          data.put(relation.collection(), child.path(Records.ID).asText(), child);
        }
      }
      for (String childId : wanted) {
        ObjectNode child = data.get(relation.collection(), childId).orElseThrow(() -> notFound(relation.collection(), childId));
        child.put(relation.backref(), relation.iris() ? api.selfPath(op.resource(), id) : id);
        child.put(Records.UPDATED, now());
        data.put(relation.collection(), childId, child);
      }
    });
  }

  /** RFC 7396: objects merge member by member, {@code null} removes a member, anything else replaces. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : NODES.objectNode();
    patch.fields().forEachRemaining(e -> {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    });
    return result;
  }

  /**
   * What a create or replace stores from the body: its declared fields and what the operation sets. Sifted before
   * the unit of work, so the tenant's lock is not held for it; the unit changes a copy, as it may run again.
   */
  private static ObjectNode fields(VendorApi api, Operation op, JsonNode body) {
    ObjectNode record = declared(api, op, body);
    record.setAll(op.set());
    return record;
  }

  /** The body's declared fields only: undeclared ones are accepted (when the schema allows) but never stored. */
  private static ObjectNode declared(VendorApi api, Operation op, JsonNode body) {
    ObjectNode record = NODES.objectNode();
    if (body == null || !body.isObject()) {
      return record;
    }
    Set<String> declared = api.declaredFields(op);
    body.fields().forEachRemaining(e -> {
      if ((declared.isEmpty() || declared.contains(e.getKey())) && !Records.isMeta(e.getKey())) {
        record.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    return record;
  }

  /**
   * Fills what the spec says the write infers, then checks that references point at existing items; a broken one
   * refuses the whole write.
   */
  private static void check(VendorApi api, Operation op, TenantView data, JsonNode body, ObjectNode record) {
    api.infer(op.resource(), record);
    List<Violation> violations = new ArrayList<>();
    api.refFields(op).forEach((field, collection) -> {
      JsonNode value = record.get(field);
      if (body != null && body.has(field) && value != null && !value.isNull()
          && !data.exists(collection, api.refToId(collection, value))) {
        violations.add(new Violation(Violation.Location.BODY, field, "ref", Map.of("collection", collection)));
      }
    });
    api.relations(op).forEach((field, relation) -> {
      JsonNode listed = body == null ? null : body.get(field);
      if (listed != null && listed.isArray()) {
        for (JsonNode ref : listed) {
          if (!data.exists(relation.collection(), api.refToId(relation.collection(), ref))) {
            violations.add(new Violation(Violation.Location.BODY, field, "ref", Map.of("collection", relation.collection())));
            break;
          }
        }
      }
    });
    if (!violations.isEmpty()) {
      throw new ProblemException(Problem.invalid(new ValidationReport(violations)));
    }
  }

  private static JsonNode project(
      VendorApi api, Operation op, ObjectNode record, TenantView data, List<String> updated, HttpRequest request) {
    JsonNode schema = api.itemSchema(op);
    return schema == null ? null
        : api.profile().present(api.projector().project(schema, op.resource(), record, data, updated), record, request);
  }

  private static HttpResponse answer(VendorApi api, Operation op, JsonNode item) {
    if (op.successMediaType() == null || item == null) {
      return HttpResponse.empty(op.successStatus());
    }
    JsonNode body = op.action() == Action.LIST ? item : api.profile().wrapItem(item, op);
    return HttpResponse.json(op.successStatus(), op.successMediaType(), body);
  }

  // ---- custom

  private HttpResponse custom(
      VendorApi api, Operation op, TenantKey tenant, Principal principal, HttpRequest request, RequestCheck.Valid v) {
    CustomHandler handler = api.profile().handler(op.handler())
        .orElseThrow(() -> new IllegalStateException(api.vendor() + " has no handler " + op.handler()));
    return handler.handle(new Context(api, op, tenant, principal, request, v));
  }

  private final class Context implements HandlerContext {
    private final VendorApi api;
    private final Operation op;
    private final TenantKey tenant;
    private final Principal principal;
    private final HttpRequest request;
    private final RequestCheck.Valid valid;

    Context(VendorApi api, Operation op, TenantKey tenant, Principal principal, HttpRequest request, RequestCheck.Valid valid) {
      this.api = api;
      this.op = op;
      this.tenant = tenant;
      this.principal = principal;
      this.request = request;
      this.valid = valid;
    }

    public Operation operation() {
      return op;
    }

    public HttpRequest request() {
      return request;
    }

    public Principal principal() {
      return principal;
    }

    public Map<String, JsonNode> params() {
      return valid.params();
    }

    public JsonNode body() {
      return valid.body();
    }

    public <T> T write(Function<TenantData, T> work) {
      return store.write(tenant, work);
    }

    public JsonNode project(String collection, ObjectNode record, TenantData data) {
      JsonNode schema = api.readSchema(collection);
      return schema == null ? record
          : api.profile().present(api.projector().project(schema, collection, record, data, null), record, request);
    }

    public JsonNode shape(ObjectNode values, TenantView data) {
      JsonNode schema = api.itemSchema(op);
      return schema == null ? values : api.projector().project(schema, op.resource(), values, data, null);
    }

    public HttpResponse answer(JsonNode item) {
      return Actions.answer(api, op, item);
    }

    public String idOf(ObjectNode record) {
      return record.path(Records.ID).asText();
    }

    public String insert(String collection, ObjectNode record, TenantData data) {
      String id = stamp(api, collection, tenant.tenant(), record, data);
      data.put(collection, id, record);
      return id;
    }

    public void update(String collection, ObjectNode record, TenantData data) {
      record.put(Records.UPDATED, Actions.this.now());
      data.put(collection, idOf(record), record);
    }

    public String refToId(String collection, JsonNode ref) {
      return api.refToId(collection, ref);
    }

    public String selfPath(String collection, String id) {
      return api.selfPath(collection, id);
    }

    public String issueToken(String scheme, String tenantId, Set<String> grants, Duration lifetime, ObjectNode claims) {
      return credentials.issue(api.vendor(), scheme, tenantId, grants, clock.instant().plus(lifetime), claims);
    }

    public <T> T writeVendorState(Function<TenantData, T> work) {
      return store.write(new TenantKey(api.vendor(), VENDOR_STATE), work);
    }

    public boolean limitsEnforced() {
      return rateLimits;
    }

    public Instant now() {
      return clock.instant();
    }

    public JsonNode seedSection(String name) {
      return api.seed().path(name);
    }
  }
}

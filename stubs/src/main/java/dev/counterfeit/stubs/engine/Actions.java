package dev.counterfeit.stubs.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.profile.CustomHandler;
import dev.counterfeit.stubs.profile.HandlerContext;
import dev.counterfeit.stubs.profile.ListPage;
import dev.counterfeit.stubs.profile.PageRequest;
import dev.counterfeit.stubs.profile.Principal;
import dev.counterfeit.stubs.profile.Problem;
import dev.counterfeit.stubs.profile.ProblemException;
import dev.counterfeit.stubs.profile.ProblemKind;
import dev.counterfeit.stubs.profile.WriteContext;
import dev.counterfeit.stubs.spec.Operation;
import dev.counterfeit.stubs.spec.Parameter;
import dev.counterfeit.stubs.store.TenantData;
import dev.counterfeit.stubs.store.TenantKey;
import dev.counterfeit.stubs.store.TenantStore;
import dev.counterfeit.stubs.store.TenantView;
import dev.counterfeit.stubs.validation.RequestCheck;
import dev.counterfeit.stubs.validation.ValidationReport;
import dev.counterfeit.stubs.validation.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The generic actions an {@code x-counterfeit-action} names, run against the store in one unit of work each. */
final class Actions {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final TenantStore store;
  private final Credentials credentials;
  private final Clock clock;

  Actions(TenantStore store, Credentials credentials, Clock clock) {
    this.store = store;
    this.credentials = credentials;
    this.clock = clock;
  }

  HttpResponse perform(
      VendorApi api, Operation op, TenantKey tenant, Principal principal, HttpRequest request, RequestCheck.Valid v) {
    return switch (op.action()) {
      case LIST -> list(api, op, tenant, request, v.params());
      case READ -> store.read(tenant, data -> answer(api, op, project(api, op, find(api, op, data, v), data, null, request)));
      case CREATE -> store.write(tenant, data -> create(api, op, data, tenant, v.body(), request));
      case REPLACE -> store.write(tenant, data -> replace(api, op, data, v, request));
      case MERGE -> store.write(tenant, data -> merge(api, op, data, v, request));
      case DELETE -> store.write(tenant, data -> {
        String id = find(api, op, data, v).get(Records.ID).asText();
        data.remove(op.resource(), id);
        return HttpResponse.empty(op.successStatus());
      });
      case CUSTOM -> custom(api, op, tenant, principal, request, v);
    };
  }

  private ObjectNode find(VendorApi api, Operation op, TenantView data, RequestCheck.Valid v) {
    String id = v.params().get(op.idParam()).asText();
    return data.get(op.resource(), id).orElseThrow(() -> notFound(op.resource(), id));
  }

  static ProblemException notFound(String collection, String id) {
    return new ProblemException(Problem.of(ProblemKind.NOT_FOUND, "No " + collection + " item with id " + id + "."));
  }

  /** The fake's time as the answers show it: UTC, whole seconds. */
  private String now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  // ---- list

  private HttpResponse list(VendorApi api, Operation op, TenantKey tenant, HttpRequest request, Map<String, JsonNode> params) {
    return store.read(tenant, data -> {
      List<ObjectNode> records = data.list(op.resource());
      if (op.parent() != null) {
        String parentId = params.get(op.parent().param()).asText();
        if (data.get(op.parent().resource(), parentId).isEmpty()) {
          throw notFound(op.parent().resource(), parentId);
        }
        records.removeIf(r -> !parentId.equals(refId(api, op.parent().resource(), r.get(op.parent().field()))));
      }
      String sortField = null;
      boolean descending = false;
      for (Parameter p : op.parameters()) {
        JsonNode value = params.get(p.name());
        if (value == null) {
          continue;
        }
        if (!p.filterFields().isEmpty()) {
          records.removeIf(r -> !matches(r, p, value.asText()));
        }
        if ("field".equals(p.sortRole())) {
          sortField = value.asText();
        } else if ("direction".equals(p.sortRole())) {
          descending = value.asText().equalsIgnoreCase("desc");
        }
      }
      if (sortField != null) {
        String field = sortField;
        Comparator<ObjectNode> order = Comparator.comparing(r -> sortKey(r, sortFieldOf(r, field)), VALUE_ORDER);
        records.sort(descending ? order.reversed() : order);
      }
      PageRequest page = api.profile().page(params);
      int total = records.size();
      int from = Math.min(page.offset(), total);
      int to = (int) Math.min((long) from + page.limit(), total);
      JsonNode schema = api.itemSchema(op);
      List<JsonNode> items = new ArrayList<>();
      for (ObjectNode r : records.subList(from, to)) {
        items.add(api.profile().present(api.projector().project(schema, op.resource(), r, data, null), r, request));
      }
      JsonNode body = api.profile().wrapList(new ListPage(op, items, total, page, params, request.path()));
      return HttpResponse.json(op.successStatus(), op.successMediaType(), body);
    });
  }

  /** createdAt/updatedAt sort on the engine's timestamps when the record has no such field of its own. */
  private static String sortFieldOf(ObjectNode r, String field) {
    if (!r.has(field) && field.toLowerCase(Locale.ROOT).replace("_", "").equals("createdat")) {
      return Records.CREATED;
    }
    if (!r.has(field) && field.toLowerCase(Locale.ROOT).replace("_", "").equals("updatedat")) {
      return Records.UPDATED;
    }
    return field;
  }

  private static JsonNode sortKey(ObjectNode r, String field) {
    JsonNode v = r.get(field);
    return v == null ? NullNode.getInstance() : v;
  }

  /** Numbers by value, text case-insensitively, nulls last. */
  private static final Comparator<JsonNode> VALUE_ORDER = (a, b) -> {
    if (a.isNull() || b.isNull()) {
      return Boolean.compare(a.isNull(), b.isNull());
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.asText().compareToIgnoreCase(b.asText());
  };

  private static boolean matches(ObjectNode record, Parameter p, String wanted) {
    String needle = wanted.toLowerCase(Locale.ROOT);
    for (String field : p.filterFields()) {
      JsonNode value = record.get(field);
      if (value == null || value.isNull() || value.isContainerNode()) {
        continue;
      }
      String text = value.asText().toLowerCase(Locale.ROOT);
      if (p.filterExact() ? text.equals(needle) : text.contains(needle)) {
        return true;
      }
    }
    return false;
  }

  private static String refId(VendorApi api, String collection, JsonNode ref) {
    return ref == null || ref.isNull() ? null : api.profile().refToId(collection, ref);
  }

  // ---- writes

  private HttpResponse create(VendorApi api, Operation op, TenantData data, TenantKey tenant, JsonNode body, HttpRequest request) {
    ObjectNode record = declared(api, op, body);
    record.setAll(op.set());
    check(api, op, data, body, record, null);
    String id = stamp(api, op.resource(), tenant.tenant(), record, data);
    data.put(op.resource(), id, record);
    return answer(api, op, project(api, op, record, data, null, request));
  }

  /** Gives a new record its id, owner, timestamps and per-tenant number; answers the id. */
  private String stamp(VendorApi api, String collection, String tenant, ObjectNode record, TenantData data) {
    IdStyle style = api.idStyle(collection);
    String id = style.next(style.counted() ? store.nextId(api.vendor(), collection) : 0);
    String now = now();
    record.put(Records.ID, id);
    record.put(Records.TENANT, tenant);
    record.put(Records.CREATED, now);
    record.put(Records.UPDATED, now);
    record.put(Records.SEQUENCE, data.nextSequence(collection));
    return id;
  }

  private HttpResponse replace(VendorApi api, Operation op, TenantData data, RequestCheck.Valid v, HttpRequest request) {
    ObjectNode existing = find(api, op, data, v);
    ObjectNode record = declared(api, op, v.body());
    record.setAll(op.set());
    Records.copyMeta(existing, record);
    check(api, op, data, v.body(), record, existing);
    record.put(Records.UPDATED, now());
    data.put(op.resource(), existing.get(Records.ID).asText(), record);
    return answer(api, op, project(api, op, record, data, null, request));
  }

  private HttpResponse merge(VendorApi api, Operation op, TenantData data, RequestCheck.Valid v, HttpRequest request) {
    ObjectNode existing = find(api, op, data, v);
    ObjectNode record = existing.deepCopy();
    ObjectNode patch = declared(api, op, v.body());
    List<String> updated = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      record.set(e.getKey(), mergePatch(record.get(e.getKey()), e.getValue()));
      updated.add(e.getKey());
    }
    record.setAll(op.set());
    check(api, op, data, v.body(), record, existing);
    record.put(Records.UPDATED, now());
    data.put(op.resource(), existing.get(Records.ID).asText(), record);
    return answer(api, op, project(api, op, record, data, updated, request));
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

  /** The body's declared fields only: undeclared ones are accepted (when the schema allows) but never stored. */
  private static ObjectNode declared(VendorApi api, Operation op, JsonNode body) {
    ObjectNode record = NODES.objectNode();
    if (body == null || !body.isObject()) {
      return record;
    }
    List<String> declared = api.declaredFields(op);
    body.fields().forEachRemaining(e -> {
      if ((declared.isEmpty() || declared.contains(e.getKey())) && !Records.isMeta(e.getKey())) {
        record.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    return record;
  }

  /** References must point at existing items, then the vendor's own rules; either refuses the whole write. */
  private static void check(VendorApi api, Operation op, TenantView data, JsonNode body, ObjectNode record, ObjectNode previous) {
    List<Violation> violations = new ArrayList<>();
    api.refFields(op).forEach((field, collection) -> {
      JsonNode value = record.get(field);
      if (body != null && body.has(field) && value != null && !value.isNull()
          && data.get(collection, api.profile().refToId(collection, value)).isEmpty()) {
        violations.add(new Violation(Violation.Location.BODY, field, "ref", Map.of("collection", collection)));
      }
    });
    ValidationReport report = new ValidationReport(violations)
        .merge(api.profile().beforeWrite(new WriteContext(op, body, record, previous, data)));
    if (report.hasErrors()) {
      throw new ProblemException(Problem.invalid(report));
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
    return HttpResponse.json(op.successStatus(), op.successMediaType(), api.profile().wrapItem(item, op));
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
      return api.profile().refToId(collection, ref);
    }

    public String selfPath(String collection, String id) {
      return api.selfPath(collection, id);
    }

    public void issueCredential(String scheme, String value, String tenantId, Set<String> grants, Duration lifetime) {
      credentials.add(api.vendor(), scheme, value, tenantId, grants, clock.instant().plus(lifetime));
    }

    public java.time.Instant now() {
      return clock.instant();
    }

    public JsonNode seedSection(String name) {
      return api.seed().path(name);
    }
  }
}

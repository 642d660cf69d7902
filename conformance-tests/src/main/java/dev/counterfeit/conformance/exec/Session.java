package dev.counterfeit.conformance.exec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.counterfeit.conformance.cases.BodyTemplate;
import dev.counterfeit.conformance.cases.CaseGenerator;
import dev.counterfeit.conformance.cases.Credentials;
import dev.counterfeit.conformance.cases.Slot;
import dev.counterfeit.conformance.cases.Values;
import dev.counterfeit.openapi.model.Action;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Parameter;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One vendor's run against one implementation: the HTTP client, the items the run created (shared ones reused by
 * cases that do not change them, fresh ones per case) and whether the server is still reachable.
 *
 * <p>Everything the run creates is deleted again where the spec has a delete operation: fresh items after their
 * case, shared items when the session closes.
 */
public final class Session implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RETRIES_ON_429 = 3;

  private final ApiModel model;
  private final VendorProfile profile;
  private final Http http;
  private final Values values;
  private final CaseGenerator generator;
  private final String basePath;
  private final Map<String, List<String>> shared = new HashMap<>();
  private final Deque<Created> sharedCreated = new ArrayDeque<>();
  private final Map<String, Object> vendorState = new HashMap<>();
  private int deleted;
  private int undeletable;
  private volatile String unreachable;
  private final boolean readOnly;

  public Session(ApiModel model, VendorProfile profile, Http http, Values values) {
    this(model, profile, http, values, false);
  }

  /** @param readOnly send only safe methods (GET, HEAD): items come from lists, nothing is created or changed */
  public Session(ApiModel model, VendorProfile profile, Http http, Values values, boolean readOnly) {
    this.readOnly = readOnly;
    this.model = model;
    this.profile = profile;
    this.http = http;
    this.values = values;
    this.generator = new CaseGenerator(model, profile, values);
    String path = model.spec().basePath();
    this.basePath = http.baseUrl().endsWith(path) ? "" : path;
  }

  public ApiModel model() {
    return model;
  }

  public VendorProfile profile() {
    return profile;
  }

  public Values values() {
    return values;
  }

  public CaseGenerator generator() {
    return generator;
  }

  public String baseUrl() {
    return http.baseUrl();
  }

  /** Per-session state a vendor profile keeps (a login token), so profiles stay stateless themselves. */
  public Map<String, Object> vendorState() {
    return vendorState;
  }

  /** The reason the server is unreachable, or null while it answers. */
  public String unreachable() {
    return unreachable;
  }

  /** Items created and deleted again, and items left because the spec has no delete operation for them. */
  public String cleanupSummary() {
    return undeletable == 0 ? deleted + " deleted" : deleted + " deleted, " + undeletable + " left (no delete operation for them)";
  }

  // ---- requests ------------------------------------------------------------------------------------------

  /** An item created by the run, to delete afterwards with the credentials that created it. */
  public record Created(String resource, String id, Credentials credentials) {}

  /**
   * Sends a request to an operation, retrying after a 429 the case did not ask for (real APIs rate-limit runs of
   * hundreds of requests; the wait honours {@code Retry-After}).
   *
   * @param id the value of the operation's item parameter, or null
   */
  public Reply send(Operation op, String id, Map<String, String> query, Map<String, String> extraHeaders,
      Credentials credentials, String contentType, byte[] body, boolean expect429) {
    if (readOnly && op.isWrite()) {
      throw new CannotRun("read-only run: the kit sends no " + op.method() + " (" + op.operationId() + ")");
    }
    return sendAny(op, id, query, extraHeaders, credentials, contentType, body, expect429);
  }

  /**
   * Sends a request that only obtains credentials (a {@code POST /login}): it changes nothing, so a
   * read-only run sends it too.
   */
  public Reply sendForCredentials(Operation op, Map<String, String> headers, String contentType, byte[] body) {
    return sendAny(op, null, Map.of(), headers, Credentials.NONE, contentType, body, false);
  }

  private Reply sendAny(Operation op, String id, Map<String, String> query, Map<String, String> extraHeaders,
      Credentials credentials, String contentType, byte[] body, boolean expect429) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    profile.authenticate(op, credentials, headers, this);
    headers.putIfAbsent("Accept", accept(op));
    String path = path(op, id);
    for (int attempt = 0; ; attempt++) {
      Reply reply;
      try {
        reply = http.send(op.method(), path, query, headers, contentType, body);
      } catch (Unreachable e) {
        unreachable = e.getMessage();
        throw e;
      }
      if (reply.status() != 429 || expect429 || attempt >= RETRIES_ON_429) {
        if (!expect429) {
          waitOutSpentBudget(op, reply);
        }
        return reply;
      }
      sleepSeconds(retryAfter(reply));
    }
  }

  /**
   * The media types the operation answers, success first: content negotiation (API Platform) then picks the
   * format the spec describes rather than a plain-JSON rendering of it.
   */
  static String accept(Operation op) {
    java.util.LinkedHashSet<String> types = new java.util.LinkedHashSet<>();
    op.responses().values().forEach(r -> types.addAll(r.schemas().keySet()));
    types.add("*/*;q=0.1");
    return String.join(", ", types);
  }

  /** Sends a JSON body (or none) with the operation's own media type. */
  public Reply send(Operation op, String id, Credentials credentials, JsonNode body) {
    return send(op, id, Map.of(), Map.of(), credentials, body == null ? null : op.body().mediaType(),
        body == null ? null : bytes(body), false);
  }

  /** The path after the base URL: the spec's base path and the operation's path with the id in place. */
  public String path(Operation op, String id) {
    String path = op.path();
    Optional<Parameter> item = op.itemParam();
    if (item.isPresent()) {
      if (id == null) {
        throw new IllegalArgumentException(op.operationId() + " needs an id for {" + item.get().name() + "}");
      }
      path = path.replace("{" + item.get().name() + "}", id);
    }
    return basePath + path;
  }

  public static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Spaces a run against a real sandbox: when an answer says the documented budget is spent
   * ({@code X-RateLimit-Remaining: 0}), the next request waits for the window to end instead of drawing a 429.
   */
  private static void waitOutSpentBudget(Operation op, Reply reply) {
    if (op.rateLimit() == null) {
      return;
    }
    String remaining = header(reply, "remaining");
    if (remaining == null || !remaining.trim().equals("0")) {
      return;
    }
    long seconds = op.rateLimit().window().toSeconds();
    String reset = header(reply, "reset");
    if (reset != null && reset.trim().matches("\\d+")) {
      seconds = Math.max(0, Math.min(seconds, Long.parseLong(reset.trim()) - java.time.Instant.now().getEpochSecond()));
    }
    sleepSeconds((int) seconds + 1);
  }

  /** A rate-limit counter header by its de-facto names ({@code X-RateLimit-Remaining}, {@code RateLimit-Remaining}). */
  private static String header(Reply reply, String counter) {
    String value = reply.header("X-RateLimit-" + counter);
    return value != null ? value : reply.header("RateLimit-" + counter);
  }

  private static int retryAfter(Reply reply) {
    try {
      return Math.min(65, Math.max(1, Integer.parseInt(String.valueOf(reply.header("Retry-After")).trim())));
    } catch (NumberFormatException e) {
      return 2;
    }
  }

  private static void sleepSeconds(int seconds) {
    try {
      Thread.sleep(seconds * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CannotRun("interrupted while waiting out a rate limit");
    }
  }

  // ---- items the cases need --------------------------------------------------------------------------------

  /** The {@code index}-th shared item of a collection for a tenant, made (or listed) on first use. */
  public String shared(String resource, Credentials tenant, int index) {
    String key = tenant.kind() + "|" + resource;
    List<String> ids = shared.computeIfAbsent(key, k -> new ArrayList<>());
    while (ids.size() <= index) {
      ids.add(obtain(resource, tenant, null, sharedCreated, ids.size()));
    }
    return ids.get(index);
  }

  /** A new item of a collection for this case alone; it goes into {@code sink} for cleanup after the case. */
  public String fresh(String resource, Credentials tenant, BodyTemplate seed, Deque<Created> sink) {
    return obtain(resource, tenant, seed, sink, 0);
  }

  private String obtain(String resource, Credentials tenant, BodyTemplate seed, Deque<Created> sink, int index) {
    Optional<Operation> create = model.find(resource, Action.CREATE);
    if (create.isPresent() && create.get().body() != null && !readOnly) {
      BodyTemplate body = seed != null ? seed : generator.bodies().create(resource).orElseThrow();
      return create(create.get(), body, tenant, sink);
    }
    Optional<Operation> list = model.find(resource, Action.LIST);
    if (list.isPresent()) {
      Reply reply = send(list.get(), null, tenant, null);
      JsonNode items = items(reply.json());
      if (reply.status() / 100 != 2 || items == null || items.isEmpty()) {
        throw new CannotRun("prerequisite " + list.get().method() + " " + list.get().path() + " gave no item"
            + (readOnly ? " (a read-only run creates none)" : "") + ": " + reply.brief());
      }
      JsonNode item = items.get(Math.min(index, items.size() - 1));
      String id = profile.idOf(item);
      return id != null ? id : item.path("id").asText();
    }
    Optional<ApiModel.Embedding> host = model.embeddingOf(resource);
    if (host.isPresent()) {
      return embedded(host.get(), resource, tenant, index);
    }
    throw new CannotRun("no operation " + (readOnly ? "lists" : "creates or lists") + " '" + resource + "'"
        + (readOnly && create.isPresent() ? " (a read-only run creates none)" : ""));
  }

  /**
   * An existing item found inside another collection's list ({@code GET /api/clients} → {@code accounts[].id}):
   * the documents name no way to make one, so the run uses one the tenant already has.
   */
  private String embedded(ApiModel.Embedding host, String resource, Credentials tenant, int index) {
    Operation list = host.list();
    List<String> ids = new ArrayList<>();
    Map<String, String> query = new LinkedHashMap<>();
    // The largest page the spec allows, so one request sees as many parents as it can.
    for (Parameter p : list.parameters(Parameter.In.QUERY)) {
      JsonNode max = model.spec().deref(p.schemaNode()).get("maximum");
      if (max != null && p.name().toLowerCase(java.util.Locale.ROOT).matches(".*(size|limit|perpage).*")) {
        query.put(p.name(), max.asText());
      }
    }
    Reply reply = send(list, null, query, Map.of(), tenant, null, null, false);
    JsonNode items = items(reply.json());
    if (reply.status() / 100 == 2 && items != null) {
      for (JsonNode parent : items) {
        for (JsonNode child : parent.path(host.field())) {
          String id = profile.idOf(child);
          ids.add(id != null ? id : child.path("id").asText());
        }
      }
    }
    if (ids.isEmpty()) {
      throw new CannotRun("no " + list.resource() + " item listed by " + list.method() + " " + list.path()
          + " carries a " + host.field() + " entry, and the spec has no operation that creates '" + resource
          + "': only a tenant that already has one can run this case (" + reply.brief() + ")");
    }
    return ids.get(Math.min(index, ids.size() - 1));
  }

  /** Creates an item with a body template (its slots filled) and returns its id. */
  public String create(Operation create, BodyTemplate body, Credentials tenant, Deque<Created> sink) {
    JsonNode filled = fill(body.body(), body.slots(), tenant, create.resource(), sink);
    Reply reply = send(create, null, tenant, filled);
    String id = profile.idOf(reply.json());
    if (reply.status() / 100 != 2 || id == null) {
      throw new CannotRun("prerequisite " + create.method() + " " + create.path() + " failed: " + reply.brief());
    }
    sink.push(new Created(create.resource(), id, tenant));
    return id;
  }

  /**
   * Fills a body's slots: references with ids or IRIs of real items, credential fields with configured values.
   * References to the collection the case's own path names start at the second shared item, so a merge never
   * names the same item as source and target.
   */
  public JsonNode fill(JsonNode body, List<Slot> slots, Credentials tenant, String targetResource,
      Deque<Created> sink) {
    JsonNode copy = body.deepCopy();
    Map<String, Integer> used = new HashMap<>();
    for (Slot slot : slots) {
      JsonNode current = copy.at(slot.pointer());
      JsonNode value;
      if (slot.kind() == Slot.Kind.CREDENTIAL) {
        value = TextNode.valueOf(profile.credential(slot.name()).orElseThrow(() -> new CannotRun(
            "counterfeit." + profile.id() + "." + slot.name() + " is not set")));
      } else {
        String id;
        if (slot.fresh()) {
          id = fresh(slot.name(), tenant, null, sink);
        } else {
          int offset = slot.name().equals(targetResource) ? 1 : 0;
          id = shared(slot.name(), tenant, offset + used.merge(slot.name(), 1, Integer::sum) - 1);
        }
        value = slot.iri() ? TextNode.valueOf(iri(slot.name(), id))
            : current.isNumber() && id.matches("-?\\d+") ? JSON.getNodeFactory().numberNode(new BigDecimal(id))
            : TextNode.valueOf(id);
      }
      set(copy, slot.pointer(), value);
    }
    return copy;
  }

  /** The IRI of an item: its read operation's path with the id in place ({@code /clients/12}). */
  public String iri(String resource, String id) {
    return model.find(resource, Action.READ).map(Operation::path).orElse("/" + resource + "/{id}")
        .replaceAll("\\{[^}]+}$", id);
  }

  private static void set(JsonNode root, String pointer, JsonNode value) {
    JsonPointer p = JsonPointer.compile(pointer);
    JsonNode parent = root.at(p.head());
    String last = p.last().getMatchingProperty();
    if (parent instanceof ObjectNode o) {
      o.set(last, value);
    } else if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(last), value);
    }
  }

  /** The item array of a list answer, where the spec's envelope ({@link dev.counterfeit.openapi.Envelope}) puts it, or null. */
  public JsonNode items(JsonNode answer) {
    JsonNode items = answer == null ? null : answer.at(model.spec().envelope().list());
    return items != null && items.isArray() ? items : null;
  }

  /** Reads an item with the resource's read operation. */
  public Optional<Reply> read(String resource, String id, Credentials tenant) {
    return model.find(resource, Action.READ).map(op -> send(op, id, tenant, null));
  }

  /** Deletes the given items, newest first, where the spec has a delete operation; failures are only counted. */
  public void cleanUp(Deque<Created> created) {
    while (!created.isEmpty()) {
      Created c = created.pop();
      Optional<Operation> delete = model.find(c.resource(), Action.DELETE);
      if (delete.isEmpty() || unreachable != null) {
        undeletable++;
        continue;
      }
      try {
        Reply reply = send(delete.get(), c.id(), c.credentials(), null);
        if (reply.status() / 100 == 2 || reply.status() == 404) {
          deleted++;
        } else {
          undeletable++;
        }
      } catch (RuntimeException e) {
        undeletable++;
      }
    }
  }

  /** Forgets a shared item a case consumed (deleted or merged away), so the next case gets a new one. */
  public void forget(String resource, String id) {
    shared.values().forEach(ids -> ids.remove(id));
  }

  @Override
  public void close() {
    cleanUp(sharedCreated);
  }
}

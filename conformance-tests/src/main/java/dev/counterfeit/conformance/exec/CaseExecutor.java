package dev.counterfeit.conformance.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.counterfeit.conformance.cases.BodyTemplate;
import dev.counterfeit.conformance.cases.CaseGenerator;
import dev.counterfeit.conformance.cases.Check;
import dev.counterfeit.conformance.cases.ConformanceCase;
import dev.counterfeit.conformance.cases.Credentials;
import dev.counterfeit.conformance.cases.Rule;
import dev.counterfeit.conformance.exec.Session.Created;
import dev.counterfeit.openapi.model.Action;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.ObjectSchema;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.Property;
import dev.counterfeit.openapi.model.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs cases against an implementation with REST Assured and judges the answers against the spec: the status,
 * the body against the schema declared for that status and media type, the vendor's error code, and for writes
 * what a fresh read shows afterwards.
 */
public final class CaseExecutor {
  private final Session session;
  private final ApiModel model;
  private final VendorProfile profile;
  private final CaseExecutor rateLimits;
  private final RateLimitProbe probe;

  public CaseExecutor(Session session) {
    this(session, null, null);
  }

  /**
   * @param rateLimits runs the rate-limit cases against another session (a second fake with limits on), or null
   * @param spacingMillis the pause between a rate-limit case's requests, or null for half the documented rate
   */
  public CaseExecutor(Session session, CaseExecutor rateLimits, Long spacingMillis) {
    this.session = session;
    this.model = session.model();
    this.profile = session.profile();
    this.rateLimits = rateLimits;
    this.probe = new RateLimitProbe(session, this, spacingMillis, RateLimitProbe::sleep);
  }

  /** Runs one case; never throws for what the server does, only reports it. */
  public Outcome execute(ConformanceCase c) {
    String expected = expected(c);
    if (c.rule() == Rule.GENERATION_FAILED) {
      return Outcome.fail(expected, "no cases", "generating cases for " + c.operationId() + " failed: " + c.label());
    }
    if (session.unreachable() != null) {
      return Outcome.aborted(expected, "the server stopped answering earlier in this run: " + session.unreachable());
    }
    if (c.abortReason() != null) {
      return Outcome.aborted(expected, c.abortReason());
    }
    if (c.check() == Check.RATE_LIMIT && rateLimits != null) {
      return rateLimits.execute(c);
    }
    Deque<Created> created = new ArrayDeque<>();
    try {
      if (c.rule() == Rule.VENDOR_RULE) {
        return profile.runRule(c, session);
      }
      Operation op = model.byId(c.operationId())
          .orElseThrow(() -> new IllegalStateException("no operation " + c.operationId()));
      return run(c, op, expected, created);
    } catch (CannotRun e) {
      return Outcome.aborted(expected, e.getMessage());
    } catch (Unreachable e) {
      return Outcome.fail(expected, "no connection",
          e.getMessage() + " (the remaining cases of this run are aborted)");
    } catch (TimedOut e) {
      return Outcome.fail(expected, "timed out", e.getMessage());
    } catch (RuntimeException e) {
      // Whatever goes wrong while running a case is that case's failure, counted like any other.
      return Outcome.fail(expected, "error", e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      if (session.unreachable() == null) {
        session.cleanUp(created);
      }
    }
  }

  /** {@code 422 + schema}, {@code 201 + read-back}: what the case demands, for reports. */
  public static String expected(ConformanceCase c) {
    String extra = switch (c.check()) {
      case STATUS -> "";
      case READ_BACK -> ", stored as sent";
      case MERGE -> ", others unchanged";
      case REPLACE -> ", omitted reset";
      case GONE -> ", then 404";
      case NOT_RETURNED -> ", field not returned";
      case RATE_LIMIT -> " with its headers, then answers again";
    };
    return c.expectedStatus() + (c.rule() == Rule.VENDOR_RULE ? ", the rule holds" : extra);
  }

  private Outcome run(ConformanceCase c, Operation op, String expected, Deque<Created> created) {
    String id = target(c, op, created);
    JsonNode sent = null;
    byte[] body = null;
    if (c.request().rawBody() != null) {
      body = c.request().rawBody().getBytes(StandardCharsets.UTF_8);
    } else if (c.request().body() != null) {
      String targetResource = c.request().target() == dev.counterfeit.conformance.cases.Target.NONE
          ? null : op.itemResource();
      sent = session.fill(c.request().body(), c.request().slots(), Credentials.VALID, targetResource, created);
      body = Session.bytes(sent);
    }
    if (c.check() == Check.RATE_LIMIT) {
      List<String> problems = probe.run(c, op, id, body, created);
      return problems.isEmpty() ? Outcome.pass(expected, "429 as documented")
          : Outcome.fail(expected, problems.size() + " problem" + (problems.size() == 1 ? "" : "s"),
              String.join("\n", problems));
    }
    JsonNode before = c.check() == Check.MERGE ? readItem(op.resource(), id) : null;

    Reply reply = session.send(op, id, c.request().query(), c.request().headers(), c.request().credentials(),
        c.request().contentType(), body, c.expectedStatus() == 429);
    if (reply.status() / 100 == 2 && "POST".equals(op.method())
        && (op.action() == Action.CREATE || reply.status() == 201)) {
      String newId = profile.idOf(reply.json());
      if (newId != null) {
        created.push(new Created(op.resource(), newId, Credentials.VALID));
      }
    }

    List<String> problems = new ArrayList<>();
    if (reply.status() != c.expectedStatus()) {
      problems.add("answered " + reply.status() + " where the spec demands " + c.expectedStatus());
    }
    problems.addAll(shape(op, reply));
    if (reply.status() == c.expectedStatus()) {
      profile.errorCode(c).ifPresent(code -> {
        JsonNode json = reply.json();
        String actual = json == null ? null
            : profile.errorCodePointer().map(pointer -> json.at(pointer).asText(null)).orElse(null);
        if (!code.equals(actual)) {
          problems.add("error code " + actual + " where " + code + " is due");
        }
      });
    }
    if (problems.isEmpty()) {
      String itemId = op.action() == Action.CREATE ? profile.idOf(reply.json()) : id;
      problems.addAll(switch (c.check()) {
        case STATUS -> List.of();
        case READ_BACK -> readBack(c, op, itemId, sent, reply);
        case MERGE -> merged(op, itemId, sent, before, reply);
        case REPLACE -> replaced(c, op, itemId, sent, reply);
        case GONE -> gone(op, itemId);
        case NOT_RETURNED -> notReturned(op, itemId, reply);
        case RATE_LIMIT -> throw new IllegalStateException("rate-limit cases run in the probe");
      });
    }
    String actual = reply.status() + (problems.isEmpty() ? "" : " (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + ")");
    if (problems.isEmpty()) {
      return Outcome.pass(expected, actual);
    }
    return Outcome.fail(expected, actual, String.join("\n", problems) + "\nanswer: " + reply.brief());
  }

  private String target(ConformanceCase c, Operation op, Deque<Created> created) {
    return switch (c.request().target()) {
      case NONE -> null;
      case SHARED -> session.shared(op.itemResource(), Credentials.VALID, 0);
      case FRESH -> session.fresh(op.itemResource(), Credentials.VALID, c.request().seed() == null ? null
          : new BodyTemplate(c.request().seed(), c.request().seedSlots()), created);
      case UNKNOWN -> c.request().unknownId();
      case OTHER_TENANT -> {
        if (!profile.has(Credentials.Kind.OTHER_TENANT)) {
          throw new CannotRun("no credentials of another tenant configured (counterfeit." + profile.id()
              + ".other…)");
        }
        yield session.shared(op.itemResource(), Credentials.OTHER_TENANT, 0);
      }
    };
  }

  // ---- shape of every answer ---------------------------------------------------------------------------------

  /** Problems of an answer's Content-Type and body against what the spec declares for its status. */
  public List<String> shape(Operation op, Reply reply) {
    Response declared = op.response(reply.status()).orElse(null);
    if (declared == null) {
      return List.of("status " + reply.status() + " is not declared for " + op.operationId());
    }
    List<String> problems = new ArrayList<>();
    for (String header : declared.requiredHeaders()) {
      if (reply.header(header) == null) {
        problems.add("the required header " + header + " is missing from the " + reply.status() + " answer");
      }
    }
    if (declared.schemas().isEmpty()) {
      return problems;
    }
    String contentType = reply.contentType();
    String base = contentType == null ? null : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (base == null || !declared.schemas().containsKey(base)) {
      problems.add("Content-Type " + contentType + " where the spec declares " + declared.schemas().keySet()
          + " for " + reply.status());
      return problems;
    }
    JsonNode json = reply.json();
    if (json == null) {
      problems.add("the body is not JSON: " + reply.brief());
      return problems;
    }
    List<Error> errors = model.spec().schema(declared.schemaFor(base)).validate(json);
    if (!errors.isEmpty()) {
      List<String> lines = errors.stream().limit(3).map(Error::toString).toList();
      problems.add("the body does not match the spec's " + reply.status() + " schema ("
          + declared.schemaFor(base) + "): " + String.join("; ", lines)
          + (errors.size() > 3 ? "; and " + (errors.size() - 3) + " more" : ""));
    }
    return problems;
  }

  // ---- what a fresh read shows ---------------------------------------------------------------------------------

  private JsonNode readItem(String resource, String id) {
    return readReply(resource, id).json().at(profile.itemPointer());
  }

  private Reply readReply(String resource, String id) {
    Optional<Reply> reply = session.read(resource, id, Credentials.VALID);
    if (reply.isEmpty()) {
      throw new CannotRun("the spec has no read operation for '" + resource + "' to observe the item with");
    }
    Reply r = reply.get();
    if (r.status() / 100 != 2 || r.json() == null) {
      throw new CannotRun("reading " + resource + " " + id + " to observe it failed: " + r.brief());
    }
    return r;
  }

  /** The fresh read after a write: its shape against the read schema, and whether the write's answer agrees. */
  private List<String> observedAfterWrite(Operation op, Reply answer, Reply read) {
    List<String> problems = new ArrayList<>();
    model.find(op.resource(), Action.READ)
        .ifPresent(readOp -> shape(readOp, read).forEach(p -> problems.add("read back: " + p)));
    problems.addAll(disagreements(op, answer, read));
    return problems;
  }

  /**
   * Answer ≡ record: every field the write's answer and a fresh read both carry has the same value in both, except
   * those the read schema marks volatile ({@link dev.counterfeit.openapi.model.Property#isVolatile()}). Clients use a
   * write's answer as the stored item.
   */
  public List<String> disagreements(Operation op, Reply answer, Reply read) {
    JsonNode said = answer.json() == null ? null : answer.json().at(profile.itemPointer());
    JsonNode stored = read.json() == null ? null : read.json().at(profile.itemPointer());
    if (said == null || stored == null || !said.isObject() || !stored.isObject()) {
      return List.of();
    }
    Set<String> skip = Observed.of(model, op.resource(), profile.itemPointer())
        .map(Observed::volatileInAnswers).orElse(Set.of());
    String what = switch (op.action()) {
      case CREATE -> "create answer";
      case REPLACE -> "replace answer";
      case MERGE -> "partial update answer";
      default -> op.operationId() + " answer";
    };
    return Observed.disagreements(what, said, stored, skip);
  }

  private List<String> readBack(ConformanceCase c, Operation op, String id, JsonNode sent, Reply answer) {
    List<String> problems = new ArrayList<>();
    if (id == null) {
      return List.of("the answer carries no id at " + profile.idPointer());
    }
    Reply read = session.read(op.resource(), id, Credentials.VALID).orElseThrow();
    if (read.status() / 100 != 2 || read.json() == null) {
      return List.of("reading the item back answered " + read.brief());
    }
    problems.addAll(observedAfterWrite(op, answer, read));
    JsonNode item = read.json().at(profile.itemPointer());
    Observed observed = observed(op);
    ObjectSchema body = model.object(op.body().schemaNode());
    if (sent != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Optional<Property> property = body.property(e.getKey());
        if (property.isEmpty() || c.expectations().containsKey(e.getKey())) {
          continue;
        }
        if (property.get().schema().path("writeOnly").asBoolean(false)) {
          problems.addAll(absent(e.getKey(), answer.json(), "the answer"));
          problems.addAll(absent(e.getKey(), item, "the read"));
          continue;
        }
        observed.locate(e.getKey())
            .map(location -> Observed.mismatch(e.getKey(), location, e.getValue(), item))
            .ifPresent(problems::add);
      }
    }
    for (Map.Entry<String, JsonNode> e : c.expectations().entrySet()) {
      observed.locate(e.getKey())
          .map(location -> Observed.mismatch(e.getKey(), location, e.getValue(), item))
          .ifPresent(problems::add);
    }
    return problems;
  }

  private List<String> merged(Operation op, String id, JsonNode sent, JsonNode before, Reply answer) {
    List<String> problems = new ArrayList<>();
    Optional<String> updatedFields = profile.updatedFieldsPointer();
    if (updatedFields.isPresent() && sent != null) {
      Set<String> listed = new TreeSet<>();
      JsonNode json = answer.json();
      (json == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : json.at(updatedFields.get()))
          .forEach(n -> listed.add(n.asText()));
      Set<String> expectedFields = new TreeSet<>();
      sent.fieldNames().forEachRemaining(expectedFields::add);
      if (!listed.equals(expectedFields)) {
        problems.add(updatedFields.get() + " lists " + listed + " where exactly the sent fields " + expectedFields
            + " are due");
      }
    }
    Reply read = readReply(op.resource(), id);
    problems.addAll(observedAfterWrite(op, answer, read));
    JsonNode after = read.json().at(profile.itemPointer());
    Observed observed = observed(op);
    Set<String> changed = new TreeSet<>(observed.volatilePointers());
    if (sent != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Optional<Observed.Location> location = observed.locate(e.getKey());
        if (location.isEmpty()) {
          continue;
        }
        changed.add(location.get().pointer());
        String mismatch = Observed.mismatch(e.getKey(), location.get(), e.getValue(), after);
        if (mismatch != null) {
          problems.add(mismatch);
        }
      }
    }
    Map<String, JsonNode> was = Observed.leaves(before);
    Map<String, JsonNode> is = Observed.leaves(after);
    for (Map.Entry<String, JsonNode> e : was.entrySet()) {
      if (changed.stream().anyMatch(p -> e.getKey().equals(p) || e.getKey().startsWith(p + "/"))) {
        continue;
      }
      JsonNode now = is.get(e.getKey());
      if (now == null || !Observed.same(e.getValue(), now)) {
        problems.add("unsent field " + e.getKey() + " changed from " + Observed.cut(e.getValue()) + " to "
            + (now == null ? "(missing)" : Observed.cut(now)));
      }
    }
    return problems;
  }

  private List<String> replaced(ConformanceCase c, Operation op, String id, JsonNode sent, Reply answer) {
    List<String> problems = new ArrayList<>();
    Reply read = readReply(op.resource(), id);
    problems.addAll(observedAfterWrite(op, answer, read));
    JsonNode after = read.json().at(profile.itemPointer());
    Observed observed = observed(op);
    Map<String, JsonNode> fields = new java.util.LinkedHashMap<>(c.expectations());
    if (sent != null) {
      sent.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    }
    for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
      observed.locate(e.getKey())
          .map(location -> Observed.mismatch(e.getKey(), location, e.getValue(), after))
          .map(m -> c.expectations().containsKey(e.getKey()) ? "omitted " + m.replaceFirst(": sent ", ": due ") : m)
          .ifPresent(problems::add);
    }
    return problems;
  }

  private List<String> gone(Operation op, String id) {
    Reply read = session.read(op.resource(), id, Credentials.VALID).orElseThrow();
    if (read.status() != 404) {
      return List.of("reading the deleted item answered " + read.brief() + " where 404 is due");
    }
    Operation readOp = model.find(op.resource(), Action.READ).orElseThrow();
    return shape(readOp, read).stream().map(p -> "read after delete: " + p).toList();
  }

  private List<String> notReturned(Operation op, String id, Reply answer) {
    List<String> problems = new ArrayList<>(absent(CaseGenerator.UNKNOWN_FIELD, answer.json(), "the answer"));
    if (id != null && model.find(op.resource(), Action.READ).isPresent()) {
      problems.addAll(absent(CaseGenerator.UNKNOWN_FIELD, readItem(op.resource(), id), "the read"));
    }
    return problems;
  }

  private static List<String> absent(String field, JsonNode json, String where) {
    if (json != null && json.findValue(field) != null) {
      return List.of(field + " was accepted but must never be returned, yet " + where + " shows it");
    }
    return List.of();
  }

  private Observed observed(Operation op) {
    return Observed.of(model, op.resource(), profile.itemPointer())
        .orElseThrow(() -> new CannotRun("the spec has no read operation for '" + op.resource() + "'"));
  }
}

package dev.counterfeit.conformance.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.conformance.cases.BodyTemplate;
import dev.counterfeit.conformance.cases.ConformanceCase;
import dev.counterfeit.conformance.cases.Credentials;
import dev.counterfeit.conformance.exec.CaseExecutor;
import dev.counterfeit.conformance.exec.Outcome;
import dev.counterfeit.conformance.exec.Reply;
import dev.counterfeit.conformance.exec.Session;
import dev.counterfeit.openapi.model.Operation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The toolkit of a hand-written vendor rule: send requests by operationId, create items that are cleaned up
 * afterwards, and collect problems instead of stopping at the first.
 */
final class RuleContext implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** For the generated models: absent fields stay absent, and an answer must bind with no field left over. */
  private static final ObjectMapper MODELS = new ObjectMapper()
      .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Session session;
  private final ConformanceCase rule;
  private final CaseExecutor executor;
  private final Deque<Session.Created> created = new ArrayDeque<>();
  private final List<String> problems = new ArrayList<>();
  private Reply last;

  RuleContext(Session session, ConformanceCase rule) {
    this.session = session;
    this.rule = rule;
    this.executor = new CaseExecutor(session);
  }

  Session session() {
    return session;
  }

  Operation op(String operationId) {
    return session.model().byId(operationId)
        .orElseThrow(() -> new IllegalStateException("the spec has no operation " + operationId));
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** A generated request model as the JSON body it stands for. */
  static ObjectNode body(Object model) {
    return MODELS.valueToTree(model);
  }

  /** An answer read into a generated model, or null after recording why it does not bind (unknown or mistyped fields). */
  <T> T bind(JsonNode answer, Class<T> model, String what) {
    try {
      return MODELS.treeToValue(answer, model);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      problems.add(what + ": the answer does not bind to " + model.getSimpleName() + ": " + e.getOriginalMessage());
      return null;
    }
  }

  /** Sends with valid credentials and the operation's media type. */
  Reply send(String operationId, String id, Map<String, String> headers, JsonNode body) {
    return sendAs(Credentials.VALID, operationId, id, headers, body);
  }

  Reply sendAs(Credentials credentials, String operationId, String id, Map<String, String> headers, JsonNode body) {
    Operation op = op(operationId);
    last = session.send(op, id, Map.of(), headers, credentials, body == null ? null : op.body().mediaType(),
        body == null ? null : Session.bytes(body), false);
    if (last.status() / 100 == 2 && "POST".equals(op.method()) && op.resource() != null) {
      String newId = session.profile().idOf(last.json());
      if (newId != null) {
        created.push(new Session.Created(op.resource(), newId, credentials));
      }
    }
    return last;
  }

  /** A fresh item of a collection made from the spec's create body; cleaned up afterwards. */
  String fresh(String resource) {
    return session.fresh(resource, Credentials.VALID, null, created);
  }

  /** A fresh item made from a given body (references still filled from the template's slots). */
  String fresh(String resource, BodyTemplate body) {
    return session.fresh(resource, Credentials.VALID, body, created);
  }

  /** Checks a reply's status and its body against the spec's schema for that status. */
  boolean expect(String operationId, Reply reply, int status, String what) {
    if (reply.status() != status) {
      problems.add(what + ": answered " + reply.brief() + " where " + status + " is due");
      return false;
    }
    executor.shape(op(operationId), reply).forEach(p -> problems.add(what + ": " + p));
    return true;
  }

  /** {@link #expect} with the operation's success status from the spec. */
  boolean expectSuccess(String operationId, Reply reply, String what) {
    return expect(operationId, reply, op(operationId).successStatus(), what);
  }

  /** {@link #expect} with the status the spec gives a request the operation's schema refuses. */
  boolean expectRefused(String operationId, Reply reply, String what) {
    return expect(operationId, reply, VendorRules.REFUSED.applyAsInt(op(operationId)), what);
  }

  /** Answer ≡ record: the write's answer and a fresh read agree on every field both carry. */
  void agree(String operationId, Reply answer, Reply read) {
    problems.addAll(executor.disagreements(op(operationId), answer, read));
  }

  void check(boolean condition, String problem) {
    if (!condition) {
      problems.add(problem);
    }
  }

  Outcome outcome() {
    String expected = CaseExecutor.expected(rule);
    if (problems.isEmpty()) {
      return Outcome.pass(expected, "as the rule says");
    }
    return Outcome.fail(expected, problems.size() + " problem" + (problems.size() == 1 ? "" : "s"),
        String.join("\n", problems) + (last == null ? "" : "\nlast answer: " + last.brief()));
  }

  @Override
  public void close() {
    if (session.unreachable() == null) {
      session.cleanUp(created);
    }
  }
}

package dev.counterfeit.conformance.vendor;

import dev.counterfeit.conformance.cases.CaseRequest;
import dev.counterfeit.conformance.cases.Check;
import dev.counterfeit.conformance.cases.ConformanceCase;
import dev.counterfeit.conformance.cases.Conventions;
import dev.counterfeit.conformance.cases.Polarity;
import dev.counterfeit.conformance.cases.Rule;
import dev.counterfeit.conformance.cases.Target;
import dev.counterfeit.conformance.exec.Outcome;
import dev.counterfeit.conformance.exec.Session;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * A vendor's hand-written rules by key: each becomes a named case under its operation and runs as a small
 * script over a {@link RuleContext}.
 */
final class VendorRules {
  /** The main request succeeds: the operation's success status in the spec. */
  static final ToIntFunction<Operation> SUCCESS = Operation::successStatus;
  /** The main request is refused: the status the spec gives a request its schema refuses. */
  static final ToIntFunction<Operation> REFUSED = Conventions.DEFAULTS::validationStatus;

  private record Entry(String operationId, ToIntFunction<Operation> status, String label,
      Consumer<RuleContext> script, String abort) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /**
   * Adds a rule. The label says what must hold; {@code status} gives the answer the rule's main request expects
   * from the operation's spec ({@link #SUCCESS}, {@link #REFUSED}, or a fixed HTTP status).
   */
  VendorRules add(String key, String operationId, ToIntFunction<Operation> status, String label,
      Consumer<RuleContext> script) {
    entries.put(key, new Entry(operationId, status, label, script, null));
    return this;
  }

  /** Adds a rule that is switched off in this run, with the reason shown in the report. */
  VendorRules off(String key, String operationId, ToIntFunction<Operation> status, String label,
      String reason) {
    entries.put(key, new Entry(operationId, status, label, null, reason));
    return this;
  }

  List<ConformanceCase> cases(ApiModel model) {
    List<ConformanceCase> cases = new ArrayList<>();
    entries.forEach((key, e) -> {
      Operation op = model.byId(e.operationId())
          .orElseThrow(() -> new IllegalStateException("vendor rule " + key + ": no operation " + e.operationId()));
      cases.add(new ConformanceCase(model.vendor(), op.operationId(), op.method(), op.path(), Rule.VENDOR_RULE, key,
          "rule: " + e.label(), e.status().applyAsInt(op), CaseRequest.empty(Target.NONE), Polarity.POSITIVE, Check.STATUS,
          Map.of(), e.abort()));
    });
    return cases;
  }

  Outcome run(ConformanceCase c, Session session) {
    Entry entry = entries.get(c.subject());
    if (entry == null || entry.script() == null) {
      return Outcome.aborted(c.label(), "no script for vendor rule " + c.subject());
    }
    try (RuleContext context = new RuleContext(session, c)) {
      entry.script().accept(context);
      return context.outcome();
    }
  }
}

package dev.counterfeit.stubs.proxy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the proxy saw, per operation of every proxied API: requests seen, contract breaks counted by rule,
 * and the last few breaking exchanges as examples. Operations never called are listed too, so the report
 * also shows what traffic did not cover. Thread-safe.
 */
final class DriftLog {
  /** Examples kept per operation, newest first. */
  static final int EXAMPLES = 5;
  /** The key of the entry for requests that match no operation of a proxied API. */
  static final String UNDECLARED = "(undeclared route)";

  private record Example(Instant at, String method, String path, int status, List<Finding> findings) {}

  private static final class Tally {
    final String vendor;
    final String operationId;
    final String method;
    final String template;
    long requests;
    long breaking;
    final Map<String, Long> byRule = new TreeMap<>();
    final Deque<Example> examples = new ArrayDeque<>();

    Tally(String vendor, String operationId, String method, String template) {
      this.vendor = vendor;
      this.operationId = operationId;
      this.method = method;
      this.template = template;
    }
  }

  private final Map<String, URI> upstreams;
  private final Clock clock;
  private final Map<String, Tally> tallies = new LinkedHashMap<>();

  DriftLog(Map<String, URI> upstreams, List<ApiModel> proxied, Clock clock) {
    this.upstreams = upstreams;
    this.clock = clock;
    proxied.stream().sorted(Comparator.comparing(ApiModel::vendor)).forEach(api -> api.operations().stream()
        .sorted(Comparator.comparing(Operation::template).thenComparing(Operation::method))
        .forEach(op -> tallies.put(key(api.vendor(), op.operationId()),
            new Tally(api.vendor(), op.operationId(), op.method(), op.template()))));
  }

  private static String key(String vendor, String operationId) {
    return vendor + "\n" + operationId;
  }

  /** Counts one exchange; {@code operation} is null when the request matched none. */
  synchronized void record(String vendor, Operation operation, String method, String path, int status,
      List<Finding> findings) {
    String id = operation == null ? UNDECLARED : operation.operationId();
    Tally tally = tallies.computeIfAbsent(key(vendor, id), k -> new Tally(vendor, id, "*", "*"));
    tally.requests++;
    if (findings.isEmpty()) {
      return;
    }
    tally.breaking++;
    findings.forEach(f -> tally.byRule.merge(f.rule(), 1L, Long::sum));
    tally.examples.addFirst(new Example(clock.instant(), method, path, status, List.copyOf(findings)));
    while (tally.examples.size() > EXAMPLES) {
      tally.examples.removeLast();
    }
  }

  /** Forgets every count and example. */
  synchronized void clear() {
    tallies.values().removeIf(t -> t.operationId.equals(UNDECLARED));
    tallies.values().forEach(t -> {
      t.requests = 0;
      t.breaking = 0;
      t.byRule.clear();
      t.examples.clear();
    });
  }

  /**
   * {@code {upstreams, requests, breaking, violations: {rule: count}, operations: [{vendor, operationId, method,
   * path, requests, breaking, violations: {rule: count}, examples: [{at, method, path, status, violations:
   * [{rule, message}]}]}]}}.
   */
  synchronized ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode ups = root.putObject("upstreams");
    upstreams.forEach((vendor, uri) -> ups.put(vendor, uri.toString()));
    root.put("requests", tallies.values().stream().mapToLong(t -> t.requests).sum());
    root.put("breaking", tallies.values().stream().mapToLong(t -> t.breaking).sum());
    ObjectNode totals = root.putObject("violations");
    totalsByRule().forEach(totals::put);
    ArrayNode operations = root.putArray("operations");
    for (Tally t : tallies.values()) {
      ObjectNode op = operations.addObject()
          .put("vendor", t.vendor).put("operationId", t.operationId).put("method", t.method).put("path", t.template)
          .put("requests", t.requests).put("breaking", t.breaking);
      ObjectNode rules = op.putObject("violations");
      t.byRule.forEach(rules::put);
      ArrayNode examples = op.putArray("examples");
      for (Example e : t.examples) {
        ObjectNode example = examples.addObject().put("at", e.at().toString()).put("method", e.method())
            .put("path", e.path()).put("status", e.status());
        ArrayNode found = example.putArray("violations");
        e.findings().forEach(f -> found.addObject().put("rule", f.rule()).put("message", f.message()));
      }
    }
    return root;
  }

  private Map<String, Long> totalsByRule() {
    Map<String, Long> totals = new TreeMap<>();
    tallies.values().forEach(t -> t.byRule.forEach((rule, count) -> totals.merge(rule, count, Long::sum)));
    return totals;
  }

  /** The same as a Markdown page: a table of every operation, then the examples of those that broke. */
  synchronized String toMarkdown() {
    StringBuilder md = new StringBuilder("# Contract drift\n\n");
    upstreams.forEach((vendor, uri) -> md.append("- ").append(vendor).append(" → ").append(uri).append('\n'));
    md.append("\n").append(tallies.values().stream().mapToLong(t -> t.requests).sum()).append(" requests, ")
        .append(tallies.values().stream().mapToLong(t -> t.breaking).sum()).append(" broke the contract.\n");
    md.append("\n| vendor | operation | requests | breaking | violations by rule |\n|---|---|---:|---:|---|\n");
    for (Tally t : tallies.values()) {
      md.append("| ").append(t.vendor).append(" | `").append(t.method).append(' ').append(t.template).append("` ")
          .append(t.operationId).append(" | ").append(t.requests).append(" | ").append(t.breaking).append(" | ");
      t.byRule.forEach((rule, count) -> md.append('`').append(rule).append("` ").append(count).append(' '));
      md.append("|\n");
    }
    for (Tally t : tallies.values()) {
      if (t.examples.isEmpty()) {
        continue;
      }
      md.append("\n## ").append(t.vendor).append(' ').append(t.operationId).append("\n\n");
      for (Example e : t.examples) {
        md.append("- ").append(e.at()).append(" `").append(e.method()).append(' ').append(e.path()).append("` → ")
            .append(e.status()).append('\n');
        e.findings().forEach(f -> md.append("  - `").append(f.rule()).append("` ").append(f.message()).append('\n'));
      }
    }
    return md.toString();
  }
}

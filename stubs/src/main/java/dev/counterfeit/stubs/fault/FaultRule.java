package dev.counterfeit.stubs.fault;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.openapi.model.Operation;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A standing order to fail or slow down matching requests; every criterion left null matches anything.
 * Immutable apart from its counters.
 */
public final class FaultRule {
  private final long id;
  private final String api;
  private final String operationId;
  private final String path;
  private final Pattern pathPattern;
  private final String method;
  private final FaultKind fault;
  private final Duration delay;
  private final double probability;
  private final Integer count;
  private final int retryAfterSeconds;
  private final AtomicLong fired = new AtomicLong();
  /** Firings left; negative for no end. */
  private final AtomicInteger left;

  /**
   * @param id assigned when the rule is added
   * @param api the vendor id
   * @param operationId the spec's operation id
   * @param path a path template as the spec writes it ({@code /api/public/v1/clients/{client}}) or a concrete
   *     path; {@code *} matches any run of characters
   * @param method the HTTP method, upper-case
   * @param fault the failure to answer, or null to only delay
   * @param delay how long to wait before answering, or null
   * @param probability the chance, above 0 and at most 1, that a matching request is hit
   * @param count how many times the rule fires before it retires itself, or null for no end
   * @param retryAfterSeconds the {@code Retry-After} of a forced 429
   */
  public FaultRule(long id, String api, String operationId, String path, String method, FaultKind fault,
      Duration delay, double probability, Integer count, int retryAfterSeconds) {
    this.id = id;
    this.api = api;
    this.operationId = operationId;
    this.path = path;
    this.pathPattern = path == null || path.indexOf('*') < 0 ? null : glob(path);
    this.method = method;
    this.fault = fault;
    this.delay = delay;
    this.probability = probability;
    this.count = count;
    this.retryAfterSeconds = retryAfterSeconds;
    this.left = new AtomicInteger(count == null ? -1 : count);
  }

  private static Pattern glob(String path) {
    StringBuilder regex = new StringBuilder();
    for (String part : path.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  public long id() {
    return id;
  }

  public String api() {
    return api;
  }

  FaultKind fault() {
    return fault;
  }

  Duration delay() {
    return delay;
  }

  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  boolean matches(String vendor, Operation operation, HttpRequest request) {
    return (api == null || api.equals(vendor))
        && (operationId == null || operationId.equals(operation.operationId()))
        && (method == null || method.equals(request.method()))
        && (path == null || pathMatches(operation.template()) || pathMatches(request.path()));
  }

  private boolean pathMatches(String candidate) {
    return pathPattern == null ? path.equals(candidate) : pathPattern.matcher(candidate).matches();
  }

  /** Rolls the dice and takes a firing; true when this request is hit. */
  boolean fire() {
    if (probability < 1.0 && ThreadLocalRandom.current().nextDouble() >= probability) {
      return false;
    }
    while (true) {
      int now = left.get();
      if (now == 0) {
        return false;
      }
      if (now < 0 || left.compareAndSet(now, now - 1)) {
        fired.incrementAndGet();
        return true;
      }
    }
  }

  /** Whether its count is used up. */
  boolean spent() {
    return left.get() == 0;
  }

  /** As {@code GET /__counterfeit/faults} lists it. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", id);
    putIf(node, "api", api);
    putIf(node, "operationId", operationId);
    putIf(node, "path", path);
    putIf(node, "method", method);
    if (fault != null) {
      node.put("fault", fault.token());
    }
    if (delay != null) {
      node.put("delayMs", delay.toMillis());
    }
    node.put("probability", probability);
    if (count != null) {
      node.put("count", count);
      node.put("remaining", Math.max(0, left.get()));
    }
    if (fault == FaultKind.TOO_MANY_REQUESTS) {
      node.put("retryAfter", retryAfterSeconds);
    }
    node.put("fired", fired.get());
    return node;
  }

  private static void putIf(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}

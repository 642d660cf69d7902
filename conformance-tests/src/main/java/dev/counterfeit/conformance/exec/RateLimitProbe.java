package dev.counterfeit.conformance.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.conformance.cases.ConformanceCase;
import dev.counterfeit.openapi.model.Action;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.RateLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Runs a rate-limit case from the spec's {@code x-counterfeit-rate-limit}: sends the case's request (one that changes
 * nothing) at a steady pace until the 429, checks the counters the answers carry on the way, the 429's envelope
 * and headers, then honours its {@code Retry-After} and checks the operation answers again, so the run (and a
 * shared sandbox) carries on with a fresh window.
 *
 * <p>Counters are read from the de-facto standard headers when the spec declares them: {@code X-RateLimit-Limit}
 * (or {@code RateLimit-Limit}) must equal the documented limit, {@code …-Remaining} must fall by one per request
 * and be 0 on the 429, {@code …-Reset} must lie within the window.
 */
final class RateLimitProbe {
  private final Session session;
  private final CaseExecutor shapes;
  private final Long spacingMillis;
  private final LongConsumer sleeper;
  private Deque<Session.Created> created;

  /**
   * @param session where the requests go (the fake runs them against a second instance with limits on)
   * @param shapes checks answers against the spec (the session's own executor)
   * @param spacingMillis the pause between requests, or null for half the documented rate
   */
  RateLimitProbe(Session session, CaseExecutor shapes, Long spacingMillis, LongConsumer sleeper) {
    this.session = session;
    this.shapes = shapes;
    this.spacingMillis = spacingMillis;
    this.sleeper = sleeper;
  }

  /** @param created where an item a non-conforming implementation creates anyway goes, for cleanup */
  List<String> run(ConformanceCase c, Operation op, String id, byte[] body, Deque<Session.Created> created) {
    this.created = created;
    RateLimit limit = op.rateLimit();
    long pause = spacingMillis != null ? spacingMillis : limit.window().toSeconds() * 1000L / (2L * limit.requests());
    int budget = 2 * limit.requests() + 2;
    List<String> problems = new ArrayList<>();
    String limitHeader = declared(op, "limit");
    String remainingHeader = declared(op, "remaining");
    String resetHeader = declared(op, "reset");
    Reply last = null;
    Integer previousRemaining = null;
    int sent = 0;
    while (sent < budget) {
      if (sent > 0) {
        sleeper.accept(pause);
      }
      last = send(c, op, id, body);
      sent++;
      if (last.status() == 429) {
        break;
      }
      Optional<Integer> remaining = number(last, remainingHeader);
      counters(last, limitHeader, limit, problems, "answer " + sent);
      if (remaining.isPresent()) {
        if (previousRemaining != null && remaining.get() != previousRemaining - 1) {
          problems.add("answer " + sent + ": " + remainingHeader + " is " + remaining.get() + " after "
              + previousRemaining + ", where one less is due");
        }
        previousRemaining = remaining.get();
      }
    }
    if (last == null || last.status() != 429) {
      problems.add("no 429 after " + sent + " requests, where the spec allows " + limit.requests() + " per "
          + limit.window().toSeconds() + " s per " + limit.per().name().toLowerCase(Locale.ROOT) + (last == null ? "" : "; last answer: " + last.brief()));
      return problems;
    }
    if (previousRemaining != null && previousRemaining != 0) {
      problems.add("429 after request " + sent + " while the answer before said " + remainingHeader + ": "
          + previousRemaining);
    }
    if (remainingHeader == null && sent > limit.requests() + 1) {
      problems.add("429 only after " + sent + " requests, where " + limit.requests() + " per " + limit.window().toSeconds()
          + " s are allowed");
    }
    problems.addAll(shapes.shape(op, last).stream().map(p -> "429: " + p).toList());
    Reply tooMany = last;
    session.profile().errorCode(c).ifPresent(code -> {
      JsonNode json = tooMany.json();
      String actual = json == null ? null
          : session.profile().errorCodePointer().map(pointer -> json.at(pointer).asText(null)).orElse(null);
      if (!code.equals(actual)) {
        problems.add("429: error code " + actual + " where " + code + " is due");
      }
    });
    counters(last, limitHeader, limit, problems, "429");
    number(last, remainingHeader).filter(n -> n != 0)
        .ifPresent(n -> problems.add("429: " + remainingHeader + " is " + n + " where 0 is due"));
    long now = Instant.now().getEpochSecond();
    Optional<Integer> reset = number(last, resetHeader);
    reset.filter(r -> r < now - 1 || r > now + limit.window().toSeconds() + 1).ifPresent(r -> problems.add("429: "
        + resetHeader + " is " + r + ", outside the window of " + limit.window().toSeconds() + " s from now (" + now + ")"));
    Optional<Integer> retryAfter = number(last, "Retry-After");
    retryAfter.filter(r -> r < 0 || r > limit.window().toSeconds() + 1).ifPresent(r -> problems.add("429: Retry-After is " + r
        + " s, beyond the documented window of " + limit.window().toSeconds() + " s"));

    // The window: once the wait the answer asks for has passed, the operation answers again.
    long waitSeconds = retryAfter.map(Integer::longValue)
        .or(() -> reset.map(r -> Math.max(0, r - now)))
        .orElse((long) limit.window().toSeconds());
    sleeper.accept(Math.min(waitSeconds, limit.window().toSeconds() + 1L) * 1000L + 250L);
    Reply again = send(c, op, id, body);
    if (again.status() == 429) {
      problems.add("still 429 after waiting " + waitSeconds + " s as the 429 asked: " + again.brief());
    } else {
      number(again, remainingHeader).filter(n -> n != limit.requests() - 1).ifPresent(n -> problems.add(
          "after the window " + remainingHeader + " is " + n + " where a fresh window's " + (limit.requests() - 1)
              + " is due"));
    }
    return problems;
  }

  private Reply send(ConformanceCase c, Operation op, String id, byte[] body) {
    Reply reply = session.send(op, id, c.request().query(), c.request().headers(), c.request().credentials(),
        c.request().contentType(), body, true);
    if (reply.status() / 100 == 2 && op.action() == Action.CREATE) {
      String newId = session.profile().idOf(reply.json());
      if (newId != null) {
        created.push(new Session.Created(op.resource(), newId, c.request().credentials()));
      }
    }
    return reply;
  }

  private static void counters(Reply reply, String limitHeader, RateLimit limit, List<String> problems, String what) {
    number(reply, limitHeader).filter(n -> n != limit.requests()).ifPresent(n -> problems.add(what + ": "
        + limitHeader + " is " + n + " where the documented " + limit.requests() + " is due"));
  }

  /** The header the operation's answers declare for a counter ({@code X-RateLimit-Remaining}), or null. */
  private static String declared(Operation op, String counter) {
    return op.responses().values().stream()
        .flatMap(r -> r.headers().stream())
        .filter(h -> h.toLowerCase(java.util.Locale.ROOT).matches("(x-)?ratelimit-" + counter))
        .findFirst().orElse(null);
  }

  private static Optional<Integer> number(Reply reply, String header) {
    if (header == null || reply.header(header) == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(reply.header(header).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The pauses of a real run. */
  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CannotRun("interrupted while pacing a rate-limit case");
    }
  }
}

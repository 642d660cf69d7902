package dev.counterfeit.stubs.profile.fintoro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.response.AnswerContext;
import dev.counterfeit.stubs.action.ListPage;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemAnswers;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.stubs.profile.VendorProfile;
import dev.counterfeit.stubs.store.RateWindows;
import dev.counterfeit.stubs.validation.Messages;
import dev.counterfeit.stubs.validation.ValidationReport;
import dev.counterfeit.stubs.validation.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Fintoro (Laravel): bare items, unpaginated {@code {data}} lists, {@code {"message"}} errors and
 * {@code {message, errors: {field: [...]}}} validation answers, with the statuses and messages of the spec's
 * {@code x-counterfeit-problems}. Laravel reads a body it cannot parse as an empty form, so malformed JSON is a
 * 422 listing the required fields (the spec's {@code x-counterfeit-unreadable-body}); what a write infers is the
 * spec's {@code x-counterfeit-infer}.
 */
public final class FintoroProfile implements VendorProfile {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final Violation EMPTY = new Violation(Violation.Location.BODY, "", "summary", Map.of());

  private final Messages english = Messages.load("dev/counterfeit/stubs/profile/fintoro/messages.properties");
  private final Messages slovak = Messages.load("dev/counterfeit/stubs/profile/fintoro/messages_sk.properties");

  @Override
  public String id() {
    return "fintoro";
  }

  @Override
  public JsonNode wrapList(ListPage page) {
    ObjectNode body = NODES.objectNode();
    body.putArray("data").addAll(page.items());
    return body;
  }

  @Override
  public HttpResponse render(Problem problem, ProblemAnswers answers, HttpRequest request) {
    boolean badPath = problem.report().violations().stream().anyMatch(v -> v.location() == Violation.Location.PATH);
    if (badPath) {
      // Laravel's route-model binding looks a non-numeric id up like any other and finds nothing.
      return message(answers.of(ProblemKind.NOT_FOUND, problem.detail()));
    }
    return switch (problem.kind()) {
      case INVALID_REQUEST, MALFORMED_BODY, UNSUPPORTED_MEDIA_TYPE ->
          validation(answers.status(problem.kind()), problem.report(), language(request));
      case CONFLICT -> {
        ProblemAnswers.Answer answer = answers.of(problem);
        yield HttpResponse.json(answer.status(), "application/json", NODES.objectNode().put("error", answer.message()));
      }
      default -> message(answers.of(problem));
    };
  }

  private HttpResponse validation(int status, ValidationReport report, String language) {
    Messages messages = language.equals("sk") ? slovak : english;
    ObjectNode body = NODES.objectNode().put("message", messages.text("summary", EMPTY));
    ObjectNode errors = body.putObject("errors");
    for (Violation v : report.violations()) {
      String field = v.field().isEmpty() ? "body" : v.field();
      ((ArrayNode) errors.withArray(field)).add(messages.text(v));
    }
    return HttpResponse.json(status, "application/json", body);
  }

  private static HttpResponse message(ProblemAnswers.Answer answer) {
    return HttpResponse.json(answer.status(), "application/json", NODES.objectNode().put("message", answer.message()));
  }

  /**
   * The answer's language from {@code Accept-Language}: Slovak, or English; Czech falls back to Slovak, as the
   * documentation says, and anything else to English.
   */
  static String language(HttpRequest request) {
    String header = request == null ? null : request.header("Accept-Language");
    if (header == null) {
      return "en";
    }
    List<String> tags;
    try {
      tags = Locale.LanguageRange.parse(header).stream().map(Locale.LanguageRange::getRange).toList();
    } catch (IllegalArgumentException e) {
      // Not a valid list (a tag over 8 letters, a bad weight): read the tags in order, as lenient servers do.
      tags = Arrays.stream(header.split(",")).map(t -> t.split(";", 2)[0].trim()).toList();
    }
    for (String range : tags) {
      String tag = range.toLowerCase(Locale.ROOT);
      if (tag.startsWith("sk") || tag.startsWith("cs")) {
        return "sk";
      }
      if (tag.startsWith("en")) {
        return "en";
      }
    }
    return "en";
  }

  /** Lookup names in the caller's language, from the seed's {@code names} per language. */
  @Override
  public JsonNode present(JsonNode item, ObjectNode record, HttpRequest request) {
    String language = language(request);
    JsonNode localized = record.path("names").path(language);
    if (item.isObject() && item.has("name") && localized.isTextual()) {
      ((ObjectNode) item).put("name", localized.asText());
    }
    return item;
  }

  /**
   * Every answer carries a request id and its language; answers to a company carry its rate-limit counters
   * (the limit is the spec's), and a 429 says when the window ends.
   */
  @Override
  public HttpResponse decorate(HttpResponse response, AnswerContext context) {
    HttpResponse decorated = response.withHeader("X-Request-Id", UUID.randomUUID().toString())
        .withHeader("Content-Language", language(context.request()));
    RateWindows.Decision rate = context.rate();
    if (rate == null) {
      return decorated;
    }
    decorated = decorated.withHeader("X-RateLimit-Limit", Integer.toString(rate.limit()))
        .withHeader("X-RateLimit-Remaining", Integer.toString(rate.remaining()));
    return response.status() == 429
        ? decorated.withHeader("X-RateLimit-Reset", Long.toString(rate.resetAt().getEpochSecond())) : decorated;
  }

}

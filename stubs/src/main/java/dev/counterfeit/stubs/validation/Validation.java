package dev.counterfeit.stubs.validation;

import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.problem.Outcome;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.openapi.model.Operation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The step after authorisation: checks the request against the operation's schemas and goes on with its typed
 * values, or stops with the problem a failed check is (415, malformed body, invalid values).
 */
public final class Validation {
  private final RequestValidator validator = new RequestValidator();
  private final Set<String> readUnreadableAsEmpty;

  /**
   * @param readUnreadableAsEmpty the vendors whose spec says a body that is not JSON, or not in an accepted media
   *     type, is read as an empty form ({@code x-counterfeit-unreadable-body: empty}, as Laravel does)
   */
  public Validation(Set<String> readUnreadableAsEmpty) {
    this.readUnreadableAsEmpty = Set.copyOf(readUnreadableAsEmpty);
  }

  /** @param pathParams the raw values the router extracted */
  public Outcome<RequestCheck.Valid> validate(Operation op, HttpRequest request, Map<String, String> pathParams) {
    RequestCheck check = validator.check(op, request, pathParams);
    if ((check instanceof RequestCheck.Malformed || check instanceof RequestCheck.UnsupportedMediaType)
        && readUnreadableAsEmpty.contains(op.vendor())) {
      check = validator.check(op, asEmptyBody(op, request), pathParams);
    }
    if (check instanceof RequestCheck.Valid valid) {
      return Outcome.goOn(valid);
    }
    if (check instanceof RequestCheck.UnsupportedMediaType u) {
      return Outcome.stop(Problem.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
          "The content-type \"" + (u.sent() == null ? "" : u.sent()) + "\" is not supported. Supported MIME types are \""
              + String.join("\", \"", u.accepted()) + "\"."));
    }
    if (check instanceof RequestCheck.Malformed) {
      return Outcome.stop(Problem.of(ProblemKind.MALFORMED_BODY, "Syntax error: the request body is not valid JSON."));
    }
    return Outcome.stop(Problem.invalid(((RequestCheck.Invalid) check).report()));
  }

  /** The request with an empty JSON object in the operation's first media type instead of its body. */
  private static HttpRequest asEmptyBody(Operation op, HttpRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    headers.put("Content-Type", List.of(op.bodySchemas().keySet().iterator().next()));
    return new HttpRequest(request.method(), request.path(), request.query(), headers, "{}".getBytes(StandardCharsets.UTF_8));
  }
}

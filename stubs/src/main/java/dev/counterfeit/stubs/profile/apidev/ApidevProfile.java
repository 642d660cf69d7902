package dev.counterfeit.stubs.profile.apidev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.profile.CustomHandler;
import dev.counterfeit.stubs.action.ListPage;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemAnswers;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.stubs.profile.VendorProfile;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.stubs.validation.Messages;
import dev.counterfeit.stubs.validation.Violation;
import java.util.List;
import java.util.Optional;

/**
 * The apidev ERP: every answer in {@code {success, data, meta}}, lists paged by {@code limit}/{@code offset},
 * errors as {@code {success: false, data: null, error: {code, message}}} with the status, code and message the
 * spec's {@code x-counterfeit-problems} gives each problem, validation listing its {@code details}; a missing
 * header is answered like missing credentials. A login issues JWTs.
 */
public final class ApidevProfile implements VendorProfile {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Messages messages = Messages.load("dev/counterfeit/stubs/profile/apidev/messages.properties");

  @Override
  public String id() {
    return "apidev";
  }

  @Override
  public JsonNode wrapList(ListPage page) {
    ObjectNode body = NODES.objectNode().put("success", true);
    body.putArray("data").addAll(page.items());
    body.putObject("meta").put("total", page.total()).put("limit", page.page().limit()).put("offset", page.page().offset());
    return body;
  }

  @Override
  public JsonNode wrapItem(JsonNode item, Operation operation) {
    ObjectNode body = NODES.objectNode().put("success", true);
    body.set("data", item);
    body.putObject("meta");
    return body;
  }

  @Override
  public HttpResponse render(Problem problem, ProblemAnswers answers, HttpRequest request) {
    return problem.kind() == ProblemKind.INVALID_REQUEST ? validation(problem, answers) : error(answers.of(problem));
  }

  private HttpResponse validation(Problem problem, ProblemAnswers answers) {
    List<Violation> violations = problem.report().violations();
    if (violations.stream().allMatch(v -> v.location() == Violation.Location.HEADER && v.key().equals("required"))) {
      // apidev refuses any missing required header as it refuses missing credentials.
      return error(answers.of(ProblemKind.MISSING_CREDENTIALS, "Missing required headers: "
          + String.join(", ", violations.stream().map(Violation::field).toList()) + "."));
    }
    ProblemAnswers.Answer answer = answers.of(problem);
    ObjectNode body = envelope(answer.code(), answer.message());
    ArrayNode details = ((ObjectNode) body.get("error")).putArray("details");
    for (Violation v : violations) {
      details.addObject().put("field", v.field()).put("message", messages.text(v));
    }
    return HttpResponse.json(answer.status(), "application/json", body);
  }

  private static HttpResponse error(ProblemAnswers.Answer answer) {
    return HttpResponse.json(answer.status(), "application/json", envelope(answer.code(), answer.message()));
  }

  private static ObjectNode envelope(String code, String message) {
    ObjectNode body = NODES.objectNode().put("success", false);
    body.putNull("data");
    body.putObject("error").put("code", code).put("message", message);
    return body;
  }

  @Override
  public Optional<CustomHandler> handler(String name) {
    return name.equals("login") ? Optional.of(Login::handle) : Optional.empty();
  }
}

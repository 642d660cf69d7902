package dev.counterfeit.stubs.profile.apidev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.profile.CustomHandler;
import dev.counterfeit.stubs.action.ListPage;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.profile.VendorProfile;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.stubs.validation.Messages;
import dev.counterfeit.stubs.validation.Violation;
import java.util.List;
import java.util.Optional;

/**
 * The apidev ERP: every answer in {@code {success, data, meta}}, lists paged by {@code limit}/{@code offset},
 * errors as {@code {success: false, data: null, error: {code, message}}} where validation is a 400
 * {@code VALIDATION_ERROR} and a missing header a 400 {@code BAD_REQUEST}; a login issues one-hour JWTs.
 */
public final class ApidevProfile implements VendorProfile {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectMapper JSON = new ObjectMapper();

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
  public HttpResponse render(Problem problem, HttpRequest request) {
    return switch (problem.kind()) {
      case INVALID_REQUEST -> validation(problem);
      case MALFORMED_BODY -> error(400, "BAD_REQUEST", "Malformed JSON body.");
      case UNSUPPORTED_MEDIA_TYPE -> error(400, "BAD_REQUEST", "The body must be application/json.");
      case MISSING_CREDENTIALS -> error(400, "BAD_REQUEST", problem.detail());
      case INVALID_CREDENTIALS -> error(401, "UNAUTHORIZED", "Invalid or expired JWT / API Key.");
      case FORBIDDEN -> error(403, "FORBIDDEN", "User lacks required permission.");
      case NOT_FOUND -> error(404, "NOT_FOUND", "Resource not found.");
      case NO_ROUTE, METHOD_NOT_ALLOWED -> error(404, "NOT_FOUND", problem.detail());
      case RATE_LIMITED -> error(429, "RATE_LIMITED", problem.detail());
      case CONFLICT -> error(400, "BAD_REQUEST", problem.detail());
      case INTERNAL -> error(500, "INTERNAL_ERROR", "Unexpected server error.");
      case REQUEST_TIMEOUT -> error(408, "REQUEST_TIMEOUT", problem.detail());
      case PAYLOAD_TOO_LARGE -> error(413, "PAYLOAD_TOO_LARGE", problem.detail());
      case URI_TOO_LONG -> error(414, "URI_TOO_LONG", problem.detail());
      case HEADERS_TOO_LARGE -> error(431, "HEADERS_TOO_LARGE", problem.detail());
      case UNAVAILABLE -> error(503, "SERVICE_UNAVAILABLE", problem.detail());
    };
  }

  private HttpResponse validation(Problem problem) {
    List<Violation> violations = problem.report().violations();
    if (violations.stream().allMatch(v -> v.location() == Violation.Location.HEADER && v.key().equals("required"))) {
      return error(400, "BAD_REQUEST", "Missing required headers: "
          + String.join(", ", violations.stream().map(Violation::field).toList()) + ".");
    }
    ObjectNode body = envelope("VALIDATION_ERROR", "Invalid parameters.");
    ArrayNode details = ((ObjectNode) body.get("error")).putArray("details");
    for (Violation v : problem.report().violations()) {
      details.addObject().put("field", v.field()).put("message", messages.text(v));
    }
    return HttpResponse.json(400, "application/json", body);
  }

  static HttpResponse error(int status, String code, String message) {
    return HttpResponse.json(status, "application/json", envelope(code, message));
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

  /**
   * A login counts against the account it names (the spec limits logins per account): the tenant host and the
   * e-mail its handler settings' {@code account} points at.
   */
  @Override
  public String accountOf(Operation operation, HttpRequest request) {
    JsonNode account = operation.handlerSettings().path("account");
    return account.isObject()
        ? LoginGuard.account(request.header(account.path("header").asText()), fieldOf(request, account.path("field").asText()))
        : null;
  }

  /** A field of the body, read leniently: the limit counts attempts before the body is validated. */
  private static String fieldOf(HttpRequest request, String field) {
    try {
      return JSON.readTree(request.body()).path(field).asText("");
    } catch (java.io.IOException e) {
      return "";
    }
  }
}

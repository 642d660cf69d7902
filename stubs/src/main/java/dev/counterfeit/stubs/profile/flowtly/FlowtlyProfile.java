package dev.counterfeit.stubs.profile.flowtly;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.counterfeit.stubs.validation.Messages;
import dev.counterfeit.stubs.validation.Violation;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Flowtly (API Platform 3): JSON-LD items, Hydra collections paged by {@code page}/{@code itemsPerPage},
 * relations as IRIs, RFC 7807 problems with Symfony's constraint-violation lists, and Lexik JWT's 401s; their
 * statuses and messages are the spec's {@code x-counterfeit-problems}.
 */
public final class FlowtlyProfile implements VendorProfile {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PROBLEM = "application/problem+json";

  private final Messages messages = Messages.load("dev/counterfeit/stubs/profile/flowtly/messages.properties");

  @Override
  public String id() {
    return "flowtly";
  }

  @Override
  public JsonNode wrapList(ListPage page) {
    ObjectNode body = NODES.objectNode();
    String type = page.items().isEmpty() ? typeOf(page) : page.items().get(0).path("@type").asText(typeOf(page));
    body.put("@context", "/contexts/" + type);
    body.put("@id", page.path());
    body.put("@type", "hydra:Collection");
    body.put("hydra:totalItems", page.total());
    // Collection members carry no @context of their own; the collection's applies.
    var members = body.putArray("hydra:member");
    for (JsonNode item : page.items()) {
      ObjectNode member = item.deepCopy();
      member.remove("@context");
      members.add(member);
    }
    int size = page.page().limit();
    int current = page.page().pageNumber();
    int last = Math.max(1, (page.total() + size - 1) / size);
    if (last > 1 || current > 1) {
      ObjectNode view = body.putObject("hydra:view");
      view.put("@id", link(page, current));
      view.put("@type", "hydra:PartialCollectionView");
      view.put("hydra:first", link(page, 1));
      view.put("hydra:last", link(page, last));
      if (current > 1) {
        view.put("hydra:previous", link(page, current - 1));
      }
      if (current < last) {
        view.put("hydra:next", link(page, current + 1));
      }
    }
    return body;
  }

  /** The collection's JSON-LD type from its items' {@code @type} const, read from the resource name otherwise. */
  private static String typeOf(ListPage page) {
    String resource = page.operation().resource();
    String singular = resource.endsWith("ies") ? resource.substring(0, resource.length() - 3) + "y"
        : resource.endsWith("s") ? resource.substring(0, resource.length() - 1) : resource;
    StringBuilder out = new StringBuilder();
    for (String part : singular.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  private static String link(ListPage page, int number) {
    String pageParam = page.pagination().position();
    StringBuilder query = new StringBuilder();
    page.params().forEach((name, value) -> {
      if (!name.equals(pageParam) && !value.isNull() && page.operation().parameters().stream()
          .anyMatch(p -> p.name().equals(name) && p.in() == dev.counterfeit.openapi.model.Parameter.In.QUERY)) {
        query.append(name).append('=').append(java.net.URLEncoder.encode(value.asText(), java.nio.charset.StandardCharsets.UTF_8)).append('&');
      }
    });
    return page.path() + "?" + query + pageParam + "=" + number;
  }

  @Override
  public HttpResponse render(Problem problem, ProblemAnswers answers, HttpRequest request) {
    ProblemAnswers.Answer answer = answers.of(problem);
    return switch (problem.kind()) {
      case MISSING_CREDENTIALS, INVALID_CREDENTIALS -> jwt(answer);
      case INVALID_REQUEST -> denormalizationError(problem, answers).orElseGet(() -> violations(problem, answer));
      default -> problem(answer.status(), answer.message());
    };
  }

  /** Lexik JWT's own answer, which carries the status as its code. */
  private static HttpResponse jwt(ProblemAnswers.Answer answer) {
    return HttpResponse.json(answer.status(), "application/json",
            NODES.objectNode().put("code", answer.status()).put("message", answer.message()))
        .withHeader("WWW-Authenticate", "Bearer");
  }

  private static HttpResponse problem(int status, String detail) {
    ObjectNode body = NODES.objectNode()
        .put("@context", "/contexts/Error")
        .put("@id", "/errors/" + status)
        .put("@type", "hydra:Error")
        .put("title", "An error occurred")
        .put("detail", detail)
        .put("status", status)
        .put("type", "/errors/" + status)
        .put("hydra:title", "An error occurred")
        .put("hydra:description", detail);
    return HttpResponse.json(status, PROBLEM, body);
  }

  /**
   * API Platform turns a query parameter it cannot use, or a body value of the wrong JSON type, into a 400
   * before its validator runs; only constraint violations on well-typed input are 422s.
   */
  private Optional<HttpResponse> denormalizationError(Problem problem, ProblemAnswers answers) {
    // The serializer refuses a value it cannot denormalize as it refuses a body it cannot parse.
    int status = answers.status(ProblemKind.MALFORMED_BODY);
    for (Violation v : problem.report().violations()) {
      if (v.location() != Violation.Location.BODY) {
        String detail = v.field().equals("page") && v.key().equals("minimum") ? "Page should not be less than 1"
            : "Invalid value for the \"" + v.field() + "\" parameter: " + messages.text(v);
        return Optional.of(problem(status, detail));
      }
      if (v.key().equals("type")) {
        return Optional.of(problem(status, "The type of the \"" + v.field() + "\" attribute must be \"" + php(v.arg("type"))
            + "\", \"" + php(v.arg("found")) + "\" given."));
      }
    }
    return Optional.empty();
  }

  /** JSON Schema type names as PHP's serializer prints them. */
  private static String php(String jsonType) {
    return switch (jsonType) {
      case "integer" -> "int";
      case "number" -> "float";
      case "boolean" -> "bool";
      case "object" -> "array";
      case "null" -> "NULL";
      default -> jsonType;
    };
  }

  private HttpResponse violations(Problem problem, ProblemAnswers.Answer answer) {
    if (problem.report().violations().isEmpty()) {
      return problem(answer.status(), answer.message());
    }
    ObjectNode body = NODES.objectNode();
    String detail = problem.report().violations().stream()
        .map(v -> path(v) + ": " + messages.text(v)).collect(Collectors.joining("\n"));
    body.put("@context", "/contexts/ConstraintViolationList");
    body.put("@id", "/validation_errors/" + code(problem.report().violations().get(0)));
    body.put("@type", "ConstraintViolationList");
    body.put("title", "An error occurred");
    body.put("detail", detail);
    body.put("status", answer.status());
    body.put("type", "/validation_errors/" + code(problem.report().violations().get(0)));
    body.put("hydra:title", "An error occurred");
    body.put("hydra:description", detail);
    var list = body.putArray("violations");
    for (Violation v : problem.report().violations()) {
      list.addObject().put("propertyPath", path(v)).put("message", messages.text(v)).put("code", code(v));
    }
    return HttpResponse.json(answer.status(), PROBLEM, body);
  }

  private static String path(Violation v) {
    return v.field();
  }

  /** Symfony's constraint error code for the violation (clients match on these UUIDs). */
  private String code(Violation v) {
    String key = v.key().equals("format") ? "format." + v.arg("format") : v.key();
    return messages.text("code." + key, v).startsWith("code.") ? messages.text("code.invalid", v) : messages.text("code." + key, v);
  }

  @Override
  public Optional<CustomHandler> handler(String name) {
    return Optional.ofNullable(switch (name) {
      case "merge-counterparties" -> CounterpartyHandlers::merge;
      case "enrich-branding" -> CounterpartyHandlers::enrichOne;
      case "enrich-branding-batch" -> CounterpartyHandlers::enrichBatch;
      case "counterparty-by-type" -> CounterpartyHandlers::createByType;
      case "counterparty-by-type-update" -> CounterpartyHandlers::updateByType;
      default -> null;
    });
  }
}

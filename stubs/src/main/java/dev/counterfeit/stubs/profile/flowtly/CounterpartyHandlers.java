package dev.counterfeit.stubs.profile.flowtly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.action.HandlerContext;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemException;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.stubs.store.TenantData;
import dev.counterfeit.stubs.validation.ValidationReport;
import dev.counterfeit.stubs.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flowtly's counterparty routes beyond plain CRUD: merge, branding enrichment, and create/update by type. The
 * by-type routes take from their {@code x-counterfeit-handler-settings} which body fields are the counterparty's
 * ({@code counterparty-fields}; the rest are its client's or supplier's), the collection of each type
 * ({@code parties}) and what a new client or supplier starts with ({@code defaults}).
 */
final class CounterpartyHandlers {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String COUNTERPARTIES = "counterparties";

  private CounterpartyHandlers() {}

  private static String pathId(HandlerContext ctx) {
    return ctx.params().get(ctx.operation().idParam()).asText();
  }

  private static ObjectNode existing(HandlerContext ctx, TenantData data, String id) {
    return data.get(COUNTERPARTIES, id).orElseThrow(() -> new ProblemException(
        Problem.of(ProblemKind.NOT_FOUND, "Counterparty " + id + " not found.")));
  }

  private static ProblemException invalid(String field, String key) {
    return new ProblemException(Problem.invalid(ValidationReport.of(
        new Violation(Violation.Location.BODY, field, key, Map.of()))));
  }

  /** The source takes no part any more: the target keeps its values and fills its gaps from the source's. */
  static HttpResponse merge(HandlerContext ctx) {
    String targetId = pathId(ctx);
    JsonNode source = ctx.body().get("source");
    String sourceId = ctx.refToId(COUNTERPARTIES, source);
    return ctx.write(data -> {
      ObjectNode target = existing(ctx, data, targetId);
      if (sourceId.equals(targetId)) {
        throw invalid("source", "invalid");
      }
      ObjectNode duplicate = data.get(COUNTERPARTIES, sourceId).orElseThrow(() -> invalid("source", "ref"));
      duplicate.fields().forEachRemaining(e -> {
        if (!e.getKey().startsWith("~") && (!target.hasNonNull(e.getKey()))) {
          target.set(e.getKey(), e.getValue());
        }
      });
      data.remove(COUNTERPARTIES, sourceId);
      ctx.update(COUNTERPARTIES, target, data);
      return ctx.answer(ctx.project(COUNTERPARTIES, target, data));
    });
  }

  static HttpResponse enrichOne(HandlerContext ctx) {
    String id = pathId(ctx);
    return ctx.write(data -> {
      ObjectNode counterparty = existing(ctx, data, id);
      return queued(ctx, data, List.of(counterparty));
    });
  }

  static HttpResponse enrichBatch(HandlerContext ctx) {
    JsonNode iris = ctx.body().get("counterparties");
    return ctx.write(data -> {
      List<ObjectNode> found = new ArrayList<>();
      List<Violation> missing = new ArrayList<>();
      for (int i = 0; i < iris.size(); i++) {
        data.get(COUNTERPARTIES, ctx.refToId(COUNTERPARTIES, iris.get(i))).ifPresentOrElse(found::add,
            () -> missing.add(new Violation(Violation.Location.BODY, "counterparties", "ref", Map.of())));
      }
      if (!missing.isEmpty()) {
        throw new ProblemException(Problem.invalid(new dev.counterfeit.stubs.validation.ValidationReport(missing)));
      }
      return queued(ctx, data, found);
    });
  }

  /**
   * The AI job is simulated as done at once, so a client polling the counterparty sees the result on its
   * next read: a logo and website derived from the display name, where none was set.
   */
  private static HttpResponse queued(HandlerContext ctx, TenantData data, List<ObjectNode> counterparties) {
    ObjectNode answer = NODES.objectNode().put("queued", counterparties.size());
    ArrayNode iris = answer.putArray("counterparties");
    for (ObjectNode counterparty : counterparties) {
      String slug = counterparty.path("displayName").asText("counterparty").toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
      String domain = (slug.isEmpty() ? "counterparty" : slug) + ".example.com";
      if (!counterparty.hasNonNull("logoUrl")) {
        counterparty.put("logoUrl", "https://logo." + domain + "/logo.png");
      }
      if (!counterparty.hasNonNull("corporateWebsiteUrl")) {
        counterparty.put("corporateWebsiteUrl", "https://www." + domain);
      }
      ctx.update(COUNTERPARTIES, counterparty, data);
      iris.add(ctx.selfPath(COUNTERPARTIES, ctx.idOf(counterparty)));
    }
    // The answer's @type and status are consts of its schema.
    return ctx.answer(ctx.shape(answer, data));
  }

  /** A client or supplier with Flowtly's defaults, and its counterparty linked to it, in one unit of work. */
  static HttpResponse createByType(HandlerContext ctx) {
    JsonNode body = ctx.body();
    JsonNode settings = ctx.operation().handlerSettings();
    String type = body.get("type").asText();
    String collection = settings.path("parties").path(type).asText();
    return ctx.write(data -> {
      ObjectNode party = NODES.objectNode();
      settings.path("defaults").fields().forEachRemaining(e -> {
        if (!e.getKey().startsWith("x-")) {
          party.set(e.getKey(), e.getValue().deepCopy());
        }
      });
      ObjectNode counterparty = NODES.objectNode().put("type", type);
      split(settings, body, party, counterparty);
      if (!counterparty.has("displayName")) {
        counterparty.put("displayName", body.get("name").asText());
      }
      String partyId = ctx.insert(collection, party, data);
      counterparty.put(type, ctx.selfPath(collection, partyId));
      ctx.insert(COUNTERPARTIES, counterparty, data);
      return ctx.answer(ctx.project(COUNTERPARTIES, counterparty, data));
    });
  }

  /** JSON Merge Patch on the counterparty and its linked client or supplier; {@code type} cannot change. */
  static HttpResponse updateByType(HandlerContext ctx) {
    String id = pathId(ctx);
    JsonNode body = ctx.body();
    JsonNode settings = ctx.operation().handlerSettings();
    return ctx.write(data -> {
      ObjectNode counterparty = existing(ctx, data, id);
      ObjectNode partyPatch = NODES.objectNode();
      ObjectNode counterpartyPatch = NODES.objectNode();
      split(settings, body, partyPatch, counterpartyPatch);
      counterparty.setAll(counterpartyPatch);
      // As the counterparty reads: a stored one without a type has the schema's default.
      String type = ctx.project(COUNTERPARTIES, counterparty, data).path("type").asText();
      String collection = settings.path("parties").path(type).asText();
      JsonNode link = counterparty.get(type);
      if (link != null && !link.isNull() && !partyPatch.isEmpty()) {
        data.get(collection, ctx.refToId(collection, link)).ifPresent(party -> {
          party.setAll(partyPatch);
          ctx.update(collection, party, data);
        });
      }
      ctx.update(COUNTERPARTIES, counterparty, data);
      return ctx.answer(ctx.project(COUNTERPARTIES, counterparty, data));
    });
  }

  /** Splits a by-type body into the counterparty's fields and its client's or supplier's; {@code type} is neither. */
  private static void split(JsonNode settings, JsonNode body, ObjectNode party, ObjectNode counterparty) {
    JsonNode counterpartyFields = settings.path("counterparty-fields");
    body.fields().forEachRemaining(e -> {
      if (e.getKey().equals("type")) {
        return;
      }
      (listed(counterpartyFields, e.getKey()) ? counterparty : party).set(e.getKey(), e.getValue().deepCopy());
    });
  }

  private static boolean listed(JsonNode names, String name) {
    for (JsonNode n : names) {
      if (n.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }
}

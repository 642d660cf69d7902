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

/** Flowtly's counterparty routes beyond plain CRUD: merge, branding enrichment, and create/update by type. */
final class CounterpartyHandlers {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String COUNTERPARTIES = "counterparties";
  /** Fields of the by-type bodies that belong to the counterparty; the rest belong to its client or supplier. */
  private static final List<String> COUNTERPARTY_FIELDS =
      List.of("displayName", "requireAttachment", "cyclic", "budgetNeutral", "corporateWebsiteUrl", "logoUrl");

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
    ObjectNode answer = NODES.objectNode();
    answer.put("@type", "CounterpartyBrandingEnrichment");
    answer.put("status", "queued");
    answer.put("queued", counterparties.size());
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
    return ctx.answer(answer);
  }

  /** A client or supplier with Flowtly's defaults, and its counterparty linked to it, in one unit of work. */
  static HttpResponse createByType(HandlerContext ctx) {
    JsonNode body = ctx.body();
    String type = body.get("type").asText();
    String collection = type.equals("client") ? "clients" : "suppliers";
    return ctx.write(data -> {
      ObjectNode party = NODES.objectNode()
          .put("status", "active").put("tinType", "none").put("country", "/countries/PL").put("currency", "/currencies/PLN");
      ObjectNode counterparty = NODES.objectNode().put("type", type);
      split(body, party, counterparty);
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
    return ctx.write(data -> {
      ObjectNode counterparty = existing(ctx, data, id);
      ObjectNode partyPatch = NODES.objectNode();
      ObjectNode counterpartyPatch = NODES.objectNode();
      split(body, partyPatch, counterpartyPatch);
      counterparty.setAll(counterpartyPatch);
      String type = counterparty.path("type").asText("supplier");
      String collection = type.equals("client") ? "clients" : "suppliers";
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

  private static void split(JsonNode body, ObjectNode party, ObjectNode counterparty) {
    body.fields().forEachRemaining(e -> {
      if (e.getKey().equals("type")) {
        return;
      }
      (COUNTERPARTY_FIELDS.contains(e.getKey()) ? counterparty : party).set(e.getKey(), e.getValue().deepCopy());
    });
  }
}

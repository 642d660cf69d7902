package dev.counterfeit.stubs.profile.finsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.profile.CustomHandler;
import dev.counterfeit.stubs.action.HandlerContext;
import dev.counterfeit.stubs.action.ListPage;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemAnswers;
import dev.counterfeit.stubs.problem.ProblemException;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.stubs.profile.VendorProfile;
import dev.counterfeit.stubs.validation.Messages;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * FinSync: bare items, {@code {data, pagination}} lists paged by {@code page}/{@code pageSize}, errors as
 * {@code {"error": "..."}} (the violations, or the spec's message for the problem), and accounts whose balance
 * can be set by hand.
 */
public final class FinSyncProfile implements VendorProfile {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final Messages messages = Messages.load("dev/counterfeit/stubs/profile/finsync/messages.properties");

  @Override
  public String id() {
    return "finsync";
  }

  @Override
  public JsonNode wrapList(ListPage page) {
    ObjectNode body = NODES.objectNode();
    body.putArray("data").addAll(page.items());
    int size = page.page().limit();
    body.putObject("pagination")
        .put("page", page.page().pageNumber())
        .put("pageSize", size)
        .put("total", page.total())
        .put("totalPages", (page.total() + size - 1) / size);
    return body;
  }

  @Override
  public HttpResponse render(Problem problem, ProblemAnswers answers, HttpRequest request) {
    ProblemAnswers.Answer answer = answers.of(problem);
    String text = problem.report().hasErrors()
        ? problem.report().violations().stream().map(messages::text).collect(Collectors.joining("; "))
        : answer.message();
    return HttpResponse.json(answer.status(), "application/json", NODES.objectNode().put("error", text));
  }

  @Override
  public Optional<CustomHandler> handler(String name) {
    return name.equals("manual-balance") ? Optional.of(FinSyncProfile::setManualBalance) : Optional.empty();
  }

  /** Sets an account's balance to an absolute value or moves it by a delta, and says what changed. */
  private static HttpResponse setManualBalance(HandlerContext ctx) {
    String accountId = ctx.params().get(ctx.operation().idParam()).asText();
    JsonNode body = ctx.body();
    return ctx.write(data -> {
      ObjectNode account = data.get("accounts", accountId).orElseThrow(() -> new ProblemException(
          Problem.of(ProblemKind.NOT_FOUND, "Account " + accountId + " not found.")));
      BigDecimal before = account.path("balance").decimalValue();
      BigDecimal after = body.hasNonNull("balance") ? body.get("balance").decimalValue()
          : before.add(body.get("adjustment").decimalValue());
      account.put("balance", after);
      ctx.update("accounts", account, data);
      ObjectNode answer = NODES.objectNode();
      answer.put("account_id", Long.parseLong(accountId));
      answer.put("balance_before", before);
      answer.put("balance_after", after);
      answer.put("adjustment", after.subtract(before));
      return ctx.answer(answer);
    });
  }
}

package dev.counterfeit.stubs.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.stubs.security.Principal;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.stubs.store.TenantData;
import dev.counterfeit.stubs.store.TenantView;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** What the engine offers a custom handler: the validated request, the tenant's data and the answer makers. */
public interface HandlerContext {
  Operation operation();

  HttpRequest request();

  /** The caller, or null on a public route. */
  Principal principal();

  Map<String, JsonNode> params();

  /** The validated body, or null. */
  JsonNode body();

  /** Runs an all-or-nothing unit of work on the caller's tenant. */
  <T> T write(Function<TenantData, T> work);

  /** The item as its read operation answers it (projected, without envelope). */
  JsonNode project(String collection, ObjectNode record, TenantData tenant);

  /**
   * This operation's answer built from {@code values} by its response schema, as the engine builds every answer:
   * the schema's fields in its order, {@code const}s and defaults from the spec.
   */
  JsonNode shape(ObjectNode values, TenantView data);

  /** A success answer with the operation's status and media type, wrapped in the item envelope. */
  HttpResponse answer(JsonNode item);

  /** A stored record's id. */
  String idOf(ObjectNode record);

  /** Stores a new record of the caller's tenant with a fresh id, owner and timestamps; answers the id. */
  String insert(String collection, ObjectNode record, TenantData data);

  /** Stores a changed record, bumping its update time. */
  void update(String collection, ObjectNode record, TenantData data);

  /** The stored id a reference value points at (IRIs included). */
  String refToId(String collection, JsonNode ref);

  /** Where an item is read ({@code /counterparties/7}). */
  String selfPath(String collection, String id);

  /**
   * Issues a signed JWT for a security scheme that authenticates as {@code tenant} with {@code grants} until
   * it expires, on this replica and every other one sharing the store.
   *
   * @param claims the vendor's own claims to carry ({@code sub}, permissions); {@code iat}/{@code exp} are added
   */
  String issueToken(String scheme, String tenant, Set<String> grants, Duration lifetime, ObjectNode claims);

  /** Runs an all-or-nothing unit of work on state the vendor keeps outside any tenant (login lockouts). */
  <T> T writeVendorState(Function<TenantData, T> work);

  /** Whether the vendor's documented limits (rate limits, lockouts) are enforced in this run. */
  boolean limitsEnforced();

  /** The fake's clock. */
  java.time.Instant now();

  /** The seed's extra section for this vendor (users and passwords for a login), or a missing node. */
  JsonNode seedSection(String name);
}

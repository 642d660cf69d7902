package dev.counterfeit.stubs.profile;

import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.stubs.store.TenantData;
import java.util.function.Function;

/** A valid request about to be acted on, for a profile that wraps the action (idempotent replays). */
public interface Exchange {
  Operation operation();

  /** The caller, or null on a public route. */
  Principal principal();

  HttpRequest request();

  /** Acts on the request as the engine would without the profile. */
  HttpResponse proceed();

  /** An all-or-nothing unit of work on the caller's tenant (for state the profile keeps beside the records). */
  <T> T write(Function<TenantData, T> work);
}

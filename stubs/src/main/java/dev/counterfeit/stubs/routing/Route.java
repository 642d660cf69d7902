package dev.counterfeit.stubs.routing;

import dev.counterfeit.openapi.model.Operation;
import java.util.List;
import java.util.Map;

/** Where a request goes: an operation, a known path with another method, or nowhere. */
public sealed interface Route {
  /** The vendor whose envelope answers this request (the one whose base path matched). */
  String vendor();

  /** A matched operation and its raw path parameters. */
  record Matched(String vendor, Operation operation, Map<String, String> pathParams) implements Route {}

  /** The path exists but not with this method. */
  record MethodNotAllowed(String vendor, List<String> allowed) implements Route {}

  /** Nothing matches; {@code vendor} is the API whose base path is the closest, or null. */
  record NotFound(String vendor) implements Route {}
}

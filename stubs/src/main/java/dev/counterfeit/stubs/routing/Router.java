package dev.counterfeit.stubs.routing;

import dev.counterfeit.stubs.spec.ApiModel;
import dev.counterfeit.stubs.spec.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches a method and path against every served API's operations. Immutable; built once. */
public final class Router {
  private final List<ApiModel> apis;

  public Router(List<ApiModel> apis) {
    // The longest base path first, so /api/public/v1 wins over /api and over the root.
    this.apis = apis.stream()
        .sorted(Comparator.comparingInt((ApiModel a) -> a.spec().basePath().length()).reversed())
        .toList();
  }

  public Route route(String method, String path) {
    String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String closest = null;
    int closestShared = -1;
    for (ApiModel api : apis) {
      String base = api.spec().basePath();
      if (!normalized.startsWith(base)) {
        continue;
      }
      List<String> allowed = new ArrayList<>();
      for (Operation op : api.operations()) {
        Optional<Map<String, String>> params = op.match(normalized);
        if (params.isEmpty()) {
          continue;
        }
        if (op.method().equals(method)) {
          return new Route.Matched(api.vendor(), op, params.get());
        }
        allowed.add(op.method());
      }
      if (!allowed.isEmpty()) {
        return new Route.MethodNotAllowed(api.vendor(), List.copyOf(allowed));
      }
      for (Operation op : api.operations()) {
        int shared = sharedPrefix(op.template(), normalized);
        if (shared > closestShared) {
          closestShared = shared;
          closest = api.vendor();
        }
      }
    }
    return new Route.NotFound(closest);
  }

  private static int sharedPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}

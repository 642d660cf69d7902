package dev.counterfeit.stubs.routing;

import dev.counterfeit.openapi.model.ApiModel;
import dev.counterfeit.openapi.model.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches a method and path against every served API's operations. Immutable; built once. */
public final class Router {
  /** One API with its operations grouped by method, so a request only tries the templates of its method. */
  private record Api(ApiModel model, String base, Map<String, List<Operation>> byMethod) {}

  private final List<Api> apis;

  public Router(List<ApiModel> apis) {
    // The longest base path first, so /api/public/v1 wins over /api and over the root.
    this.apis = apis.stream()
        .sorted(Comparator.comparingInt((ApiModel a) -> a.spec().basePath().length()).reversed())
        .map(Router::index)
        .toList();
  }

  private static Api index(ApiModel model) {
    Map<String, List<Operation>> byMethod = new LinkedHashMap<>();
    for (Operation op : model.operations()) {
      byMethod.computeIfAbsent(op.method(), m -> new ArrayList<>()).add(op);
    }
    byMethod.replaceAll((method, ops) -> List.copyOf(ops));
    return new Api(model, model.spec().basePath(), Map.copyOf(byMethod));
  }

  public Route route(String method, String path) {
    String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String closest = null;
    int closestShared = -1;
    for (Api api : apis) {
      if (!normalized.startsWith(api.base())) {
        continue;
      }
      for (Operation op : api.byMethod().getOrDefault(method, List.of())) {
        Optional<Map<String, String>> params = op.match(normalized);
        if (params.isPresent()) {
          return new Route.Matched(api.model().vendor(), op, params.get());
        }
      }
      // Not this method: which methods the path has, in the spec's order.
      List<String> allowed = new ArrayList<>();
      for (Operation op : api.model().operations()) {
        if (op.match(normalized).isPresent()) {
          allowed.add(op.method());
        }
      }
      if (!allowed.isEmpty()) {
        return new Route.MethodNotAllowed(api.model().vendor(), List.copyOf(allowed));
      }
      for (Operation op : api.model().operations()) {
        int shared = sharedPrefix(op.template(), normalized);
        if (shared > closestShared) {
          closestShared = shared;
          closest = api.model().vendor();
        }
      }
    }
    return new Route.NotFound(closest);
  }

  /** How many leading characters two paths share (the closest vendor wins a 404). */
  static int sharedPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}

package dev.counterfeit.stubs.routing;

import dev.counterfeit.openapi.ApiSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which vendor a path names, by the {@link Router}'s rule (the base path must match; the closest path
 * template wins), read from the specs' path templates alone. For requests refused before they could be
 * routed (too large, unreadable), whose answer should still come in the vendor's envelope.
 */
public final class VendorOfPath {
  private record Template(String vendor, String base, String path) {}

  private final List<Template> templates;

  private VendorOfPath(List<Template> templates) {
    this.templates = List.copyOf(templates);
  }

  public static VendorOfPath of(Collection<ApiSpec> specs) {
    List<Template> templates = new ArrayList<>();
    for (ApiSpec spec : specs) {
      String base = spec.basePath();
      spec.pathTemplates().forEach(p -> templates.add(new Template(spec.vendor(), base, base + p)));
    }
    // The longest base path first, so that on equal closeness /api/public/v1 wins over the root, as in the Router.
    templates.sort(Comparator.comparingInt((Template t) -> t.base().length()).reversed());
    return new VendorOfPath(templates);
  }

  /** The vendor whose base path the path starts with and whose template shares the longest prefix with it. */
  public Optional<String> vendor(String path) {
    if (path == null) {
      return Optional.empty();
    }
    String closest = null;
    int closestShared = -1;
    for (Template t : templates) {
      if (!path.startsWith(t.base())) {
        continue;
      }
      int shared = Router.sharedPrefix(t.path(), path);
      if (shared > closestShared) {
        closest = t.vendor();
        closestShared = shared;
      }
    }
    return Optional.ofNullable(closest);
  }
}

package dev.counterfeit.stubs.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.SecurityScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The specs the fake serves, as documents: for the docs page (with {@code servers} aimed at the fake), for
 * checking what a fault rule names, and for telling which API a logged path belongs to.
 */
public final class ServedSpecs {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private record Served(String vendor, String basePath, ApiSpec spec, Set<String> operationIds,
      Set<String> firstSegments) {}

  private final Map<String, Served> specs;
  /** Longest base path first, as the router matches. */
  private final List<Served> byBasePath;

  private ServedSpecs(Map<String, Served> specs) {
    this.specs = specs;
    this.byBasePath = specs.values().stream()
        .sorted(Comparator.comparingInt((Served s) -> s.basePath().length()).reversed()).toList();
  }

  /**
   * The served vendors' specs, as the fake compiled them (the user's own text where one was given), so no spec
   * is parsed twice.
   */
  public static ServedSpecs of(Collection<ApiSpec> served) {
    Map<String, Served> specs = new HashMap<>();
    served.forEach(spec -> specs.put(spec.vendor(), served(spec)));
    return new ServedSpecs(Map.copyOf(specs));
  }

  private static Served served(ApiSpec spec) {
    String basePath = spec.basePath();
    Set<String> segments = new HashSet<>();
    spec.pathTemplates().forEach(path -> segments.add(firstSegment(basePath + path)));
    return new Served(spec.vendor(), basePath, spec, Set.copyOf(spec.operationIds()), Set.copyOf(segments));
  }

  private static String firstSegment(String path) {
    int start = path.startsWith("/") ? 1 : 0;
    int end = path.indexOf('/', start);
    return end < 0 ? path.substring(start) : path.substring(start, end);
  }

  /** The served vendor ids, sorted. */
  public java.util.SortedSet<String> vendors() {
    return new java.util.TreeSet<>(specs.keySet());
  }

  public boolean serves(String vendor) {
    return specs.containsKey(vendor);
  }

  /** Whether a served vendor's spec declares an operation id. */
  public boolean hasOperation(String vendor, String operationId) {
    Served served = specs.get(vendor);
    return served != null && served.operationIds().contains(operationId);
  }

  /** The header a security scheme travels in, and what goes before the credential ({@code Bearer }). */
  public record Header(String name, String prefix) {}

  /** How a credential of a scheme is sent, from the spec's {@code securitySchemes}; empty for other kinds. */
  public Optional<Header> header(String vendor, String scheme) {
    return SecurityScheme.read(specs.get(vendor).spec(), scheme)
        .map(s -> new Header(s.header(), s.bearer() ? "Bearer " : ""));
  }

  /** The spec's {@code info.title}. */
  public String title(String vendor) {
    return specs.get(vendor).spec().title();
  }

  /** The base path of a served vendor, "" for the root. */
  public String basePath(String vendor) {
    return specs.get(vendor).basePath();
  }

  /**
   * The vendor whose API a path falls under: among the APIs whose base path it starts with, one that has a
   * route beginning with the same segment, the longest base path first; null when none.
   */
  public String vendorOf(String path) {
    String segment = firstSegment(path);
    String fallback = null;
    for (Served served : byBasePath) {
      String base = served.basePath();
      if (!base.isEmpty() && !path.equals(base) && !path.startsWith(base + "/")) {
        continue;
      }
      if (served.firstSegments().contains(segment)) {
        return served.vendor();
      }
      if (fallback == null && !base.isEmpty()) {
        fallback = served.vendor();
      }
    }
    return fallback;
  }

  /**
   * The document with {@code servers} replaced by the fake's own URL for the API, so a client generated from
   * it, or Swagger UI's "Try it out", calls the fake.
   *
   * @param origin {@code http://host:port} as the caller reached the fake
   */
  public ObjectNode aimedAt(String vendor, String origin) {
    Served served = specs.get(vendor);
    ObjectNode copy = served.spec().tree().deepCopy();
    ObjectNode server = YAML.createObjectNode().put("url", origin + served.basePath())
        .put("description", "counterfeit, the local fake of this API");
    copy.putArray("servers").add(server);
    return copy;
  }

  /** The document as YAML. */
  public static String yaml(JsonNode document) {
    try {
      return YAML.writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.counterfeit.conformance.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kit's settings, all named {@code counterfeit.*}: which APIs to check ({@code counterfeit.api}), where
 * ({@code counterfeit.baseUrl}, or {@code counterfeit.<vendor>.baseUrl}), with which credentials
 * ({@code counterfeit.<vendor>.<key>}), and where reports go ({@code counterfeit.reportDir}). They come from
 * JUnit configuration parameters, which fall back to system properties, so {@code -D} works in Maven and the
 * CLI passes its flags the same way.
 */
public final class KitConfig {
  private final Function<String, Optional<String>> source;
  private final List<String> known;
  private final Map<String, String> defaults;

  /**
   * Settings read from a source.
   *
   * @param known every vendor the kit can check, in report order: the APIs checked when none are named
   */
  public KitConfig(Function<String, Optional<String>> source, List<String> known) {
    this(source, known, Map.of());
  }

  private KitConfig(Function<String, Optional<String>> source, List<String> known, Map<String, String> defaults) {
    this.source = source;
    this.known = List.copyOf(known);
    this.defaults = Map.copyOf(defaults);
  }

  /** Settings read from system properties only. */
  public static KitConfig fromSystemProperties(List<String> known) {
    return new KitConfig(key -> Optional.ofNullable(System.getProperty(key)), known);
  }

  /** A copy where the given settings apply when nothing else sets them (the embedded fake's demo credentials). */
  public KitConfig withDefaults(Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(more);
    merged.putAll(defaults);
    return new KitConfig(source, known, merged);
  }

  /** A setting by full key ({@code counterfeit.<vendor>.token}); blank values count as unset. */
  public Optional<String> get(String key) {
    return source.apply(key).filter(v -> !v.isBlank()).or(() -> Optional.ofNullable(defaults.get(key)));
  }

  /** A vendor's setting by short key ({@code token} is {@code counterfeit.<vendor>.token}). */
  public Optional<String> vendor(String vendor, String key) {
    return get("counterfeit." + vendor + "." + key);
  }

  /** The APIs to check: {@code counterfeit.api} as a comma list, every known one by default. */
  public List<String> apis() {
    return get("counterfeit.api")
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(known);
  }

  /** Only these operationIds ({@code counterfeit.operations}, a comma list); empty means all. */
  public List<String> operations() {
    return get("counterfeit.operations")
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  /** Only cases of these rules ({@code counterfeit.rules}, a comma list of names such as RATE_LIMITED); empty means all. */
  public List<String> rules() {
    return get("counterfeit.rules")
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  /** Where a vendor's API lives: {@code counterfeit.<vendor>.baseUrl}, else {@code counterfeit.baseUrl}. */
  public Optional<String> baseUrl(String vendor) {
    return vendor(vendor, "baseUrl").or(() -> get("counterfeit.baseUrl"));
  }

  /** Whether any base URL is set; without one the kit starts the embedded fake. */
  public boolean hasBaseUrl() {
    return get("counterfeit.baseUrl").isPresent() || apis().stream().anyMatch(v -> vendor(v, "baseUrl").isPresent());
  }

  /** {@code counterfeit.rateLimit=true} turns on the rate-limit cases, which spend about a window of requests each. */
  public boolean rateLimit() {
    return get("counterfeit.rateLimit").map(Boolean::parseBoolean).orElse(false);
  }

  /**
   * {@code counterfeit.readOnly=true}: only cases of safe operations (GET, HEAD) run, on items the tenant already
   * has, and the kit sends no write, so it can be pointed at production.
   */
  public boolean readOnly() {
    return get("counterfeit.readOnly").map(Boolean::parseBoolean).orElse(false);
  }

  /** How long one answer may take, in seconds ({@code counterfeit.timeoutSeconds}, default 30). */
  public int timeoutSeconds() {
    return get("counterfeit.timeoutSeconds").map(String::trim).map(Integer::parseInt).orElse(30);
  }

  /**
   * Where a vendor's rate-limit cases run, if not at its base URL: {@code counterfeit.<vendor>.rateLimitBaseUrl},
   * else {@code counterfeit.rateLimitBaseUrl} (the kit's own tests point it at a second fake with limits on).
   */
  public Optional<String> rateLimitBaseUrl(String vendor) {
    return vendor(vendor, "rateLimitBaseUrl").or(() -> get("counterfeit.rateLimitBaseUrl"));
  }

  /**
   * The pause between a rate-limit case's requests ({@code counterfeit.rateLimitSpacingMillis}); empty means half
   * the documented rate, so a case never sends faster than twice what the limit allows.
   */
  public Optional<Long> rateLimitSpacingMillis() {
    return get("counterfeit.rateLimitSpacingMillis").map(String::trim).map(Long::parseLong);
  }

  /** A spec file to check against instead of the bundled one ({@code counterfeit.<vendor>.spec}). */
  public Optional<java.nio.file.Path> specFile(String vendor) {
    return vendor(vendor, "spec").map(java.nio.file.Path::of);
  }

  /** Where the summary goes: {@code counterfeit.reportDir}, default {@code target}. */
  public Path reportDir() {
    return Path.of(get("counterfeit.reportDir").orElse("target"));
  }

  /** Whether the summary is printed in full ({@code counterfeit.printSummary}, default true). */
  public boolean printSummary() {
    return get("counterfeit.printSummary").map(Boolean::parseBoolean).orElse(true);
  }
}

package dev.counterfeit.stubs.proxy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which vendors the fake hands to a real implementation instead of answering itself.
 *
 * @param upstreams vendor id → the implementation's origin ({@code https://sandbox.example}); a request's
 *     whole path is appended to it, as the conformance kit's {@code --base-url} does. Empty: no proxy.
 * @param report where the drift report is written when the server stops ({@code .md} for Markdown, JSON
 *     otherwise); null writes none
 * @param timeout how long one upstream answer may take
 */
public record ProxySettings(Map<String, URI> upstreams, Path report, Duration timeout) {
  /** The report file name when none is given. */
  public static final Path DEFAULT_REPORT = Path.of("counterfeit-drift.json");

  public ProxySettings {
    upstreams = Map.copyOf(upstreams);
  }

  /** No vendor proxied. */
  public static ProxySettings none() {
    return new ProxySettings(Map.of(), DEFAULT_REPORT, Duration.ofSeconds(30));
  }

  public boolean enabled() {
    return !upstreams.isEmpty();
  }

  /** These settings with one more vendor sent to {@code upstream}. */
  public ProxySettings withUpstream(String vendor, URI upstream) {
    Map<String, URI> copy = new TreeMap<>(upstreams);
    copy.put(vendor, upstream);
    return new ProxySettings(copy, report, timeout);
  }

  public ProxySettings withReport(Path report) {
    return new ProxySettings(upstreams, report, timeout);
  }
}

package dev.counterfeit.conformance.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Failures an implementation is known to have, each with a written reason: {@code counterfeit.knownGaps} names a
 * file (or {@code classpath:} resource) of lines {@code vendor | test-name regex | reason}. A listed case that fails
 * is reported as aborted with its reason, so the gap stays visible; a listed case that passes fails, so the entry
 * is removed once the gap is closed.
 */
public final class KnownGaps {
  /** One listed gap. */
  public record Gap(String vendor, Pattern test, String reason) {}

  private final List<Gap> gaps;

  private KnownGaps(List<Gap> gaps) {
    this.gaps = List.copyOf(gaps);
  }

  public static KnownGaps none() {
    return new KnownGaps(List.of());
  }

  /** Reads the gaps the configuration names; none when it names no file. */
  public static KnownGaps of(KitConfig config) {
    Optional<String> location = config.get("counterfeit.knownGaps");
    if (location.isEmpty()) {
      return none();
    }
    return parse(read(location.get()));
  }

  static KnownGaps parse(String text) {
    List<Gap> gaps = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+\\|\\s+", 3);
      if (parts.length != 3 || parts[2].isBlank()) {
        throw new IllegalArgumentException("known gap needs 'vendor | test regex | reason': " + line);
      }
      gaps.add(new Gap(parts[0], Pattern.compile(parts[1]), parts[2]));
    }
    return new KnownGaps(gaps);
  }

  /** The gap listed for a test, if any. */
  public Optional<Gap> find(String vendor, String test) {
    return gaps.stream().filter(g -> g.vendor().equals(vendor) && g.test().matcher(test).matches()).findFirst();
  }

  private static String read(String location) {
    try {
      if (location.startsWith("classpath:")) {
        String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
        try (InputStream in = KnownGaps.class.getClassLoader().getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalArgumentException("no known-gaps resource " + location);
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return Files.readString(Path.of(location), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.counterfeit.stubs.fault;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the delays testers write: {@code 300ms}, {@code 2s}, or a bare number of milliseconds. */
public final class Delay {
  /** The longest delay accepted; longer ones would only tie up server threads. */
  public static final Duration MAX = Duration.ofSeconds(60);

  private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*(ms|s)?\\s*");

  private Delay() {}

  /** The delay, or empty when the text is not one or is longer than {@link #MAX}. */
  public static Optional<Duration> parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    Duration delay = "s".equals(m.group(2)) ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
    return delay.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(delay);
  }
}

package dev.counterfeit.stubs.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message templates by violation key, loaded once: a vendor's own file first, this package's defaults after.
 * Templates name arguments in braces: {@code {field}}, {@code {label}} (the field in words), {@code {limit}},
 * {@code {allowed}}, {@code {type}}, {@code {format}}.
 */
public final class Messages {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
  private static final String DEFAULTS = "dev/counterfeit/stubs/validation/messages.properties";

  private final Properties templates;

  private Messages(Properties templates) {
    this.templates = templates;
  }

  /** The defaults overlaid with a vendor's resource (which may be absent). */
  public static Messages load(String vendorResource) {
    Properties merged = new Properties();
    read(DEFAULTS, merged);
    if (vendorResource != null) {
      read(vendorResource, merged);
    }
    return new Messages(merged);
  }

  private static void read(String resource, Properties into) {
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in != null) {
        into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text for a violation; format and type errors look up {@code format.<format>} and {@code type.<type>}
   * first (languages put articles before type names differently).
   */
  public String text(Violation v) {
    String template = null;
    if (v.key().equals("format") || v.key().equals("type")) {
      template = templates.getProperty(v.key() + "." + v.arg(v.key()));
    }
    if (template == null) {
      template = templates.getProperty(v.key(), templates.getProperty("invalid"));
    }
    return fill(template, v);
  }

  /** A template by key with its placeholders filled from the violation. */
  public String text(String key, Violation v) {
    return fill(templates.getProperty(key, key), v);
  }

  private static String fill(String template, Violation v) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = switch (name) {
        case "field" -> v.field().isEmpty() ? "body" : v.field();
        case "label" -> label(v.field());
        default -> v.arg(name);
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A field in words, as frameworks print it: {@code preferredDueDays} and {@code tax_id} become "preferred due days", "tax id". */
  public static String label(String field) {
    if (field.isEmpty()) {
      return "body";
    }
    String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
    return CAMEL_HUMP.matcher(last).replaceAll("$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
  }
}

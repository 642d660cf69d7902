package dev.counterfeit.stubs.validation;

import java.util.Map;

/**
 * One reason a request is invalid, vendor-neutral: profiles turn it into their own words and envelope.
 *
 * @param location where the offending value travelled
 * @param field dotted path of the value ({@code name}, {@code address.street}, {@code items.0.name}); the
 *     parameter name for parameters; "" for the body as a whole
 * @param key what is wrong: a JSON Schema keyword ({@code required}, {@code maxLength}, {@code type}, ...) or
 *     an engine key ({@code ref} for a reference to nothing)
 * @param args the values a message needs: {@code limit}, {@code allowed}, {@code type} (expected),
 *     {@code found} (the JSON type sent), {@code format}
 */
public record Violation(Location location, String field, String key, Map<String, Object> args) {

  /** Where the offending value travelled. */
  public enum Location { BODY, PATH, QUERY, HEADER }

  public Violation {
    args = Map.copyOf(args);
  }

  /** An argument as text, or "". */
  public String arg(String name) {
    Object value = args.get(name);
    return value == null ? "" : value.toString();
  }
}

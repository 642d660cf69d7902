package dev.counterfeit.stubs.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a collection's ids look, read from the schema of the property the server fills with its id. */
sealed interface IdStyle {
  Pattern DIGITS = Pattern.compile("^\\^\\[0-9]\\{(\\d+)}\\$$");

  /** The stored (string) form of a new id, given the next counter value. */
  String next(long counter);

  /** The counter a given stored id used, so seeded ids are never handed out again; -1 when it has none. */
  long counterOf(String id);

  /** The id as the answer shows it. */
  JsonNode render(String id);

  /** Whether the counter is needed at all. */
  default boolean counted() {
    return true;
  }

  static IdStyle of(JsonNode schema) {
    String type = schema.path("type").isArray() ? schema.path("type").path(0).asText() : schema.path("type").asText();
    if (type.equals("integer") || type.equals("number")) {
      return new Sequence();
    }
    if (schema.path("format").asText().equals("uuid")) {
      return new Uuid();
    }
    Matcher digits = DIGITS.matcher(schema.path("pattern").asText());
    if (digits.matches()) {
      return new Digits(Integer.parseInt(digits.group(1)));
    }
    return new Text();
  }

  /** 1, 2, 3 ... answered as numbers. */
  record Sequence() implements IdStyle {
    public String next(long counter) {
      return Long.toString(counter);
    }

    public long counterOf(String id) {
      try {
        return Long.parseLong(id);
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    public JsonNode render(String id) {
      return LongNode.valueOf(Long.parseLong(id));
    }
  }

  /** Random UUIDs. */
  record Uuid() implements IdStyle {
    public String next(long counter) {
      return UUID.randomUUID().toString();
    }

    public long counterOf(String id) {
      return -1;
    }

    public JsonNode render(String id) {
      return TextNode.valueOf(id);
    }

    public boolean counted() {
      return false;
    }
  }

  /** Fixed-width digit strings ({@code ^[0-9]{18}$}): a leading 9, then the counter zero-padded. */
  record Digits(int width) implements IdStyle {
    public String next(long counter) {
      String body = Long.toString(counter);
      return "9" + "0".repeat(Math.max(0, width - 1 - body.length())) + body;
    }

    public long counterOf(String id) {
      if (id.length() != width || !id.startsWith("9")) {
        return -1;
      }
      try {
        return Long.parseLong(id.substring(1));
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    public JsonNode render(String id) {
      return TextNode.valueOf(id);
    }
  }

  /** Any other string id: the counter as text. */
  record Text() implements IdStyle {
    public String next(long counter) {
      return Long.toString(counter);
    }

    public long counterOf(String id) {
      return new Sequence().counterOf(id);
    }

    public JsonNode render(String id) {
      return TextNode.valueOf(id);
    }
  }
}

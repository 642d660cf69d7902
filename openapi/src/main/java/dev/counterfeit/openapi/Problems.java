package dev.counterfeit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a vendor answers each kind of problem, from the document's {@code x-counterfeit-problems}: per problem name
 * (kebab-case, {@code malformed-body}) the HTTP status, the vendor's error code and the fixed message, so neither
 * the fake nor the kit types them. The envelope they sit in is the vendor profile's; which names exist is the
 * fake's (its problem kinds), so this record only checks the form.
 *
 * @param answers the answer per problem name, in document order
 */
public record Problems(Map<String, Answer> answers) {
  private static final Pattern NAME = Pattern.compile("[a-z]+(-[a-z]+)*");
  /** The keys an answer may have besides {@code x-} annotations ({@code x-counterfeit-reason}). */
  private static final Set<String> KEYS = Set.of("status", "code", "message");

  /**
   * One problem's answer.
   *
   * @param status the HTTP status
   * @param code the vendor's error code ({@code BAD_REQUEST}), empty where its errors carry none
   * @param message the text the vendor always answers for it, empty where it answers the problem's own detail
   */
  public record Answer(int status, Optional<String> code, Optional<String> message) {}

  public Problems {
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
  }

  /** The answer the document gives a problem, empty when it lists none (the fake's default status then). */
  public Optional<Answer> answer(String name) {
    return Optional.ofNullable(answers.get(name));
  }

  /** What a document declares; a document without it lists no problem. */
  static Problems of(JsonNode document) {
    JsonNode node = document.path("x-counterfeit-problems");
    if (node.isMissingNode()) {
      return new Problems(Map.of());
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("x-counterfeit-problems must map problem names to {status, code, message}");
    }
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String name = entry.getKey();
      if (name.startsWith("x-")) {
        continue;
      }
      String where = "x-counterfeit-problems." + name;
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(where + ": a problem name is kebab-case (malformed-body)");
      }
      JsonNode answer = entry.getValue();
      for (Map.Entry<String, JsonNode> field : answer.properties()) {
        if (!field.getKey().startsWith("x-") && !KEYS.contains(field.getKey())) {
          throw new IllegalArgumentException(where + ": unknown key " + field.getKey() + " (status, code, message)");
        }
      }
      JsonNode status = answer.path("status");
      if (!status.isInt() || status.asInt() < 100 || status.asInt() > 599) {
        throw new IllegalArgumentException(where + ".status must be an HTTP status, got " + status);
      }
      answers.put(name, new Answer(status.asInt(), text(answer, "code", where), text(answer, "message", where)));
    }
    return new Problems(answers);
  }

  private static Optional<String> text(JsonNode answer, String field, String where) {
    JsonNode value = answer.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException(where + "." + field + " must be a non-empty string");
    }
    return Optional.of(value.asText());
  }
}

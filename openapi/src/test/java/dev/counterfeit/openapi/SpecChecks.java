package dev.counterfeit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks every spec must pass; each returns the problems found, empty when the spec is clean. */
final class SpecChecks {
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  static final Set<String> ACTIONS = Set.of("list", "create", "read", "replace", "merge", "delete", "custom");

  private SpecChecks() {}

  static ApiSpec read(Path file) throws Exception {
    String vendor = file.getFileName().toString().replaceFirst("\\.yaml$", "");
    return ApiSpec.fromText(vendor, Files.readString(file));
  }

  /** Every schema-level {@code examples} entry, media-type/parameter {@code examples.*.value} and {@code example}. */
  static List<String> invalidExamples(ApiSpec spec) {
    List<String> problems = new ArrayList<>();
    walk(spec, spec.tree(), "", problems);
    return problems;
  }

  private static void walk(ApiSpec spec, JsonNode node, String pointer, List<String> problems) {
    if (node.isObject()) {
      boolean inSchema = pointer.contains("/schema") || pointer.startsWith("/components/schemas/");
      JsonNode examples = node.get("examples");
      if (inSchema && examples != null && examples.isArray() && !isPropertyNamed(pointer, "examples")) {
        for (int i = 0; i < examples.size(); i++) {
          check(spec, pointer, examples.get(i), pointer + "/examples/" + i, problems);
        }
      }
      if (!inSchema && node.has("schema")) {
        if (examples != null && examples.isObject()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = examples.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode example = spec.deref(e.getValue());
            if (example.has("value")) {
              check(spec, pointer + "/schema", example.get("value"),
                  pointer + "/examples/" + ApiSpec.escape(e.getKey()), problems);
            }
          }
        }
        if (node.has("example")) {
          check(spec, pointer + "/schema", node.get("example"), pointer + "/example", problems);
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(spec, e.getValue(), pointer + "/" + ApiSpec.escape(e.getKey()), problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(spec, node.get(i), pointer + "/" + i, problems);
      }
    }
  }

  /** True when the node at pointer is a property literally named {@code name} (so "examples" is data). */
  private static boolean isPropertyNamed(String pointer, String name) {
    return pointer.endsWith("/properties/" + name);
  }

  private static void check(ApiSpec spec, String schemaPointer, JsonNode value, String where, List<String> problems) {
    List<Error> errors = spec.schema(schemaPointer).validate(value);
    for (Error error : errors) {
      problems.add(where + ": " + error.getMessage());
    }
  }

  /** Operations without an operationId, a 4xx response or the engine's extensions. */
  static List<String> incompleteOperations(ApiSpec spec) {
    List<String> problems = new ArrayList<>();
    spec.tree().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (!METHODS.contains(op.getKey())) {
        return;
      }
      String where = op.getKey().toUpperCase() + " " + path.getKey();
      JsonNode operation = op.getValue();
      if (!operation.hasNonNull("operationId")) {
        problems.add(where + ": no operationId");
      }
      boolean has4xx = false;
      for (Iterator<String> codes = operation.path("responses").fieldNames(); codes.hasNext(); ) {
        has4xx |= codes.next().startsWith("4");
      }
      if (!has4xx) {
        problems.add(where + ": declares no 4xx error response");
      }
      String action = operation.path("x-counterfeit-action").asText("");
      if (!ACTIONS.contains(action)) {
        problems.add(where + ": x-counterfeit-action is '" + action + "', expected one of " + ACTIONS);
      }
      if (!operation.hasNonNull("x-counterfeit-resource")) {
        problems.add(where + ": no x-counterfeit-resource");
      }
      if (action.equals("custom") && !operation.hasNonNull("x-counterfeit-handler")) {
        problems.add(where + ": custom action without x-counterfeit-handler");
      }
    }));
    return problems;
  }

  /** Every {@code x-counterfeit-inferred: true} must say why. */
  static List<String> inferredWithoutReason(ApiSpec spec) {
    List<String> problems = new ArrayList<>();
    inferred(spec.tree(), "", problems);
    return problems;
  }

  private static void inferred(JsonNode node, String pointer, List<String> problems) {
    if (node.isObject()) {
      if (node.path("x-counterfeit-inferred").asBoolean(false)
          && node.path("x-counterfeit-reason").asText("").isBlank()) {
        problems.add(pointer + ": inferred without x-counterfeit-reason");
      }
      node.fields().forEachRemaining(e -> inferred(e.getValue(), pointer + "/" + ApiSpec.escape(e.getKey()), problems));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        inferred(node.get(i), pointer + "/" + i, problems);
      }
    }
  }

  /** Command-line entry for spec authors: prints every problem in the given files, exit 1 if any. */
  public static void main(String[] args) throws Exception {
    int total = 0;
    for (String arg : args) {
      ApiSpec spec = read(Path.of(arg));
      List<String> problems = new ArrayList<>();
      spec.parseMessages().forEach(m -> problems.add("parser: " + m));
      problems.addAll(invalidExamples(spec));
      problems.addAll(incompleteOperations(spec));
      problems.addAll(inferredWithoutReason(spec));
      problems.forEach(p -> System.out.println(arg + ": " + p));
      total += problems.size();
      System.out.println(arg + ": " + problems.size() + " problem(s)");
    }
    System.exit(total == 0 ? 0 : 1);
  }
}

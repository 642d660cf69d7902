package dev.counterfeit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every spec in this folder, checked the way the engine and the conformance kit rely on it. */
class SpecChecksTest {
  private static final Path FOLDER = Path.of(System.getProperty("user.dir"));

  private static List<Path> specFiles() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void folderHoldsTheFourVendorSpecs() throws IOException {
    assertThat(specFiles()).extracting(p -> p.getFileName().toString())
        .contains("apidev.yaml", "finsync.yaml", "fintoro.yaml", "flowtly.yaml");
  }

  @TestFactory
  Stream<DynamicNode> everySpec() throws IOException {
    return specFiles().stream().map(file -> {
      ApiSpec spec;
      try {
        spec = SpecChecks.read(file);
      } catch (Exception e) {
        return dynamicTest(file.getFileName() + " loads", () -> { throw e; });
      }
      return dynamicContainer(file.getFileName().toString(), file.toUri(), Stream.of(
          dynamicTest("parses with no swagger-parser errors or warnings",
              () -> assertThat(spec.parseMessages()).isEmpty()),
          dynamicTest("every example validates against its schema",
              () -> assertThat(SpecChecks.invalidExamples(spec)).isEmpty()),
          dynamicTest("every operation has an id, error responses and the engine's extensions",
              () -> assertThat(SpecChecks.incompleteOperations(spec)).isEmpty()),
          dynamicTest("every inferred decision gives its reason",
              () -> assertThat(SpecChecks.inferredWithoutReason(spec)).isEmpty())));
    });
  }

  @TestFactory
  Stream<DynamicNode> documentedLimitsAreInTheSpecs() throws IOException {
    List<DynamicNode> tests = new ArrayList<>();
    for (String line : limitRows()) {
      String[] f = line.split(",");
      String vendor = f[0], operationId = f[1], in = f[2], field = f[3], keyword = f[4], expected = f[5];
      tests.add(dynamicTest(vendor + " " + operationId + " " + field + " " + keyword + " " + expected, () -> {
        ApiSpec spec = SpecChecks.read(FOLDER.resolve(vendor + ".yaml"));
        JsonNode schema = in.equals("body") ? bodyProperty(spec, operationId, field) : queryParam(spec, operationId, field);
        assertThat(schema.path(keyword).asText()).as("%s of %s in %s", keyword, field, operationId).isEqualTo(expected);
      }));
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  private static List<String> limitRows() throws IOException {
    try (InputStream in = SpecChecksTest.class.getResourceAsStream("/documented-limits.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }

  private static JsonNode operation(ApiSpec spec, String operationId) {
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.tree().path("paths").fields(); paths.hasNext(); ) {
      for (JsonNode op : paths.next().getValue()) {
        if (op.path("operationId").asText().equals(operationId)) {
          return op;
        }
      }
    }
    throw new AssertionError("no operation " + operationId + " in " + spec.vendor());
  }

  private static JsonNode bodyProperty(ApiSpec spec, String operationId, String field) {
    JsonNode content = spec.deref(operation(spec, operationId).path("requestBody")).path("content");
    JsonNode schema = spec.deref(content.elements().next().path("schema"));
    JsonNode property = spec.deref(schema.path("properties").path(field));
    assertThat(property.isMissingNode()).as("%s has a property %s", operationId, field).isFalse();
    return property;
  }

  private static JsonNode queryParam(ApiSpec spec, String operationId, String name) {
    for (JsonNode p : operation(spec, operationId).path("parameters")) {
      JsonNode param = spec.deref(p);
      if (param.path("name").asText().equals(name) && param.path("in").asText().equals("query")) {
        return spec.deref(param.path("schema"));
      }
    }
    throw new AssertionError(operationId + " has no query parameter " + name);
  }
}

package dev.counterfeit.stubs.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.counterfeit.openapi.model.Operation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an answer against what the spec declares for the operation: a declared status, and a body that
 * validates against that status's schema. Used to prove the fake never answers outside its contract.
 */
public final class ResponseValidator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What is wrong with the answer, as readable lines; empty when it conforms. */
  public List<String> check(Operation op, int status, byte[] body) {
    List<String> problems = new ArrayList<>();
    Optional<String> declared = op.declaredStatus(status);
    if (declared.isEmpty()) {
      problems.add(op + " answered " + status + ", which the spec does not declare");
      return problems;
    }
    Schema schema = op.responses().get(declared.get()).schema();
    if (schema == null) {
      if (body.length > 0) {
        problems.add(op + " answered " + status + " with a body the spec does not declare");
      }
      return problems;
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      problems.add(op + " answered " + status + " with a body that is not JSON");
      return problems;
    }
    for (Error error : schema.validate(node == null ? JSON.nullNode() : node)) {
      problems.add(op + " answered " + status + ": " + error.getInstanceLocation() + " " + error.getMessage());
    }
    return problems;
  }
}

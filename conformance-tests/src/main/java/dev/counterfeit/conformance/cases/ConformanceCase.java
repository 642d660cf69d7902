package dev.counterfeit.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One derived check: a request against one operation and what the spec says the answer must be.
 *
 * @param vendor the spec's vendor id
 * @param operationId the operation
 * @param method upper-case HTTP method
 * @param path the path template as the spec writes it ({@code /clients/{id}})
 * @param rule the rule checked
 * @param subject the field, parameter or security scheme the rule is about, or null
 * @param label the short description after the status in the test name ({@code name maxLength+1})
 * @param expectedStatus the status the spec demands
 * @param request the request
 * @param polarity whether the request must be accepted or refused
 * @param check what is verified beyond status and response schema
 * @param expectations for {@link Check#READ_BACK} server-set values, for {@link Check#REPLACE} the defaults
 *     of omitted fields, keyed by request field name
 * @param abortReason when not null the case cannot run anywhere and is aborted with this reason
 */
public record ConformanceCase(
    String vendor,
    String operationId,
    String method,
    String path,
    Rule rule,
    String subject,
    String label,
    int expectedStatus,
    CaseRequest request,
    Polarity polarity,
    Check check,
    Map<String, JsonNode> expectations,
    String abortReason) {

  public ConformanceCase {
    expectations = expectations == null ? Map.of() : Map.copyOf(expectations);
  }

  /** The test name: {@code POST /clients -> 422 name maxLength+1}. Stable across runs. */
  public String displayName() {
    if (rule == Rule.GENERATION_FAILED) {
      return operationId + ": " + label;
    }
    return method + " " + path + " -> " + expectedStatus + " " + label;
  }

  public ConformanceCase withLabel(String value) {
    return new ConformanceCase(vendor, operationId, method, path, rule, subject, value, expectedStatus, request, polarity,
        check, expectations, abortReason);
  }

  public ConformanceCase aborted(String reason) {
    return new ConformanceCase(vendor, operationId, method, path, rule, subject, label, expectedStatus, request, polarity,
        check, expectations, reason);
  }
}

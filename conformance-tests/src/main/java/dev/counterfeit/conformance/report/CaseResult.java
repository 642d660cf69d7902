package dev.counterfeit.conformance.report;

/**
 * One row of the summary.
 *
 * @param vendor the vendor
 * @param operation the operationId
 * @param test the test name ({@code POST /clients -> 422 name maxLength+1})
 * @param rule the rule's one-line summary
 * @param expected what the spec demands
 * @param actual what the implementation did
 * @param verdict PASS, FAIL or ABORTED
 * @param detail why it failed or was aborted; empty on a pass
 */
public record CaseResult(String vendor, String operation, String test, String rule, String expected, String actual,
    String verdict, String detail) {}

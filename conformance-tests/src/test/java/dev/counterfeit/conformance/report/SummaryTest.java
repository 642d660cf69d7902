package dev.counterfeit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void listsEveryRuleWithCountsPerVendorAndTheDetailsOfFailures() {
    Summary summary = new Summary();
    summary.add(new CaseResult("fintoro", "createClient", "POST /clients -> 422 name maxLength+1 (256 chars)",
        "string at maxLength+1 rejected", "422", "201 (1 problem)", "FAIL", "answered 201 where the spec demands 422"));
    summary.add(new CaseResult("fintoro", "createClient", "POST /clients -> 201 name at maxLength 255",
        "string at maxLength accepted", "201, stored as sent", "201", "PASS", ""));
    summary.add(new CaseResult("flowtly", "getClient", "GET /clients/{id} -> 404 item of another tenant",
        "another tenant's item is not found", "404", "not run", "ABORTED", "no other tenant"));

    String md = summary.markdown();

    assertThat(md).contains("| fintoro | 2 | 1 | 1 | 0 |", "| flowtly | 1 | 0 | 0 | 1 |", "| **all** | 3 | 1 | 1 | 1 |")
        .contains("| fintoro | createClient | string at maxLength+1 rejected | POST /clients -> 422 name maxLength+1 (256 chars) | 422 | 201 (1 problem) | FAIL |")
        .contains("### FAIL: fintoro POST /clients -> 422", "answered 201 where the spec demands 422")
        .contains("### ABORTED: flowtly", "no other tenant");
  }

  @Test
  void pipesInCellsDoNotBreakTheTable() {
    Summary summary = new Summary();
    summary.add(new CaseResult("v", "op", "a|b", "r", "e", "x", "PASS", ""));
    assertThat(summary.markdown()).contains("a\\|b");
  }
}

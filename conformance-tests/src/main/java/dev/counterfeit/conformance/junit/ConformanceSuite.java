package dev.counterfeit.conformance.junit;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.counterfeit.conformance.cases.ConformanceCase;
import dev.counterfeit.conformance.cases.Rule;
import dev.counterfeit.conformance.exec.KitRun;
import dev.counterfeit.conformance.exec.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The conformance kit as JUnit tests: vendor, then operationId, then one dynamic test per case, named
 * {@code POST /clients -> 422 name maxLength+1} and pointing at the vendor's spec file. A failing rule fails its
 * test, a case that cannot run here is aborted with the reason, a spec that yields no cases is a failure.
 *
 * <p>Run it from Maven (the acceptance test extends it) or from the CLI jar; both configure it through
 * {@code counterfeit.*} parameters.
 */
@ExtendWith(KitExtension.class)
public class ConformanceSuite {

  @TestFactory
  Stream<DynamicNode> conformance(KitRun run) {
    List<DynamicNode> vendors = new ArrayList<>();
    int total = 0;
    for (KitRun.VendorPlan plan : run.plans()) {
      if (plan.problem() != null) {
        vendors.add(dynamicContainer(plan.vendor(), plan.source(), Stream.of(dynamicTest("spec loads", () -> {
          run.record(plan.vendor(), "-", "spec loads", Rule.GENERATION_FAILED,
              Outcome.fail("spec loads", "failed", plan.problem()));
          throw new AssertionFailedError(plan.problem());
        }))));
        continue;
      }
      total += plan.cases().size();
      Map<String, List<DynamicNode>> byOperation = new LinkedHashMap<>();
      for (ConformanceCase c : plan.cases()) {
        byOperation.computeIfAbsent(c.operationId(), k -> new ArrayList<>())
            .add(dynamicTest(c.displayName(), plan.source(), () -> report(run.execute(plan.vendor(), c))));
      }
      List<DynamicNode> operations = new ArrayList<>();
      byOperation.forEach((operation, tests) -> operations.add(dynamicContainer(operation, plan.source(),
          tests.stream())));
      vendors.add(dynamicContainer(plan.vendor(), plan.source(), operations.stream()));
    }
    if (total == 0) {
      vendors.add(dynamicTest("cases were generated", () -> {
        String problem = "no conformance case was generated for " + run.config().apis();
        run.record("-", "-", "cases were generated", Rule.GENERATION_FAILED,
            Outcome.fail("cases", "none", problem));
        throw new AssertionFailedError(problem);
      }));
    }
    return vendors.stream();
  }

  private static void report(Outcome outcome) {
    switch (outcome.verdict()) {
      case PASS -> { }
      case ABORTED -> throw new TestAbortedException(outcome.detail());
      case FAIL -> throw new AssertionFailedError(outcome.detail(), outcome.expected(), outcome.actual());
    }
  }
}

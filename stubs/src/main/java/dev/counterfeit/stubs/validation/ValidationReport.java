package dev.counterfeit.stubs.validation;

import java.util.ArrayList;
import java.util.List;

/** The violations found in one request; immutable, empty when the request is valid. */
public record ValidationReport(List<Violation> violations) {
  private static final ValidationReport EMPTY = new ValidationReport(List.of());

  public ValidationReport {
    violations = List.copyOf(violations);
  }

  public static ValidationReport empty() {
    return EMPTY;
  }

  public static ValidationReport of(Violation violation) {
    return new ValidationReport(List.of(violation));
  }

  public boolean hasErrors() {
    return !violations.isEmpty();
  }

  /** This report followed by another's violations. */
  public ValidationReport merge(ValidationReport other) {
    if (!other.hasErrors()) {
      return this;
    }
    List<Violation> all = new ArrayList<>(violations);
    all.addAll(other.violations);
    return new ValidationReport(all);
  }
}

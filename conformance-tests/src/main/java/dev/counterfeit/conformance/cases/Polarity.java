package dev.counterfeit.conformance.cases;

/** Whether a case expects the implementation to accept the request or to refuse it. */
public enum Polarity {
  POSITIVE,
  NEGATIVE
}

package dev.counterfeit.conformance.junit;

/**
 * The whole kit against the counterfeit fake, started in-process on a free port (no base URL is set, so the
 * embedded fake on the test classpath is used). Every derived case must pass or be aborted with a reason.
 * With {@code -Dcounterfeit.baseUrl=…} and credentials, the same class checks any other implementation.
 */
class FakeConformanceAcceptanceTest extends ConformanceSuite {}

package dev.counterfeit.stubs.testsupport;

import dev.counterfeit.stubs.CounterfeitServer;
import dev.counterfeit.stubs.StubServerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One fake per test class, started before its first test, back to the seed before each test, stopped after
 * the last: {@code @RegisterExtension static final SharedFake FAKE = new SharedFake();}.
 */
public final class SharedFake implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private final StubServerConfig config;
  private CounterfeitServer server;

  /** Every API, seeded, on a free port, rate limits off. */
  public SharedFake() {
    this(StubServerConfig.builder().port(0).rateLimits(false).build());
  }

  public SharedFake(StubServerConfig config) {
    this.config = config;
  }

  public CounterfeitServer server() {
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = CounterfeitServer.start(config);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.stop();
  }
}

package dev.counterfeit.conformance.testsupport;

import dev.counterfeit.conformance.cases.Credentials;
import dev.counterfeit.conformance.exec.CannotRun;
import dev.counterfeit.conformance.exec.Session;
import dev.counterfeit.conformance.exec.VendorProfile;
import dev.counterfeit.openapi.model.Operation;
import java.util.Map;
import java.util.Optional;

/** The tiny API's credentials: {@code Bearer good}; no other tenant, no read-only token. */
public final class TinyProfile implements VendorProfile {
  @Override
  public String id() {
    return "tiny";
  }

  @Override
  public void authenticate(Operation op, Credentials credentials, Map<String, String> headers,
      Session session) {
    switch (credentials.kind()) {
      case NONE -> { }
      case VALID -> headers.put("Authorization", "Bearer good");
      case INVALID -> headers.put("Authorization", "Bearer bad");
      default -> throw new CannotRun("tiny has no " + credentials.kind() + " credentials");
    }
  }

  @Override
  public boolean has(Credentials.Kind kind) {
    return kind == Credentials.Kind.VALID;
  }

  @Override
  public Optional<String> credential(String key) {
    return Optional.empty();
  }
}

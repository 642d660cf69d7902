package dev.counterfeit.stubs.testsupport;

import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.ApiModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A small spec with one of each thing the engine reads, for unit tests that need compiled operations. */
public final class TinySpec {
  private TinySpec() {}

  public static ApiModel model() {
    try (InputStream in = TinySpec.class.getResourceAsStream("/specs/tiny.yaml")) {
      return ApiModel.compile(ApiSpec.fromText("tiny", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.counterfeit.conformance.testsupport;

import dev.counterfeit.openapi.ApiSpec;
import dev.counterfeit.openapi.model.ApiModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The kit's own test spec, {@code specs/tiny/tiny.yaml}, and variants of it. */
public final class TinySpec {
  private TinySpec() {}

  public static String text() {
    try (InputStream in = TinySpec.class.getClassLoader().getResourceAsStream("specs/tiny/tiny.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ApiModel model() {
    return model(text());
  }

  public static ApiModel model(String yaml) {
    return ApiModel.compile(ApiSpec.fromText("tiny", yaml));
  }
}

package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.openapi.ApiSpec;
import java.util.Optional;

/**
 * A security scheme of {@code components/securitySchemes}, reduced to where its credential travels. Only header
 * API keys and HTTP bearer tokens are read; a spec naming another kind is refused.
 *
 * @param name the scheme's name in {@code components/securitySchemes}
 * @param header the header carrying it ({@code Authorization} for bearer)
 * @param bearer whether the header value is {@code Bearer <token>}
 */
public record SecurityScheme(String name, String header, boolean bearer) {

  /** The scheme of this name in a document; empty when it has none or one of another kind. */
  public static Optional<SecurityScheme> read(ApiSpec spec, String name) {
    JsonNode s = spec.at("/components/securitySchemes/" + ApiSpec.escape(name));
    String type = s.path("type").asText();
    if (type.equals("apiKey") && s.path("in").asText().equals("header")) {
      return Optional.of(new SecurityScheme(name, s.path("name").asText(), false));
    }
    if (type.equals("http") && s.path("scheme").asText().equalsIgnoreCase("bearer")) {
      return Optional.of(new SecurityScheme(name, "Authorization", true));
    }
    return Optional.empty();
  }

  static SecurityScheme of(ApiSpec spec, String name) {
    return read(spec, name).orElseThrow(() -> new SpecException(
        spec.vendor() + ": security scheme " + name + " is neither a header API key nor bearer"));
  }
}

package dev.counterfeit.junit5;

import java.util.List;

/**
 * One demo credential from an API's seed, with the header it travels in.
 *
 * @param api the vendor id
 * @param scheme the spec's security scheme ({@code bearerAuth}, {@code apiKey}, {@code tenantHeader})
 * @param header the header name ({@code Authorization}, {@code x-api-key}, ...)
 * @param value the token or key itself
 * @param bearer whether it is sent as {@code Bearer <value>}
 * @param tenant the demo company it belongs to ({@code acme}, {@code globex})
 * @param grants its scopes where the API has them ({@code read}, {@code write}); empty when it may do everything
 */
public record DemoCredential(
    String api, String scheme, String header, String value, boolean bearer, String tenant, List<String> grants) {

  public DemoCredential {
    grants = List.copyOf(grants);
  }

  /** What to put in {@link #header()}: {@code Bearer <value>} for bearer tokens, the value otherwise. */
  public String headerValue() {
    return bearer ? "Bearer " + value : value;
  }
}

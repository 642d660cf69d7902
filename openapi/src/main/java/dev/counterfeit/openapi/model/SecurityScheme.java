package dev.counterfeit.openapi.model;

/**
 * A security scheme an operation requires, reduced to where its credential travels.
 *
 * @param name the scheme's name in {@code components/securitySchemes}
 * @param header the header carrying it ({@code Authorization} for bearer)
 * @param bearer whether the header value is {@code Bearer <token>}
 */
public record SecurityScheme(String name, String header, boolean bearer) {}

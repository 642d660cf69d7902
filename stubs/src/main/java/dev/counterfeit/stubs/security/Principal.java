package dev.counterfeit.stubs.security;

import java.util.Set;

/**
 * Who is calling: the tenant (company) the credentials belong to and what they may do.
 *
 * @param grants permissions ({@code read}, {@code write}, or vendor names like {@code APICLI_CLIENTS_WRITE});
 *     {@code *} grants everything
 */
public record Principal(String tenant, Set<String> grants) {
  public Principal {
    grants = Set.copyOf(grants);
  }

  public boolean may(String permission) {
    return grants.contains("*") || grants.contains(permission);
  }
}

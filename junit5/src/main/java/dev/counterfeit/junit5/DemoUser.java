package dev.counterfeit.junit5;

import java.util.List;

/**
 * A demo user that logs in with email and password (apidev's {@code POST /apidev/v1/login}).
 *
 * @param grants the permissions the user's token carries ({@code APICLI_CLIENTS_WRITE}, ...)
 */
public record DemoUser(String api, String email, String password, String tenant, List<String> grants) {

  public DemoUser {
    grants = List.copyOf(grants);
  }
}

package dev.counterfeit.stubs.security;

import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.problem.Outcome;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.openapi.model.SecurityScheme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first step: who is calling, from the credentials the operation's security requirements name. Any one
 * requirement (alternative) suffices; all schemes of it must be present and belong to the same tenant, and the
 * caller may do what every one of its credentials allows.
 */
public final class Authenticator {
  private static final String BEARER = "Bearer ";

  private final Credentials credentials;

  public Authenticator(Credentials credentials) {
    this.credentials = credentials;
  }

  /**
   * Goes on with the caller (null on a public route), or stops with missing credentials, or with invalid ones
   * when every alternative had all its credentials and none was right.
   */
  public Outcome<Principal> authenticate(String vendor, Operation op, HttpRequest request) {
    if (op.security().isEmpty()) {
      return Outcome.goOn(null);
    }
    Set<String> missing = null;
    boolean presentButWrong = false;
    for (List<SecurityScheme> requirement : op.security()) {
      // One credential per requirement is the common case: a list is made only for a second.
      Principal first = null;
      List<Principal> several = null;
      boolean complete = true;
      boolean wrong = false;
      for (SecurityScheme scheme : requirement) {
        String raw = request.header(scheme.header());
        if (raw == null || raw.isBlank()) {
          if (missing == null) {
            missing = new LinkedHashSet<>();
          }
          missing.add(scheme.header());
          complete = false;
          continue;
        }
        String value = raw.trim();
        if (scheme.bearer()) {
          if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            wrong = true;
            continue;
          }
          value = value.substring(BEARER.length()).trim();
        }
        Optional<Principal> principal = credentials.find(vendor, scheme.name(), value);
        if (principal.isEmpty()) {
          wrong = true;
        } else if (first == null) {
          first = principal.get();
        } else {
          if (several == null) {
            several = new ArrayList<>(requirement.size());
            several.add(first);
          }
          several.add(principal.get());
        }
      }
      if (!complete) {
        continue;
      }
      if (wrong || first == null || several != null && !sameTenant(several)) {
        presentButWrong = true;
        continue;
      }
      return Outcome.goOn(several == null ? first : new Principal(first.tenant(), commonGrants(several)));
    }
    if (presentButWrong && missing == null) {
      return Outcome.stop(Problem.of(ProblemKind.INVALID_CREDENTIALS, "Invalid or expired credentials."));
    }
    return Outcome.stop(Problem.of(ProblemKind.MISSING_CREDENTIALS,
        "Missing required headers: " + String.join(", ", missing) + "."));
  }

  private static boolean sameTenant(List<Principal> principals) {
    for (Principal p : principals) {
      if (!p.tenant().equals(principals.get(0).tenant())) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> commonGrants(List<Principal> principals) {
    Set<String> grants = null;
    for (Principal p : principals) {
      if (p.grants().contains("*")) {
        continue;
      }
      if (grants == null) {
        grants = new HashSet<>(p.grants());
      } else {
        grants.retainAll(p.grants());
      }
    }
    return grants == null ? Set.of("*") : grants;
  }
}

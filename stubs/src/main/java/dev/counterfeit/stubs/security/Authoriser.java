package dev.counterfeit.stubs.security;

import dev.counterfeit.stubs.problem.Outcome;
import dev.counterfeit.stubs.problem.Problem;
import dev.counterfeit.stubs.problem.ProblemKind;
import dev.counterfeit.openapi.model.Operation;

/**
 * The step after the rate limits: whether the caller may run the operation. An operation needs its
 * {@code x-counterfeit-permission}, or {@code write} for methods that change state and {@code read} otherwise.
 */
public final class Authoriser {

  /** Goes on when the caller holds the permission (always on a public route), stops with FORBIDDEN otherwise. */
  public Outcome<Void> authorise(Operation op, Principal principal) {
    if (principal == null) {
      return Outcome.goOn(null);
    }
    String permission = op.permission() != null ? op.permission() : op.isWrite() ? "write" : "read";
    if (principal.may(permission)) {
      return Outcome.goOn(null);
    }
    return Outcome.stop(Problem.of(ProblemKind.FORBIDDEN,
        "This action is unauthorized: it needs the " + permission + " permission."));
  }
}

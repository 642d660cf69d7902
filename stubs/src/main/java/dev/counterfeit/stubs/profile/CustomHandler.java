package dev.counterfeit.stubs.profile;

import dev.counterfeit.stubs.action.HandlerContext;
import dev.counterfeit.stubs.http.HttpResponse;

/** A vendor-specific operation ({@code x-counterfeit-action: custom}); answers or refuses with a problem. */
@FunctionalInterface
public interface CustomHandler {
  /** Runs the operation; a {@link dev.counterfeit.stubs.problem.ProblemException} becomes the vendor's error answer. */
  HttpResponse handle(HandlerContext context);
}

package dev.counterfeit.stubs.response;

import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.security.Principal;
import dev.counterfeit.openapi.model.Operation;
import dev.counterfeit.stubs.store.RateWindows;
import java.time.Instant;

/**
 * What a profile knows when it adds its headers to an answer.
 *
 * @param operation the operation, or null when the request matched none (404, 405)
 * @param principal the caller, or null when unauthenticated
 * @param now the fake's clock
 * @param rate the caller's rate-limit counter for this operation, or null when none applies
 */
public record AnswerContext(Operation operation, Principal principal, HttpRequest request, Instant now,
    RateWindows.Decision rate) {}

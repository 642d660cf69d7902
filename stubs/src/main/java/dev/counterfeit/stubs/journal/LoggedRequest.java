package dev.counterfeit.stubs.journal;

import java.time.Instant;

/**
 * One answered request as the request log keeps it.
 *
 * @param sequence its number since start (1, 2, ...), so readers can tell entries apart
 * @param time when it arrived, on the fake's clock
 * @param method upper-case method
 * @param path the path with the query string, as sent
 * @param status the answer's status; 0 when the connection was closed without one (a forced reset)
 * @param durationMs how long the answer took, forced delays included
 * @param vendor the API whose base path the request fell under, or null for none
 */
public record LoggedRequest(long sequence, Instant time, String method, String path, int status, long durationMs,
    String vendor) {}

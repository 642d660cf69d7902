package dev.counterfeit.conformance.cases;

/**
 * What the executor verifies beyond the status and the response schema, which every case checks.
 */
public enum Check {
  /** Status, response schema and (where the vendor has them) error codes only. */
  STATUS,
  /** A fresh read of the written item shows every sent field, and server-set fields at their set values. */
  READ_BACK,
  /** Merge semantics: sent fields changed (null cleared), every other field unchanged on a fresh read. */
  MERGE,
  /** Replace semantics: sent fields stored, every omitted field back to its default or null. */
  REPLACE,
  /** After a delete, reading the item answers 404. */
  GONE,
  /** A field outside the schema is accepted and never returned. */
  NOT_RETURNED,
  /**
   * The documented rate limit: requests until the 429, its envelope and headers, counters on the way, and an
   * answer again once the window has passed.
   */
  RATE_LIMIT
}

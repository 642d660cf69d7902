package dev.counterfeit.conformance.cases;

/** The rule a case checks; the report groups and counts by it. */
public enum Rule {
  EXAMPLE_ACCEPTED("valid request accepted"),
  ANSWER_MATCHES_RECORD("a write's answer agrees with a fresh read"),
  MAX_LENGTH_AT("string at maxLength accepted"),
  MAX_LENGTH_OVER("string at maxLength+1 rejected"),
  MIN_LENGTH_AT("string at minLength accepted"),
  MIN_LENGTH_UNDER("string at minLength-1 rejected"),
  MINIMUM_AT("number at minimum accepted"),
  BELOW_MINIMUM("number at minimum-1 rejected"),
  MAXIMUM_AT("number at maximum accepted"),
  ABOVE_MAXIMUM("number at maximum+1 rejected"),
  REQUIRED_MISSING("required field omitted rejected"),
  ENUM_UNKNOWN("value outside enum rejected"),
  FORMAT_INVALID("value breaking its format rejected"),
  PATTERN_MISMATCH("value breaking its pattern rejected"),
  WRONG_TYPE("wrong JSON type rejected"),
  UNKNOWN_REFERENCE("reference to a missing item rejected"),
  UNKNOWN_FIELD_REJECTED("unknown field rejected"),
  UNKNOWN_FIELD_IGNORED("unknown field ignored and not stored"),
  SERVER_SET_FIELD("field set by the server whatever the body says"),
  MERGE_ONE_FIELD("partial update changes only the sent field"),
  MERGE_NULL_CLEARS("partial update with null clears a nullable field"),
  MERGE_NULL_REJECTED("partial update with null on a non-nullable field rejected"),
  REPLACE_RESETS_OMITTED("full replacement resets omitted fields"),
  DELETE_THEN_GONE("deleted item answers 404"),
  MALFORMED_JSON("malformed JSON rejected"),
  WRONG_CONTENT_TYPE("unsupported content type rejected"),
  NO_CREDENTIALS("missing credentials rejected"),
  MISSING_CREDENTIAL("one missing credential header rejected"),
  INVALID_CREDENTIAL("wrong credentials rejected"),
  READ_ONLY_CREDENTIAL("write without write permission rejected"),
  OTHER_TENANT("another tenant's item is not found"),
  UNKNOWN_ID("unknown id answers 404"),
  RATE_LIMITED("rate limit answers 429"),
  VENDOR_RULE("vendor rule no spec states"),
  GENERATION_FAILED("case generation failed");

  private final String summary;

  Rule(String summary) {
    this.summary = summary;
  }

  /** One line for the report. */
  public String summary() {
    return summary;
  }
}

package dev.counterfeit.stubs.proxy;

/**
 * One way an exchange broke the contract.
 *
 * @param rule what kind of break, stable for counting: {@code request.body.required}, {@code request.security},
 *     {@code response.status}, {@code response.body.schema}, {@code upstream.unreachable}, ...
 * @param message the break in words, for people
 */
record Finding(String rule, String message) {
  @Override
  public String toString() {
    return "[" + rule + "] " + message;
  }
}

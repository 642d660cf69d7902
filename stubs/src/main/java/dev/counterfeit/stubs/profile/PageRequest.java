package dev.counterfeit.stubs.profile;

/**
 * Which slice of a list to answer.
 *
 * @param offset items to skip
 * @param limit items to answer at most; {@link Integer#MAX_VALUE} when the vendor does not paginate
 */
public record PageRequest(int offset, int limit) {
  public static final PageRequest ALL = new PageRequest(0, Integer.MAX_VALUE);
}

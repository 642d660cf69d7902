package dev.counterfeit.stubs.action;

/**
 * Which slice of a list to answer.
 *
 * @param offset items to skip
 * @param limit items to answer at most; {@link Integer#MAX_VALUE} when the vendor does not paginate
 */
public record PageRequest(int offset, int limit) {
  public static final PageRequest ALL = new PageRequest(0, Integer.MAX_VALUE);

  /**
   * Page-number pagination: {@code page} counts from 1, {@code size} items a page. The parameters arrive
   * with the spec's defaults applied; a spec that gives the size no default does not page.
   */
  public static PageRequest numbered(java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> params,
      String pageParam, String sizeParam) {
    if (!params.containsKey(sizeParam)) {
      return ALL;
    }
    int page = params.containsKey(pageParam) ? params.get(pageParam).asInt() : 1;
    int size = params.get(sizeParam).asInt();
    return new PageRequest((page - 1) * size, size);
  }

  /** The 1-based number of the page this request asks for. */
  public int pageNumber() {
    return offset / limit + 1;
  }
}

package dev.counterfeit.stubs.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.openapi.Pagination;
import java.util.Map;

/**
 * Which slice of a list to answer.
 *
 * @param offset items to skip
 * @param limit items to answer at most; {@link Integer#MAX_VALUE} when the vendor does not paginate
 */
public record PageRequest(int offset, int limit) {
  public static final PageRequest ALL = new PageRequest(0, Integer.MAX_VALUE);

  /**
   * The slice the spec's paging parameters ask for. The parameters arrive with the spec's defaults applied; a list
   * whose size parameter has no default and was not sent is not paged. Page numbers count from 1.
   */
  static PageRequest of(Pagination pagination, Map<String, JsonNode> params) {
    if (pagination.style() == Pagination.Style.NONE || !params.containsKey(pagination.size())) {
      return ALL;
    }
    int size = params.get(pagination.size()).asInt();
    JsonNode position = params.get(pagination.position());
    if (pagination.style() == Pagination.Style.OFFSET) {
      return new PageRequest(position == null ? 0 : position.asInt(), size);
    }
    int page = position == null ? 1 : position.asInt();
    return new PageRequest((page - 1) * size, size);
  }

  /** The 1-based number of the page this request asks for. */
  public int pageNumber() {
    return offset / limit + 1;
  }
}

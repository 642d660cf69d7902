package dev.counterfeit.stubs.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.counterfeit.openapi.Pagination;
import dev.counterfeit.openapi.model.Operation;
import java.util.List;
import java.util.Map;

/**
 * One page of a list, projected, for a profile to put into its collection envelope.
 *
 * @param items the projected items of this page
 * @param total items across all pages
 * @param pagination the spec's paging parameters, for links to other pages
 * @param params the request's typed parameters (page numbers, filters) for links
 * @param path the request path, for Hydra links
 */
public record ListPage(
    Operation operation, List<JsonNode> items, int total, PageRequest page, Pagination pagination,
    Map<String, JsonNode> params, String path) {}

package dev.counterfeit.stubs.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.spec.Operation;
import dev.counterfeit.stubs.store.TenantView;

/**
 * What a profile's write hook sees: the operation, the body as sent, and the record about to be stored,
 * which the hook may change (inferred defaults). Returning violations refuses the write.
 *
 * @param previous the stored record before this write, or null on create
 */
public record WriteContext(
    Operation operation, JsonNode body, ObjectNode record, ObjectNode previous, TenantView tenant) {}

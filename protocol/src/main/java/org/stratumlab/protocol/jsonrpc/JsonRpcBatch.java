package org.stratumlab.protocol.jsonrpc;

import java.util.List;

/**
 * A line holding a JSON array of request objects (docs/protocol.md §1). The answer is one array of the responses of
 * the calls that {@link JsonRpcCall#expectsResponse() expect one}, in order, on one line; when none does, an
 * empty line.
 *
 * @param calls the calls, in order; at least one (an empty array is a single invalid request)
 */
public record JsonRpcBatch(List<JsonRpcCall> calls) implements ParsedLine {
    /**
     * @param calls the calls, copied
     */
    public JsonRpcBatch {
        calls = List.copyOf(calls);
    }

    @Override
    public Kind kind() {
        return Kind.BATCH;
    }
}

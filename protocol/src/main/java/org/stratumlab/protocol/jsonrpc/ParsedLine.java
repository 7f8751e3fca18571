package org.stratumlab.protocol.jsonrpc;

/**
 * What one request line turned out to be (docs/protocol.md §1): not one JSON-RPC value, a single call, or a batch.
 * Produced by {@link JsonRpcRequestParser}; switch on {@link #kind()}, then cast.
 */
public sealed interface ParsedLine permits UnparsableLine, JsonRpcCall, JsonRpcBatch {
    /** The classification of a line. */
    enum Kind {
        /**
         * Not exactly one JSON value, or one the node cannot read as a request: answer
         * {@link JsonRpcError#PARSE_ERROR} with id {@code null} and keep the connection open.
         */
        PARSE_ERROR,
        /** One object: a {@link JsonRpcCall}, valid or not. */
        SINGLE,
        /** An array of objects: a {@link JsonRpcBatch}. */
        BATCH
    }

    /** The result for every line that is a parse error. */
    ParsedLine PARSE_ERROR = UnparsableLine.INSTANCE;

    /** @return the classification */
    Kind kind();
}

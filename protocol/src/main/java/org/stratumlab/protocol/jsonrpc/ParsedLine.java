package org.stratumlab.protocol.jsonrpc;

/**
 * What one request line turned out to be (docs/protocol.md §1): not one JSON-RPC value, a single call, or a batch.
 * Produced by {@link JsonRpcRequestParser}; switch on {@link #kind()}, then cast.
 */
public sealed interface ParsedLine permits UnparsableLine, JsonRpcCall, JsonRpcBatch, CanonicalSubmit {
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
        BATCH,
        /**
         * A valid {@code mining.submit} call in the shape real miners send, read without Jackson: a
         * {@link CanonicalSubmit}, only ever from {@link JsonRpcRequestParser#parse(io.netty.buffer.ByteBuf,
         * CanonicalSubmit)}. Its meaning is that of the {@link JsonRpcCall} the strict reader makes of the line.
         */
        CANONICAL_SUBMIT
    }

    /** The result for every line that is a parse error. */
    ParsedLine PARSE_ERROR = UnparsableLine.INSTANCE;

    /** @return the classification */
    Kind kind();
}

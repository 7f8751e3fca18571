package org.stratumlab.protocol.jsonrpc;

import java.nio.charset.StandardCharsets;

/**
 * The fixed error objects of docs/protocol.md §1, §2 and §7, each pre-encoded as its {@code {"code":..,"message":..}}
 * bytes. Invalid params ({@value #INVALID_PARAMS_CODE}) carry a detail and are written with
 * {@link JsonRpcResponseWriter#writeError(io.netty.buffer.ByteBuf, boolean, int, CharSequence, JsonRpcId)}.
 */
public enum JsonRpcError {
    /** Not exactly one JSON value on the line; always with {@code "jsonrpc":"2.0"} and id {@code null}. */
    PARSE_ERROR(-32700, "Parse error"),
    /** A request object the node cannot accept (docs/protocol.md §2); always with {@code "jsonrpc":"2.0"}. */
    INVALID_REQUEST(-32600, "Invalid request"),
    /** Any method but {@code mining.subscribe} and {@code mining.submit}. */
    METHOD_NOT_FOUND(-32601, "Method not found"),
    /**
     * Stratum Lab's own answer to an over-long line (docs/protocol.md §7), with {@code "jsonrpc":"2.0"} and id
     * {@code null}, after which the server closes the connection.
     */
    LINE_TOO_LONG(-32600, "Request line too long");

    /** The code of invalid params errors (docs/protocol.md §3, note [2]). */
    public static final int INVALID_PARAMS_CODE = -32602;

    private final int code;
    private final String message;
    private final byte[] encoded;

    JsonRpcError(int code, String message) {
        this.code = code;
        this.message = message;
        this.encoded = ("{\"code\":" + code + ",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the JSON-RPC error code */
    public int code() {
        return code;
    }

    /** @return the message text */
    public String message() {
        return message;
    }

    /** @return the error object's bytes; do not modify */
    byte[] encoded() {
        return encoded;
    }
}

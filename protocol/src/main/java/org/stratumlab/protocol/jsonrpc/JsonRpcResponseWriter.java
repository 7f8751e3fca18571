package org.stratumlab.protocol.jsonrpc;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Writes responses exactly as the node does (docs/protocol.md §2): compact JSON, members in the order {@code jsonrpc},
 * {@code result} or {@code error}, {@code id}; {@code jsonrpc} only when the request carried it; the id echoed
 * by {@link JsonRpcId#writeTo(ByteBuf)}. Constant fragments are pre-encoded.
 *
 * <p>
 * The writers produce one response object without a line end, so that batches can join them; a single
 * response is followed by {@link #writeLineEnd(ByteBuf)}. A result is written in three steps, the middle one
 * being the dialect's:
 *
 * <pre>{@code
 * JsonRpcResponseWriter.writeResultStart(out, call.hasJsonrpc());
 * dialect.writeSubmitResult(out, outcome, worker, nonce);
 * JsonRpcResponseWriter.writeResponseEnd(out, call.responseId());
 * }</pre>
 */
public final class JsonRpcResponseWriter {
    private static final byte[] VERSIONED_RESULT = ascii("{\"jsonrpc\":\"2.0\",\"result\":");
    private static final byte[] RESULT = ascii("{\"result\":");
    private static final byte[] VERSIONED_ERROR = ascii("{\"jsonrpc\":\"2.0\",\"error\":");
    private static final byte[] ERROR = ascii("{\"error\":");
    private static final byte[] ID = ascii(",\"id\":");
    private static final byte[] CODE = ascii("{\"code\":");
    private static final byte[] MESSAGE = ascii(",\"message\":");
    private static final byte[] PARSE_ERROR_LINE = ascii(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}\n");
    private static final byte[] LINE_TOO_LONG_LINE = ascii(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Request line too long\"},\"id\":null}\n");

    private JsonRpcResponseWriter() {
    }

    /**
     * Writes <code>{"jsonrpc":"2.0","result":</code> or <code>{"result":</code>.
     *
     * @param out where to write
     * @param jsonrpc whether the request carried {@code "jsonrpc":"2.0"}
     */
    public static void writeResultStart(ByteBuf out, boolean jsonrpc) {
        out.writeBytes(jsonrpc ? VERSIONED_RESULT : RESULT);
    }

    /**
     * Writes <code>,"id":&lt;id&gt;}</code> after a result or error.
     *
     * @param out where to write
     * @param id the id to echo
     */
    public static void writeResponseEnd(ByteBuf out, JsonRpcId id) {
        out.writeBytes(ID);
        id.writeTo(out);
        out.writeByte('}');
    }

    /**
     * Writes <code>,"id":&lt;id&gt;}</code> for a numeric id, the bytes {@link #writeResponseEnd(ByteBuf, JsonRpcId)}
     * writes for {@link JsonRpcId#ofNumber(long)}, without making the id.
     *
     * @param out where to write
     * @param unsignedId the id, unsigned
     */
    public static void writeResponseEnd(ByteBuf out, long unsignedId) {
        out.writeBytes(ID);
        JsonOutput.writeUnsignedDecimal(out, unsignedId);
        out.writeByte('}');
    }

    /**
     * Writes a complete error response, e.g.
     * {@code {"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"},"id":1}}.
     *
     * @param out where to write
     * @param jsonrpc whether to write {@code "jsonrpc":"2.0"} (see each {@link JsonRpcError})
     * @param error the error
     * @param id the id to echo
     */
    public static void writeError(ByteBuf out, boolean jsonrpc, JsonRpcError error, JsonRpcId id) {
        out.writeBytes(jsonrpc ? VERSIONED_ERROR : ERROR);
        out.writeBytes(error.encoded());
        writeResponseEnd(out, id);
    }

    /**
     * Writes a complete error response with any code and message, e.g. invalid params
     * ({@link JsonRpcError#INVALID_PARAMS_CODE}).
     *
     * @param out where to write
     * @param jsonrpc whether to write {@code "jsonrpc":"2.0"}
     * @param code the error code
     * @param message the message, JSON-escaped on the way out
     * @param id the id to echo
     */
    public static void writeError(ByteBuf out, boolean jsonrpc, int code, CharSequence message,
            JsonRpcId id) {
        out.writeBytes(jsonrpc ? VERSIONED_ERROR : ERROR);
        out.writeBytes(CODE);
        if (code < 0) {
            out.writeByte('-');
        }
        JsonOutput.writeUnsignedDecimal(out, Math.abs((long) code));
        out.writeBytes(MESSAGE);
        JsonOutput.writeString(out, message);
        out.writeByte('}');
        writeResponseEnd(out, id);
    }

    /**
     * Writes the whole line answering a parse error (docs/protocol.md §1), line end included.
     *
     * @param out where to write
     */
    public static void writeParseErrorLine(ByteBuf out) {
        out.writeBytes(PARSE_ERROR_LINE);
    }

    /**
     * Writes the whole line answering an over-long line (docs/protocol.md §7), line end included.
     *
     * @param out where to write
     */
    public static void writeLineTooLongLine(ByteBuf out) {
        out.writeBytes(LINE_TOO_LONG_LINE);
    }

    /**
     * Writes the line end, {@code \n}: after a single response, after a batch's {@code ]}, or alone where the
     * node writes an empty line (a notification, a batch of notifications).
     *
     * @param out where to write
     */
    public static void writeLineEnd(ByteBuf out) {
        out.writeByte('\n');
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

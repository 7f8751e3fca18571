package org.stratumlab.protocol.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies one request line (docs/protocol.md §1–2) with Jackson's streaming parser, straight from the line's bytes.
 * Every outcome is a return value; nothing throws on bad input.
 *
 * <ul>
 * <li>{@link ParsedLine#PARSE_ERROR}: not JSON, an empty or blank line, two values or trailing garbage, a value
 * past the limits of {@link JsonSource}, a top-level string, number, boolean or {@code null}, an unreadable
 * {@code id} (see {@link JsonRpcCall}), or a batch holding something other than objects.</li>
 * <li>A {@link JsonRpcCall} for an object, valid or invalid. An empty array {@code []} is a single invalid
 * request with id {@code null}, as JSON-RPC 2.0 prescribes.</li>
 * <li>A {@link JsonRpcBatch} for a non-empty array of objects.</li>
 * </ul>
 *
 * The line is expected to be valid UTF-8 already (see {@code Utf8ValidationHandler}). Thread-safe.
 *
 * <p>
 * {@link #parse(ByteBuf, CanonicalSubmit)} first tries the allocation-free reader of the canonical
 * {@code mining.submit} line, and leaves every other line to this strict reader, which stays the only authority on
 * what a line means and on every error.
 */
public final class JsonRpcRequestParser {
    private JsonRpcRequestParser() {
    }

    /**
     * @param line the line's bytes, without the line end; read, not consumed or released
     * @return the classification
     */
    public static ParsedLine parse(ByteBuf line) {
        try (JsonParser p = JsonSource.open(line)) {
            if (p == null) {
                return ParsedLine.PARSE_ERROR;
            }
            ParsedLine parsed = readRoot(p, StrictValues.forLine(line));
            // Exactly one value per line: anything after it but whitespace is a parse error.
            return parsed != null && p.nextToken() == null ? parsed : ParsedLine.PARSE_ERROR;
        } catch (IOException e) {
            return ParsedLine.PARSE_ERROR;
        }
    }

    /**
     * Reads a canonical {@code mining.submit} line into {@code reuse} without allocating, and any other line as
     * {@link #parse(ByteBuf)} does.
     *
     * @param line the line's bytes, without the line end, valid UTF-8; read, not consumed or released
     * @param reuse the flyweight to fill, which the result is when the line is canonical
     * @return {@code reuse}, or the strict reader's classification
     */
    public static ParsedLine parse(ByteBuf line, CanonicalSubmit reuse) {
        return reuse.read(line) ? reuse : parse(line);
    }

    private static ParsedLine readRoot(JsonParser p, StrictValues strict) throws IOException {
        JsonToken token = p.nextToken();
        if (token == JsonToken.START_OBJECT) {
            return CallReader.read(p, strict);
        }
        return token == JsonToken.START_ARRAY ? readBatch(p, strict) : null;
    }

    /** @return the batch, a single invalid request for {@code []}, or {@code null} for a parse error */
    private static ParsedLine readBatch(JsonParser p, StrictValues strict) throws IOException {
        List<JsonRpcCall> calls = new ArrayList<>();
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            JsonRpcCall call = token == JsonToken.START_OBJECT ? CallReader.read(p, strict) : null;
            if (call == null) {
                return null;
            }
            calls.add(call);
        }
        return calls.isEmpty() ? JsonRpcCall.invalid(null) : new JsonRpcBatch(calls);
    }
}

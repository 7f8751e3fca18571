package org.stratumlab.protocol.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads one request object into a {@link JsonRpcCall}, applying the node's rules (docs/protocol.md §2). Where docs/protocol.md
 * is silent, this follows how the node's jsonrpc-core deserializes a call (a valid call, else an "invalid"
 * object that only needs a readable {@code id}):
 * <ul>
 * <li>an {@code id} that is not an unsigned integer up to 2^64 - 1, a string or {@code null} (say
 * {@code -1}, {@code 1.5}, {@code true}), or a second {@code id} member, fails both, so the whole line is a
 * parse error;</li>
 * <li>a missing or non-string {@code method}, a {@code jsonrpc} other than {@code "2.0"} ({@code null}
 * included), {@code params} that is a string, number or boolean, an unknown or repeated member: an invalid
 * request that echoes the id.</li>
 * </ul>
 * One instance per object; not thread-safe.
 */
final class CallReader {
    private final JsonParser p;
    private final StrictValues strict;
    private JsonRpcId id;
    private String method;
    private Params params = Params.ABSENT;
    private boolean jsonrpc;
    private boolean invalid;
    private boolean idSeen;
    private boolean jsonrpcSeen;
    private boolean methodSeen;
    private boolean paramsSeen;

    private CallReader(JsonParser p, StrictValues strict) {
        this.p = p;
        this.strict = strict;
    }

    /**
     * @param p a parser positioned on the object's {@code START_OBJECT}
     * @param strict the rules for the line's strings
     * @return the call, or {@code null} when the line is a parse error
     * @throws IOException if the JSON is malformed
     */
    static JsonRpcCall read(JsonParser p, StrictValues strict) throws IOException {
        return new CallReader(p, strict).read();
    }

    private JsonRpcCall read() throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!strict.isWellFormedText(p)) {
                return null;
            }
            p.nextToken();
            if (!readMember(name)) {
                return null;
            }
        }
        if (invalid || method == null) {
            return JsonRpcCall.invalid(id);
        }
        return JsonRpcCall.request(id, method, params, jsonrpc);
    }

    /** @return false when the line is a parse error */
    private boolean readMember(String name) throws IOException {
        return switch (name) {
            case "id" -> readId();
            case "jsonrpc" -> readJsonrpc();
            case "method" -> readMethod();
            case "params" -> readParams();
            default -> {
                invalid = true;
                yield strict.skipValue(p);
            }
        };
    }

    private boolean readId() throws IOException {
        if (idSeen) {
            return false;
        }
        idSeen = true;
        id = strict.skipValue(p) ? JsonRpcId.read(p) : null;
        return id != null;
    }

    private boolean readJsonrpc() throws IOException {
        invalid |= jsonrpcSeen || !isVersion2();
        jsonrpcSeen = true;
        jsonrpc = true;
        return strict.skipValue(p);
    }

    private boolean isVersion2() throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING || p.getTextLength() != 3) {
            return false;
        }
        char[] chars = p.getTextCharacters();
        int at = p.getTextOffset();
        return chars[at] == '2' && chars[at + 1] == '.' && chars[at + 2] == '0';
    }

    private boolean readMethod() throws IOException {
        invalid |= methodSeen || p.currentToken() != JsonToken.VALUE_STRING;
        methodSeen = true;
        if (!strict.skipValue(p)) {
            return false;
        }
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            method = p.getText();
        }
        return true;
    }

    private boolean readParams() throws IOException {
        invalid |= paramsSeen;
        paramsSeen = true;
        switch (p.currentToken()) {
            case START_ARRAY -> params = ParamsReader.readArray(p, strict);
            case START_OBJECT -> params = strict.skipValue(p) ? Params.OBJECT : null;
            case VALUE_NULL -> params = Params.NULL;
            default -> {
                invalid = true; // jsonrpc-core's params are an array, an object or null
                return strict.skipValue(p);
            }
        }
        return params != null;
    }
}

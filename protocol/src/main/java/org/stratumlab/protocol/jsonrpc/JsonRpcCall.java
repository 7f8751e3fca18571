package org.stratumlab.protocol.jsonrpc;

import java.util.Objects;

/**
 * One request object (docs/protocol.md §2), either a valid call or an invalid request.
 *
 * <ul>
 * <li>Valid: {@code method} is a string, {@code jsonrpc} is absent or exactly {@code "2.0"}, {@code params} is
 * absent, {@code null}, an array or an object, and there is no other member. Without an {@code id} member it
 * is a notification: the node runs nothing and answers a single notification with an empty line.</li>
 * <li>Invalid: answer {@link JsonRpcError#INVALID_REQUEST} with {@link #responseId()}, always with
 * {@code "jsonrpc":"2.0"} (the node's transport answers invalid requests in its default version).</li>
 * </ul>
 *
 * Immutable.
 */
public final class JsonRpcCall implements ParsedLine {
    private final boolean valid;
    private final JsonRpcId id;
    private final String method;
    private final Params params;
    private final boolean jsonrpc;

    private JsonRpcCall(boolean valid, JsonRpcId id, String method, Params params, boolean jsonrpc) {
        this.valid = valid;
        this.id = id;
        this.method = method;
        this.params = params;
        this.jsonrpc = jsonrpc;
    }

    /**
     * @param id the id, or {@code null} when the member is absent (a notification)
     * @param method the method name
     * @param params the params
     * @param jsonrpc whether the request carried {@code "jsonrpc":"2.0"}
     * @return a valid call
     */
    public static JsonRpcCall request(JsonRpcId id, String method, Params params, boolean jsonrpc) {
        return new JsonRpcCall(true, id, Objects.requireNonNull(method, "method"),
                Objects.requireNonNull(params, "params"), jsonrpc);
    }

    /**
     * @param id the id it carried, or {@code null} when it had none
     * @return an invalid request
     */
    public static JsonRpcCall invalid(JsonRpcId id) {
        return new JsonRpcCall(false, id, null, Params.ABSENT, true);
    }

    @Override
    public Kind kind() {
        return Kind.SINGLE;
    }

    /** @return false for an invalid request, to be answered with {@link JsonRpcError#INVALID_REQUEST} */
    public boolean isValid() {
        return valid;
    }

    /** @return true for a valid call without an {@code id} member */
    public boolean isNotification() {
        return valid && id == null;
    }

    /** @return true unless this is a notification: invalid requests are answered even without an id */
    public boolean expectsResponse() {
        return !isNotification();
    }

    /** @return the id as sent, or {@code null} when the member is absent */
    public JsonRpcId id() {
        return id;
    }

    /** @return the id to put in a response: the one sent, or {@link JsonRpcId#NULL} when there was none */
    public JsonRpcId responseId() {
        return id == null ? JsonRpcId.NULL : id;
    }

    /** @return the method name; {@code null} for an invalid request */
    public String method() {
        return method;
    }

    /** @return the params; {@link Params#ABSENT} for an invalid request */
    public Params params() {
        return params;
    }

    /**
     * @return whether a response carries {@code "jsonrpc":"2.0"}: only when the request did (docs/protocol.md §2);
     *         always for an invalid request
     */
    public boolean hasJsonrpc() {
        return jsonrpc;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonRpcCall other && valid == other.valid && jsonrpc == other.jsonrpc
                && Objects.equals(id, other.id) && Objects.equals(method, other.method)
                && params.equals(other.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(valid, id, method, params, jsonrpc);
    }

    @Override
    public String toString() {
        if (!valid) {
            return "InvalidRequest[id=" + id + "]";
        }
        return "Call[id=" + id + ", method=" + method + ", params=" + params + ", jsonrpc=" + jsonrpc + "]";
    }
}

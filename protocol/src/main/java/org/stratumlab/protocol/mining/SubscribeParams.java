package org.stratumlab.protocol.mining;

import org.stratumlab.protocol.jsonrpc.ParamType;
import org.stratumlab.protocol.jsonrpc.Params;

/**
 * The params of {@code mining.subscribe}: exactly two strings, the worker name and the plaintext password
 * (docs/protocol.md §3). Anything else is answered with error -32602 and {@link #invalidParamsMessage(Params)}.
 *
 * @param workerId the worker name
 * @param password the plaintext password; {@code ""} when none is configured
 */
public record SubscribeParams(String workerId, String password) {
    private static final String TUPLE = "a tuple of size 2";

    /**
     * @param params the request's params
     * @return the params, or {@code null} when they are not exactly two strings
     */
    public static SubscribeParams of(Params params) {
        if (problem(params) != null) {
            return null;
        }
        return new SubscribeParams(params.string(0), params.string(1));
    }

    /**
     * The message of the -32602 error for params that {@link #of(Params)} rejects. The node's text comes from
     * serde's deserializer (docs/protocol.md §3); this mirrors it for the usual cases, e.g.
     * {@code Invalid params: invalid length 1, expected a tuple of size 2.} or
     * {@code Invalid params: invalid type: integer `5`, expected a string.}
     *
     * @param params the request's params
     * @return the message, or {@code null} when the params are valid
     */
    public static String invalidParamsMessage(Params params) {
        String problem = problem(params);
        return problem == null ? null : "Invalid params: " + problem + ".";
    }

    /** Checks in the order serde does: element types as they come, then the length. */
    private static String problem(Params params) {
        switch (params.kind()) {
            case ABSENT, NULL :
                return "invalid type: null, expected " + TUPLE;
            case OBJECT :
                return "invalid type: map, expected " + TUPLE;
            default :
                break;
        }
        for (int i = 0; i < Math.min(2, params.size()); i++) {
            if (params.type(i) != ParamType.STRING) {
                return "invalid type: " + describe(params, i) + ", expected a string";
            }
        }
        if (params.size() < 2) {
            return "invalid length " + params.size() + ", expected " + TUPLE;
        }
        return params.size() > 2
                ? "invalid length " + params.size() + ", expected fewer elements in array"
                : null;
    }

    private static String describe(Params params, int index) {
        return switch (params.type(index)) {
            case INTEGER -> "integer `" + params.text(index) + "`";
            case FLOAT -> "floating point `" + params.text(index) + "`";
            case BOOLEAN -> "boolean `" + params.text(index) + "`";
            case NULL -> "null";
            case ARRAY -> "sequence";
            case OBJECT -> "map";
            case STRING -> "string \"" + params.text(index) + "\"";
        };
    }
}

package org.stratumlab.protocol.miner;

/**
 * How a server answered a request, whatever the dialect spelled: results are JSON booleans from the node
 * ({@code true}, {@code [true]}, {@code [false,"reason"]}) and strings from the documented dialect
 * ({@code "true"}, {@code ["true"]}, {@code ["false","reason"]}).
 */
public enum ResponseStatus {
    /** A subscribe result of true, or a submit result {@code [true]}. */
    ACCEPTED,
    /** A result of false or {@code [false]}, with or without a reason. */
    REJECTED,
    /** A JSON-RPC error object. */
    ERROR,
    /** A result of any other shape. */
    UNRECOGNIZED
}

package org.stratumlab.protocol.jsonrpc;

/**
 * The JSON type of one element of an array of params. Stratum only uses strings; the others matter because
 * the node drops non-string submit params (docs/protocol.md §5) and names the type in its invalid-params messages.
 */
public enum ParamType {
    /** A string. */
    STRING,
    /** A number without fraction or exponent. */
    INTEGER,
    /** A number with a fraction or an exponent. */
    FLOAT,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** {@code null}. */
    NULL,
    /** An array (its content is not kept). */
    ARRAY,
    /** An object (its content is not kept). */
    OBJECT
}

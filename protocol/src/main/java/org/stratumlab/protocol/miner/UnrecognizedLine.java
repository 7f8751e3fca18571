package org.stratumlab.protocol.miner;

/**
 * A server line that is neither empty, a usable notify, nor a response: not JSON, a batch, another method, a
 * notify with unusable params. A load generator counts these rather than failing.
 *
 * @param reason what was wrong, for reports and logs
 */
public record UnrecognizedLine(String reason) implements ServerMessage {
    /**
     * @return whether the line is no JSON-RPC message at all (not JSON, or JSON but not an object), as an HTTP
     *         server's answer would be; a JSON-RPC line of another method or shape is not such a line
     */
    public boolean isNotJsonRpc() {
        return this == ServerMessageParser.NOT_JSON || this == ServerMessageParser.NOT_AN_OBJECT;
    }

    @Override
    public Kind kind() {
        return Kind.UNRECOGNIZED;
    }
}

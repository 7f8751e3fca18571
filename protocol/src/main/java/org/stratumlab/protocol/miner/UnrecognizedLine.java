package org.stratumlab.protocol.miner;

/**
 * A server line that is neither empty, a usable notify, nor a response: not JSON, a batch, another method, a
 * notify with unusable params. A load generator counts these rather than failing.
 *
 * @param reason what was wrong, for reports and logs
 */
public record UnrecognizedLine(String reason) implements ServerMessage {
    @Override
    public Kind kind() {
        return Kind.UNRECOGNIZED;
    }
}

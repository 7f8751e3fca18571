package org.stratumlab.protocol.miner;

/**
 * One line from a server, as {@link ServerMessageParser} reads it. Switch on {@link #kind()}, then cast.
 */
public sealed interface ServerMessage permits EmptyLine, JobNotify, RpcResponse, UnrecognizedLine {
    /** The kinds of server line. */
    enum Kind {
        /** An empty or blank line: what the node writes in place of a response to a notification. */
        EMPTY,
        /** A {@code mining.notify}: a {@link JobNotify}. */
        NOTIFY,
        /** A response to a request: an {@link RpcResponse}. */
        RESPONSE,
        /** Anything else: an {@link UnrecognizedLine}. */
        UNRECOGNIZED
    }

    /** @return the kind of line */
    Kind kind();
}

package org.stratumlab.protocol.miner;

/** An empty or blank server line; clients ignore it (docs/protocol.md §1–2). */
public enum EmptyLine implements ServerMessage {
    /** The only instance. */
    INSTANCE;

    @Override
    public Kind kind() {
        return Kind.EMPTY;
    }
}

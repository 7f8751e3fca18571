package org.stratumlab.protocol.jsonrpc;

/** The one {@link ParsedLine} for parse errors: there is nothing more to say about them on the wire. */
final class UnparsableLine implements ParsedLine {
    static final UnparsableLine INSTANCE = new UnparsableLine();

    private UnparsableLine() {
    }

    @Override
    public Kind kind() {
        return Kind.PARSE_ERROR;
    }

    @Override
    public String toString() {
        return "PARSE_ERROR";
    }
}

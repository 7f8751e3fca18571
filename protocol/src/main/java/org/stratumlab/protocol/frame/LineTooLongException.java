package org.stratumlab.protocol.frame;

import io.netty.handler.codec.TooLongFrameException;

/**
 * A line exceeded the configured maximum length (docs/protocol.md §7). Fired by {@link LineFrameDecoder} through
 * {@code exceptionCaught} as soon as the limit is passed; the rest of the line is discarded without being
 * buffered.
 *
 * <p>
 * This is an expected outcome of hostile input, not a bug, so it carries no stack trace.
 */
public final class LineTooLongException extends TooLongFrameException {
    private static final long serialVersionUID = 1L;

    /** The limit that was exceeded. */
    private final int maxLineBytes;

    /**
     * @param maxLineBytes the limit that was exceeded
     */
    public LineTooLongException(int maxLineBytes) {
        super("line longer than " + maxLineBytes + " bytes");
        this.maxLineBytes = maxLineBytes;
    }

    /** @return the limit that was exceeded, in bytes, not counting the line end */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** @return this, without a stack trace: the exception reports input, not a code path */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}

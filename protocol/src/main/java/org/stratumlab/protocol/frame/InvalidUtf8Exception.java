package org.stratumlab.protocol.frame;

import io.netty.handler.codec.CorruptedFrameException;

/**
 * A line is not valid UTF-8. The node drops such a connection without a reply (docs/protocol.md §1). Fired by
 * {@link Utf8ValidationHandler} through {@code exceptionCaught}; the line itself is released.
 *
 * <p>
 * This is an expected outcome of hostile input, not a bug, so it carries no stack trace.
 */
public final class InvalidUtf8Exception extends CorruptedFrameException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public InvalidUtf8Exception() {
        super("line is not valid UTF-8");
    }

    /** @return this, without a stack trace: the exception reports input, not a code path */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}

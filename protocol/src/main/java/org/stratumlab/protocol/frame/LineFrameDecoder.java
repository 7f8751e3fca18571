package org.stratumlab.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Splits the inbound byte stream into lines (docs/protocol.md §1): each {@code \n} ends a line, a {@code \r} right
 * before it is dropped, and each line is passed on as a {@link ByteBuf} slice without its line end. Empty
 * lines are passed on too (the server answers them with a parse error; a client ignores them). The receiver
 * owns each slice and must release it.
 *
 * <p>
 * A line longer than {@code maxLineBytes} (not counting its line end, docs/protocol.md §7) is reported with a
 * {@link LineTooLongException} through {@code exceptionCaught} as soon as the limit is passed, not when the
 * line finally ends: a hostile client cannot make the decoder wait or buffer. The rest of that line is then
 * skipped as it arrives, and decoding resumes with the next line. At most {@code maxLineBytes + 1} bytes of an
 * unfinished line are ever held.
 *
 * <p>
 * Bytes after the last {@code \n} when the connection closes are dropped, as the node drops them.
 *
 * <p>
 * Stateful: create one per channel (the pattern of Netty's {@code LineBasedFrameDecoder}).
 */
public final class LineFrameDecoder extends ByteToMessageDecoder {
    private final int maxLineBytes;
    /** Skipping the rest of a line already reported as too long. */
    private boolean discarding;
    /** Bytes from the reader index already searched without finding {@code \n}: never searched twice. */
    private int searchedBytes;

    /**
     * @param maxLineBytes the longest accepted line in bytes, without its line end; at least 1
     * @throws IllegalArgumentException if {@code maxLineBytes} is below 1
     */
    public LineFrameDecoder(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be at least 1, got " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** @return the longest accepted line in bytes, without its line end */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** @return the bytes held for an unfinished line (for tests of bounded buffering) */
    int bufferedBytes() {
        return actualReadableBytes();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (discarding && !skipRestOfLongLine(in)) {
            return;
        }
        int start = in.readerIndex();
        int eol = in.indexOf(start + searchedBytes, in.writerIndex(), (byte) '\n');
        if (eol < 0) {
            checkUnfinishedLine(ctx, in);
            return;
        }
        searchedBytes = 0;
        int end = eol > start && in.getByte(eol - 1) == '\r' ? eol - 1 : eol;
        if (end - start > maxLineBytes) {
            // The whole over-long line arrived in one read: skip it and report it.
            in.readerIndex(eol + 1);
            ctx.fireExceptionCaught(new LineTooLongException(maxLineBytes));
            return;
        }
        out.add(in.retainedSlice(start, end - start));
        in.readerIndex(eol + 1);
    }

    /** @return true when the over-long line has ended and normal decoding can go on */
    private boolean skipRestOfLongLine(ByteBuf in) {
        int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (eol < 0) {
            in.skipBytes(in.readableBytes());
            return false;
        }
        in.readerIndex(eol + 1);
        discarding = false;
        return true;
    }

    /**
     * No line end yet: keep the bytes while they can still become an acceptable line, otherwise report the
     * line now and start skipping it. A line of exactly {@code maxLineBytes} may still be followed by its
     * {@code \r}, so that one extra byte is kept when it is a {@code \r}.
     */
    private void checkUnfinishedLine(ChannelHandlerContext ctx, ByteBuf in) {
        int readable = in.readableBytes();
        boolean mayStillFit = readable <= maxLineBytes
                || (readable == maxLineBytes + 1 && in.getByte(in.writerIndex() - 1) == '\r');
        if (mayStillFit) {
            searchedBytes = readable;
            return;
        }
        in.skipBytes(readable);
        searchedBytes = 0;
        discarding = true;
        ctx.fireExceptionCaught(new LineTooLongException(maxLineBytes));
    }
}

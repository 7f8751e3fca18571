package org.stratumlab.testing;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.util.ArrayList;
import java.util.List;

/**
 * The last handler of a test pipeline: records what reaches it, in order. Lines ({@link ByteBuf}) are recorded
 * as their text and released, and kept so that tests can check their reference counts; exceptions are recorded
 * as {@code "!" + SimpleName}.
 */
public final class EventRecorder extends ChannelInboundHandlerAdapter {
    private final List<Object> events = new ArrayList<>();
    private final List<ByteBuf> releasedLines = new ArrayList<>();
    private final List<Throwable> exceptions = new ArrayList<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf line) {
            events.add(Lines.text(line));
            releasedLines.add(line);
            line.release();
        } else {
            events.add(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        exceptions.add(cause);
        events.add("!" + cause.getClass().getSimpleName());
    }

    /** @return everything recorded, in order */
    public List<Object> events() {
        return events;
    }

    /** @return the exceptions recorded, in order */
    public List<Throwable> exceptions() {
        return exceptions;
    }

    /** @return every line buffer received (already released by this recorder) */
    public List<ByteBuf> lines() {
        return releasedLines;
    }
}

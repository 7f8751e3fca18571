package org.stratumlab.server.notify;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * Writes notify lines to one connection without letting a slow reader pile them up (DESIGN.md, data flow): while
 * the channel is writable a notify goes straight out; while it is not, only the newest pending notify is kept
 * (miners work on the last job received) and each one it replaces is counted as dropped. When the channel drains
 * below its low watermark the pending notify is written.
 *
 * <p>Stateful, one per channel. Every method runs on the channel's event loop.
 */
public final class NotifyWriter extends ChannelInboundHandlerAdapter {
    private final ServerMetrics metrics;
    private ChannelHandlerContext ctx;
    private ByteBuf pending;

    /** @param metrics where sends and drops are counted */
    public NotifyWriter(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Sends a notify line, or keeps it as the pending one. Does not take ownership of {@code line}.
     *
     * @param line a whole notify line shared by every subscriber
     */
    public void push(ByteBuf line) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (ctx.channel().isWritable()) {
            send(line.retainedDuplicate());
            return;
        }
        dropPending();
        pending = line.retainedDuplicate();
    }

    private void send(ByteBuf line) {
        ctx.writeAndFlush(line, ctx.voidPromise());
        metrics.notifySent();
    }

    private void dropPending() {
        if (pending != null) {
            pending.release();
            pending = null;
            metrics.notifyDropped();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (pending != null && ctx.channel().isWritable()) {
            ByteBuf line = pending;
            pending = null;
            send(line);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        dropPending();
    }
}

package org.stratumlab.server.notify;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.metrics.ServerMetrics.Rejection;

/**
 * Writes notify lines to one connection without letting a slow reader pile them up (docs/architecture.md, data flow): while
 * the channel is writable a notify goes straight out; while it is not, only the newest pending notify is kept
 * (miners work on the last job received) and each one it replaces is counted as dropped. When the channel drains
 * below its low watermark the pending notify is written.
 *
 * <p>{@link #queued} writes as the node does instead (docs/protocol.md §1): every notify is queued behind a slow
 * reader, up to a safety cap on the bytes queued, past which the connection is closed and counted.
 *
 * <p>Stateful, one per channel. Every method runs on the channel's event loop.
 */
public final class NotifyWriter extends ChannelInboundHandlerAdapter {
    /** {@link #maxQueuedBytes} of the newest-only writer: nothing is queued behind an unwritable channel. */
    private static final long NEWEST_ONLY = -1;

    private final ServerMetrics metrics;
    private final long maxQueuedBytes;
    private ChannelHandlerContext ctx;
    private ByteBuf pending;

    /** @param metrics where sends and drops are counted */
    public NotifyWriter(ServerMetrics metrics) {
        this(metrics, NEWEST_ONLY);
    }

    private NotifyWriter(ServerMetrics metrics, long maxQueuedBytes) {
        this.metrics = metrics;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /**
     * @param metrics where sends and closes are counted
     * @param maxQueuedBytes the output queued for the connection beyond which it is closed
     * @return a writer that queues every notify, as the node does
     */
    public static NotifyWriter queued(ServerMetrics metrics, long maxQueuedBytes) {
        return new NotifyWriter(metrics, maxQueuedBytes);
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
        if (maxQueuedBytes != NEWEST_ONLY) {
            queue(line);
            return;
        }
        dropPending();
        pending = line.retainedDuplicate();
    }

    private void queue(ByteBuf line) {
        ChannelOutboundBuffer queued = ctx.channel().unsafe().outboundBuffer();
        if (queued != null && queued.totalPendingWriteBytes() + line.readableBytes() > maxQueuedBytes) {
            metrics.rejected(Rejection.QUEUE_CAP);
            ctx.close();
            return;
        }
        send(line.retainedDuplicate());
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

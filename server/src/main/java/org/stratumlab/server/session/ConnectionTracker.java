package org.stratumlab.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.notify.SubscriberRegistry;

/**
 * First in the pipeline: counts bytes both ways, counts the connection closed, and takes a closed connection off
 * the subscriber list. Also applies read back-pressure: while the connection is not writable (a peer that sends
 * but does not read) it stops reading, so that responses cannot pile up beyond the write-buffer high watermark.
 *
 * <p>Stateless and {@code @Sharable}; runs on the channel's event loop.
 */
@Sharable
final class ConnectionTracker extends ChannelDuplexHandler {
    private final ServerMetrics metrics;
    private final SubscriberRegistry registry;

    ConnectionTracker(ServerMetrics metrics, SubscriberRegistry registry) {
        this.metrics = metrics;
        this.registry = registry;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            metrics.bytesReceived(bytes.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes) {
            metrics.bytesSent(bytes.readableBytes());
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        registry.unsubscribe(ctx.channel());
        metrics.connectionClosed();
        ctx.fireChannelInactive();
    }
}

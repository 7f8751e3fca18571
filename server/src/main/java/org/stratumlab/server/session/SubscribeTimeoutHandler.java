package org.stratumlab.server.session;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.metrics.ServerMetrics.Rejection;
import org.stratumlab.server.notify.SubscriberRegistry;

/**
 * Closes a connection that has not subscribed within {@code --subscribe-timeout} of being served, and counts it
 * (docs/protocol.md §7). Unlike the idle timeout it never cuts a subscribed miner, however long it stays silent.
 * The timer is taken from the channel's executor, so that tests can move it in virtual time.
 *
 * <p>Stateful, one per channel; runs on the channel's event loop.
 */
final class SubscribeTimeoutHandler extends ChannelInboundHandlerAdapter {
    private final long timeoutNs;
    private final ServerMetrics metrics;
    private ScheduledFuture<?> timer;

    SubscribeTimeoutHandler(long timeoutNs, ServerMetrics metrics) {
        this.timeoutNs = timeoutNs;
        this.metrics = metrics;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> expire(ctx), timeoutNs, TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive() && !ctx.channel().hasAttr(SubscriberRegistry.WORKER_ID)) {
            metrics.rejected(Rejection.SUBSCRIBE_TIMEOUT);
            ctx.close();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        timer.cancel(false);
    }
}

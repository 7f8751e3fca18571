package org.stratumlab.server.session;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.stratumlab.protocol.frame.LineFrameDecoder;
import org.stratumlab.protocol.frame.Utf8ValidationHandler;
import org.stratumlab.protocol.jsonrpc.JsonRpcRequestDecoder;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.metrics.ServerMetrics.Rejection;
import org.stratumlab.server.notify.NotifyWriter;
import org.stratumlab.server.notify.SubscriberRegistry;

/**
 * Builds each connection's pipeline, one handler per job (STYLE.md, pipeline shape):
 *
 * <pre>
 * ConnectionTracker -> IdleStateHandler -> LineFrameDecoder -> Utf8ValidationHandler -> JsonRpcRequestDecoder
 *   -> NotifyWriter -> StratumRequestHandler -> DefenceHandler
 * </pre>
 *
 * A connection over the limit is accepted and closed at once, before any pipeline is built (SPEC.md §7).
 */
public final class StratumChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final MiningCalls calls;
    private final ServerMetrics metrics;
    private final int maxLineBytes;
    private final long idleTimeoutNs;
    private final int maxConnections;
    private final AtomicInteger openConnections = new AtomicInteger();
    private final ConnectionTracker tracker;
    private final DefenceHandler defence;
    private final ChannelGroup openChannels;

    /**
     * @param calls the Stratum methods
     * @param registry the subscribers
     * @param metrics the counters
     * @param maxLineBytes the longest request line
     * @param idleTimeoutNs close after this long without inbound bytes; 0 never
     * @param maxConnections the most connections served at once
     * @param openChannels where served connections are kept, so that shutdown can close them
     */
    public StratumChannelInitializer(MiningCalls calls, SubscriberRegistry registry, ServerMetrics metrics,
            int maxLineBytes, long idleTimeoutNs, int maxConnections, ChannelGroup openChannels) {
        this.openChannels = openChannels;
        this.calls = calls;
        this.metrics = metrics;
        this.maxLineBytes = maxLineBytes;
        this.idleTimeoutNs = idleTimeoutNs;
        this.maxConnections = maxConnections;
        this.tracker = new ConnectionTracker(metrics, registry);
        this.defence = new DefenceHandler(metrics);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (openConnections.incrementAndGet() > maxConnections) {
            openConnections.decrementAndGet();
            metrics.rejected(Rejection.LIMIT);
            channel.close();
            return;
        }
        channel.closeFuture().addListener(f -> openConnections.decrementAndGet());
        openChannels.add(channel);
        metrics.connectionOpened();
        addHandlers(channel.pipeline());
    }

    /** Builds a served connection's pipeline; package-private so that tests can drive it in virtual time. */
    void addHandlers(ChannelPipeline pipeline) {
        pipeline.addLast(tracker);
        if (idleTimeoutNs > 0) {
            pipeline.addLast(new IdleStateHandler(idleTimeoutNs, 0, 0, TimeUnit.NANOSECONDS));
        }
        NotifyWriter notifyWriter = new NotifyWriter(metrics);
        pipeline.addLast(new LineFrameDecoder(maxLineBytes), Utf8ValidationHandler.INSTANCE,
                JsonRpcRequestDecoder.INSTANCE, notifyWriter, new StratumRequestHandler(calls, notifyWriter),
                defence);
    }
}

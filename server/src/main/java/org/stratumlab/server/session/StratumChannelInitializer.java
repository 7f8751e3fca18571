package org.stratumlab.server.session;

import io.netty.channel.Channel;
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
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.metrics.ServerMetrics.Rejection;
import org.stratumlab.server.notify.NotifyWriter;
import org.stratumlab.server.notify.SubscriberRegistry;

/**
 * Builds each connection's pipeline, one handler per job (the shape of Netty's telnet example):
 *
 * <pre>
 * ConnectionTracker -> [SubscribeTimeoutHandler] -> [IdleStateHandler] -> LineFrameDecoder -> Utf8ValidationHandler
 *   -> JsonRpcRequestDecoder -> NotifyWriter -> StratumRequestHandler -> DefenceHandler
 * </pre>
 *
 * A connection over the limit is accepted and closed at once, before any pipeline is built (docs/protocol.md §7).
 * With {@code --node-limits} the node's transport is copied instead (docs/protocol.md §1): {@link NodeAdmission}
 * holds the connections beyond {@link #CONFLUX_NODE_MAX_SERVED_CONNECTIONS} unread, and there is no line limit,
 * no timeout, and pushes queue behind a slow reader up to {@link #NODE_LIMITS_MAX_QUEUED_BYTES}.
 */
public final class StratumChannelInitializer extends ChannelInitializer<SocketChannel> {
    /** The node's transport serves at most this many connections at a time (docs/protocol.md §1). */
    public static final int CONFLUX_NODE_MAX_SERVED_CONNECTIONS = 1024;
    /**
     * With {@code --node-limits}, the output queued for one connection beyond which it is closed. The node queues
     * without bound; this cap only keeps a stalled reader from taking the simulator's whole heap.
     */
    public static final long NODE_LIMITS_MAX_QUEUED_BYTES = 64L * 1024 * 1024;

    private final MiningCalls calls;
    private final ServerMetrics metrics;
    private final int maxLineBytes;
    private final long idleTimeoutNs;
    private final long subscribeTimeoutNs;
    private final int maxConnections;
    private final NodeAdmission nodeAdmission;
    private final AtomicInteger openConnections = new AtomicInteger();
    private final ConnectionTracker tracker;
    private final DefenceHandler defence;
    private final ChannelGroup openChannels;

    /**
     * @param calls the Stratum methods
     * @param registry the subscribers
     * @param metrics the counters
     * @param config the limits and timeouts to apply
     * @param openChannels where served connections are kept, so that shutdown can close them
     */
    public StratumChannelInitializer(MiningCalls calls, SubscriberRegistry registry, ServerMetrics metrics,
            ServerConfig config, ChannelGroup openChannels) {
        this.openChannels = openChannels;
        this.calls = calls;
        this.metrics = metrics;
        boolean node = config.nodeLimits();
        this.maxLineBytes = node ? Integer.MAX_VALUE : config.maxLineBytes();
        this.idleTimeoutNs = node ? 0 : config.idleTimeoutNs();
        this.subscribeTimeoutNs = node ? 0 : config.subscribeTimeoutNs();
        this.maxConnections = config.maxConnections();
        this.nodeAdmission = node
                ? new NodeAdmission(CONFLUX_NODE_MAX_SERVED_CONNECTIONS, metrics, this::serve)
                : null;
        this.tracker = new ConnectionTracker(metrics, registry);
        this.defence = new DefenceHandler(metrics);
    }

    /** @return the connections held unread for a place now (0 without {@code --node-limits}) */
    public int heldConnections() {
        return nodeAdmission == null ? 0 : nodeAdmission.heldCount();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (nodeAdmission != null) {
            openChannels.add(channel);
            nodeAdmission.arrived(channel);
            return;
        }
        if (openConnections.incrementAndGet() > maxConnections) {
            openConnections.decrementAndGet();
            metrics.rejected(Rejection.LIMIT);
            channel.close();
            return;
        }
        channel.closeFuture().addListener(f -> openConnections.decrementAndGet());
        openChannels.add(channel);
        serve(channel);
    }

    private void serve(Channel channel) {
        metrics.connectionOpened();
        addHandlers(channel.pipeline());
        channel.config().setAutoRead(true); // a held connection is read from now on
    }

    /** Builds a served connection's pipeline; package-private so that tests can drive it in virtual time. */
    void addHandlers(ChannelPipeline pipeline) {
        pipeline.addLast(tracker);
        if (subscribeTimeoutNs > 0) {
            pipeline.addLast(new SubscribeTimeoutHandler(subscribeTimeoutNs, metrics));
        }
        if (idleTimeoutNs > 0) {
            pipeline.addLast(new IdleStateHandler(idleTimeoutNs, 0, 0, TimeUnit.NANOSECONDS));
        }
        NotifyWriter notifyWriter = nodeAdmission != null
                ? NotifyWriter.queued(metrics, NODE_LIMITS_MAX_QUEUED_BYTES)
                : new NotifyWriter(metrics);
        pipeline.addLast(new LineFrameDecoder(maxLineBytes), Utf8ValidationHandler.INSTANCE,
                JsonRpcRequestDecoder.create(), notifyWriter, new StratumRequestHandler(calls, notifyWriter),
                defence);
    }
}

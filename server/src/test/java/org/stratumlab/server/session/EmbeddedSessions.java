package org.stratumlab.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.chain.BlockProducer;
import org.stratumlab.server.chain.SimulatedChain;
import org.stratumlab.server.errors.UnexpectedErrors;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.notify.NotifyBroadcaster;
import org.stratumlab.server.notify.SubscriberRegistry;

/**
 * The server's connection pipeline on {@link EmbeddedChannel}s, built by the real initializer, with time frozen
 * so that a test moves it with {@code advanceTimeBy}. The block producer is never started: no job comes unasked.
 * Unexpected errors are logged to {@link #errorLog}. Not thread-safe: one test thread drives it.
 */
final class EmbeddedSessions implements AutoCloseable {
    final List<String> errorLog = new CopyOnWriteArrayList<>();
    final ServerMetrics metrics = new ServerMetrics(UnexpectedErrors.loggingTo("test", errorLog::add));
    private final BlockProducer producer;
    private final StratumChannelInitializer initializer;

    /** @param idleTimeoutNs the connections' idle timeout, 0 for none; no subscribe timeout */
    EmbeddedSessions(long idleTimeoutNs) {
        this(ServerConfig.builder().maxLineBytes(1024).idleTimeoutNs(idleTimeoutNs).subscribeTimeoutNs(0)
                .maxConnections(100).build());
    }

    /** @param config the limits and timeouts of the connections (its chain settings are not used) */
    EmbeddedSessions(ServerConfig config) {
        SimulatedChain chain = new SimulatedChain(1, 1, Difficulty.toBoundary(BigInteger.valueOf(4)), 1);
        SubscriberRegistry registry = new SubscriberRegistry(metrics);
        NotifyBroadcaster broadcaster = new NotifyBroadcaster(Dialect.conflux(), registry,
                ByteBufAllocator.DEFAULT);
        producer = new BlockProducer(chain, 0, TimeUnit.HOURS.toNanos(1), broadcaster::broadcast,
                metrics::jobMade, metrics.unexpectedErrors());
        MiningCalls calls = new MiningCalls(Dialect.conflux(), null, false, true, registry, broadcaster,
                chain,
                producer, metrics);
        initializer = new StratumChannelInitializer(calls, registry, metrics, config,
                new DefaultChannelGroup(GlobalEventExecutor.INSTANCE));
    }

    /**
     * @param first handlers put before the server's own, such as one that throws
     * @return a connection with time frozen at its start
     */
    EmbeddedChannel open(ChannelHandler... first) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime(); // before the idle timer is armed, so that it counts from exactly here
        channel.pipeline().addLast(first);
        initializer.addHandlers(channel.pipeline());
        return channel;
    }

    /** Moves the connection's frozen clock on and runs what fell due. */
    static void advance(EmbeddedChannel channel, long ns) {
        channel.advanceTimeBy(ns, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
    }

    /** @return {@code text} as a buffer, for {@code writeInbound} (which hands its ownership to the pipeline) */
    static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    /** @return the next line the connection wrote, its buffer released, or {@code null} if none */
    static String readOutbound(EmbeddedChannel channel) {
        ByteBuf out = channel.readOutbound();
        if (out == null) {
            return null;
        }
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            ReferenceCountUtil.release(out);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

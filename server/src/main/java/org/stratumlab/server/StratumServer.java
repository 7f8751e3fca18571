package org.stratumlab.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.octopus.OctopusStage;
import org.stratumlab.protocol.transport.NettyTransport;
import org.stratumlab.server.chain.BlockProducer;
import org.stratumlab.server.chain.SimulatedChain;
import org.stratumlab.server.metrics.MetricsEndpoint;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.notify.NotifyBroadcaster;
import org.stratumlab.server.notify.SubscriberRegistry;
import org.stratumlab.server.resources.ResourceProbe;
import org.stratumlab.server.resources.ResourceReading;
import org.stratumlab.server.session.MiningCalls;
import org.stratumlab.server.session.StratumChannelInitializer;
import org.stratumlab.server.share.OctopusCheckPool;

/**
 * The node simulator: a Stratum endpoint that speaks the Conflux node's protocol byte for byte (docs/protocol.md), with
 * its own simulated chain, and defences the node lacks. Start it with {@link #start}, stop it with
 * {@link #close}. Used by {@code stratumlab server} and, embedded, by the load generator and tests.
 *
 * <p>Thread-safe. Connections are served by {@code ioThreads} event loops (epoll where available, else NIO);
 * the chain runs on its own thread.
 */
public final class StratumServer implements AutoCloseable {
    /** Write-buffer watermarks: a connection is unwritable above 64 KiB queued, writable again below 32 KiB. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);
    /**
     * The kernel send buffer of each connection, fixed. Left to autotuning, Linux grows it up to
     * {@code tcp_wmem} max (4 MiB) for a peer that stops reading, so the watermarks above never engage and the
     * kernel keeps thousands of stale notifies per stalled miner (Defences: slow or stalled readers).
     */
    private static final int SEND_BUFFER_BYTES = 32 * 1024;

    private final ServerConfig config;
    private final ServerMetrics metrics = new ServerMetrics();
    private final SimulatedChain chain;
    private final BlockProducer producer;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final ChannelGroup connections = new DefaultChannelGroup("stratum", GlobalEventExecutor.INSTANCE);
    private final NettyTransport transport;
    private final StratumChannelInitializer initializer;
    private final ResourceProbe resources;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The Octopus checks, or {@code null} with the Keccak rule. */
    private final OctopusCheckPool octopus;
    /** The start stage's light cache build, in ms; -1 with the Keccak rule. */
    private long cacheBuildMs = -1;
    private Channel listener;
    private MetricsEndpoint metricsEndpoint;

    private StratumServer(ServerConfig config) {
        this.config = config;
        this.chain = new SimulatedChain(config.seed(), config.startHeight(),
                Difficulty.toBoundary(config.difficulty()),
                config.window());
        SubscriberRegistry registry = new SubscriberRegistry(metrics);
        NotifyBroadcaster broadcaster = new NotifyBroadcaster(config.dialect(), registry,
                ByteBufAllocator.DEFAULT);
        this.octopus = config.isOctopus() ? newCheckPool(metrics) : null;
        metrics.checkQueueDepth(octopus == null ? () -> 0 : octopus::queueDepth);
        this.producer = new BlockProducer(chain, config.blockIntervalNs(), config.heartbeatNs(),
                broadcaster::broadcast,
                octopus == null ? metrics::jobMade : this::octopusJobMade, metrics.unexpectedErrors());
        this.transport = NettyTransport.named(config.transport());
        this.acceptor = transport.newGroup(1);
        this.workers = transport.newGroup(config.ioThreads());
        MiningCalls calls = new MiningCalls(config.dialect(), config.secret(), config.notifyOnSubscribe(),
                config.newJobOnSolution(), registry, broadcaster, chain, producer, metrics, octopus);
        this.initializer = new StratumChannelInitializer(calls, registry, metrics, config, connections);
        this.resources = new ResourceProbe(metrics::connections, registry::size,
                connections::size, initializer::heldConnections);
        resources.register(metrics.registry());
        metrics.info(config.seed(), config.nodeLimits());
    }

    /** The pool: a thread per core, and a queue of 64 checks per thread (about 0.3 s of work at 5 ms a check). */
    private static OctopusCheckPool newCheckPool(ServerMetrics metrics) {
        int threads = Runtime.getRuntime().availableProcessors();
        return new OctopusCheckPool(threads, 64 * threads, metrics.unexpectedErrors());
    }

    /** On the chain thread: counts the job and, near a stage's end, starts the next stage's cache. */
    private void octopusJobMade() {
        metrics.jobMade();
        octopus.onJob(chain.current().height());
    }

    /**
     * Binds and starts serving.
     *
     * @param config the settings
     * @return the running server
     * @throws ListenFailure if the address or the metrics port cannot be bound (it says which)
     */
    public static StratumServer start(ServerConfig config) throws IOException {
        StratumServer server = new StratumServer(config);
        try {
            server.bind();
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void bind() throws IOException {
        if (octopus != null) {
            // Before listening: the first submits must not wait a second for the cache (docs/protocol.md §6b).
            cacheBuildMs = TimeUnit.NANOSECONDS
                    .toMillis(octopus.buildFor(config.startHeight()).buildTimeNs());
        }
        ServerBootstrap bootstrap = new ServerBootstrap().group(acceptor, workers)
                .channel(transport.serverSocketChannelType())
                .option(ChannelOption.SO_BACKLOG, 4096).option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childOption(ChannelOption.SO_SNDBUF, SEND_BUFFER_BYTES)
                .childHandler(initializer);
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        try {
            listener = bootstrap.bind(address).syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new ListenFailure(ListenFailure.Endpoint.STRATUM,
                    "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        if (config.metricsPort() >= 0) {
            try {
                metricsEndpoint = MetricsEndpoint.start(metrics.registry(), config.metricsHost(),
                        config.metricsPort());
            } catch (IOException | IllegalArgumentException e) {
                // IllegalArgumentException: a host name that does not resolve
                throw new ListenFailure(ListenFailure.Endpoint.METRICS,
                        "cannot serve metrics on " + config.metricsHost() + ":" + config.metricsPort() + ": "
                                + e.getMessage(),
                        e);
            }
        }
        producer.start();
    }

    /** @return the address the server listens on (with the real port when configured with 0) */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** @return {@code epoll} or {@code nio} */
    public String transport() {
        return transport.name();
    }

    /** @return the settings it runs with */
    public ServerConfig config() {
        return config;
    }

    /** @return the counters */
    public ServerMetrics metrics() {
        return metrics;
    }

    /**
     * Reads the process's heap after a full collection, its file descriptors and the size of every structure kept
     * per connection ({@link ResourceProbe} says what the collection costs). Call from a thread that is not an
     * event loop.
     *
     * @return the reading
     */
    public ResourceReading readResources() {
        return resources.read();
    }

    /** @return the metrics endpoint's port, or -1 when it is off */
    public int metricsPort() {
        return metricsEndpoint == null ? -1 : metricsEndpoint.port();
    }

    /** @return the simulated chain, for its current job */
    public SimulatedChain chain() {
        return chain;
    }

    /** @return the block producer, to retarget or change the block interval while running */
    public BlockProducer blocks() {
        return producer;
    }

    /** @return the one-line description printed at start */
    public String describe() {
        InetSocketAddress address = localAddress();
        return "stratumlab server listening on " + address.getHostString() + ":" + address.getPort()
                + " transport=" + transport.name() + " dialect=" + config.dialect().name() + " difficulty="
                + config.difficulty()
                + " window="
                + config.window() + " block-interval=" + describeInterval(config.blockIntervalNs()) + " seed="
                + config.seed() + " pow=" + config.pow() + describeCache()
                + (config.nodeLimits() ? " node-limits" : "")
                + (metricsPort() >= 0
                        ? " metrics=http://" + config.metricsHost() + ":" + metricsPort() + "/metrics"
                        : "");
    }

    private String describeCache() {
        return cacheBuildMs < 0
                ? ""
                : " (stage " + OctopusStage.stageOf(config.startHeight()) + " cache built in " + cacheBuildMs
                        + " ms)";
    }

    private static String describeInterval(long ns) {
        return ns == 0 ? "off" : TimeUnit.NANOSECONDS.toMillis(ns) + "ms";
    }

    /** Stops accepting, closes every connection, stops the chain and the event loops; waits for all of it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // closing twice is harmless
        }
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        connections.close().awaitUninterruptibly();
        producer.close();
        if (metricsEndpoint != null) {
            metricsEndpoint.close();
        }
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (octopus != null) {
            octopus.close();
        }
    }
}

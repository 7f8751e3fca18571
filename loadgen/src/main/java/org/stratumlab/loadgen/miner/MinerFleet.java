package org.stratumlab.loadgen.miner;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.record.Metric;
import org.stratumlab.loadgen.schedule.SolveSchedule;
import org.stratumlab.protocol.frame.LineFrameDecoder;
import org.stratumlab.protocol.miner.ServerMessageDecoder;
import org.stratumlab.protocol.transport.NettyTransport;

/**
 * A farm of simulated miners against one endpoint: opens connections at the connect rate until all miners are
 * up, reopens lost ones with exponential backoff and jitter, closes and reopens them for churn, and spreads them
 * over local source addresses. Each connection is served by a {@link SimulatedMiner}.
 *
 * <p>Thread-safe: the ramp runs on one event loop, connections on their own.
 */
public final class MinerFleet implements AutoCloseable {
    /** Line limit for what a server sends; notifies are about 250 bytes. */
    private static final int MAX_SERVER_LINE_BYTES = 64 * 1024;
    private static final long RAMP_TICK_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private final FleetSettings settings;
    private final FleetContext context;
    private final LoadMetrics metrics;
    private final InetSocketAddress target;
    private final EventExecutor rampLoop;
    private final Bootstrap bootstrap;
    private final MinerSlot[] slots;
    private final Channel[] channels;
    private volatile boolean running;
    private int opened;
    private long rampStartNs;

    /**
     * @param settings how the miners behave
     * @param metrics where they count and record
     * @param target the endpoint
     * @param group the event loops the connections run on
     * @param transport the transport of that group
     */
    public MinerFleet(FleetSettings settings, LoadMetrics metrics, InetSocketAddress target,
            EventLoopGroup group,
            NettyTransport transport) {
        this.settings = settings;
        this.metrics = metrics;
        this.target = target;
        this.context = new FleetContext(metrics, settings.password(), settings.badShares(),
                settings.subscribeTimeoutNs(), settings.submitTimeoutNs(), settings.maxGrindAttempts(),
                settings.sessionLifetimeNs());
        this.rampLoop = group.next();
        this.slots = makeSlots(settings);
        this.channels = new Channel[settings.miners()];
        this.bootstrap = new Bootstrap().group(group).channel(transport.socketChannelType())
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.SO_REUSEADDR, true);
    }

    private static MinerSlot[] makeSlots(FleetSettings settings) {
        SplittableRandom root = new SplittableRandom(settings.seed());
        double[] hashrates = settings.hashrate() > 0
                ? settings.hashrates().drawFarm(settings.hashrate(), settings.miners(), root.split())
                : null;
        MinerSlot[] slots = new MinerSlot[settings.miners()];
        for (int i = 0; i < slots.length; i++) {
            SplittableRandom random = root.split();
            SolveSchedule schedule = hashrates != null
                    ? SolveSchedule.fromHashrate(random.split(), hashrates[i])
                    : SolveSchedule.fixedRate(random.split(), settings.solveRatePerSecond());
            slots[i] = new MinerSlot(i, settings.workerPrefix() + "-" + i, schedule, random);
        }
        return slots;
    }

    /** Starts opening connections at the connect rate. */
    public void start() {
        running = true;
        rampLoop.execute(() -> {
            rampStartNs = System.nanoTime();
            rampTick();
        });
    }

    private void rampTick() {
        if (!running) {
            return;
        }
        double elapsedSeconds = (System.nanoTime() - rampStartNs) / 1e9;
        int due = (int) Math.min(slots.length,
                Math.floor(elapsedSeconds * settings.connectRatePerSecond()) + 1);
        while (opened < due) {
            connect(slots[opened++]);
        }
        if (opened < slots.length) {
            rampLoop.schedule(this::rampTick, RAMP_TICK_NS, TimeUnit.NANOSECONDS);
        }
    }

    private void connect(MinerSlot slot) {
        long startNs = System.nanoTime();
        ChannelFuture connecting = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new LineFrameDecoder(MAX_SERVER_LINE_BYTES),
                        ServerMessageDecoder.INSTANCE,
                        new SimulatedMiner(slot, context));
            }
        }).connect(target, sourceAddress(slot));
        connecting.addListener(done -> {
            if (done.isSuccess()) {
                metrics.record(Metric.CONNECT, System.nanoTime() - startNs);
                Channel channel = connecting.channel();
                channels[slot.index] = channel;
                channel.closeFuture().addListener(closed -> onClosed(slot, channel));
            } else {
                metrics.connectFailed();
                scheduleReconnect(slot);
            }
        });
    }

    private InetSocketAddress sourceAddress(MinerSlot slot) {
        var addresses = settings.sourceAddresses();
        return addresses.isEmpty()
                ? null
                : new InetSocketAddress(addresses.get(slot.index % addresses.size()), 0);
    }

    private void onClosed(MinerSlot slot, Channel channel) {
        if (!running) {
            return;
        }
        if (Boolean.TRUE.equals(channel.attr(SimulatedMiner.CLOSED_FOR_CHURN).get())) {
            metrics.reconnecting();
            connect(slot); // churn: a new session at once, not a failure
        } else {
            scheduleReconnect(slot);
        }
    }

    private void scheduleReconnect(MinerSlot slot) {
        if (!running) {
            return;
        }
        int attempt = Math.min(slot.failedAttempts++, 30);
        double backoffNs = Math.min(settings.reconnectMaxNs(),
                settings.reconnectBaseNs() * Math.pow(2, attempt));
        long delayNs = (long) (backoffNs * (0.5 + slot.random.nextDouble()));
        rampLoop.schedule(() -> {
            if (running) {
                metrics.reconnecting();
                connect(slot);
            }
        }, delayNs, TimeUnit.NANOSECONDS);
    }

    /** Stops new submits and reconnects; in-flight submits are still answered or time out. */
    public void stopSubmitting() {
        context.stopSubmitting();
    }

    /**
     * Waits until every submit sent has an outcome, or the deadline.
     *
     * @param timeoutNs the longest wait
     * @throws InterruptedException if interrupted
     */
    public void awaitDrained(long timeoutNs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNs;
        while (metrics.counts().inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5); // polling a counter the event loops update; no event to wait on
        }
    }

    /** Closes every connection and waits for them to close; in-flight submits end as unanswered. */
    @Override
    public void close() {
        running = false;
        for (Channel channel : channels) {
            if (channel != null) {
                channel.close().awaitUninterruptibly();
            }
        }
    }
}

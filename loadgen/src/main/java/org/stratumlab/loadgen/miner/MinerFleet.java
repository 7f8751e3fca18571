package org.stratumlab.loadgen.miner;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.stratumlab.loadgen.grind.ShareSource;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.record.NotifyReceiptLog;
import org.stratumlab.results.Metric;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.HashrateDistribution;
import org.stratumlab.loadgen.schedule.SolveSchedule;
import org.stratumlab.loadgen.shard.Shard;
import org.stratumlab.protocol.frame.LineFrameDecoder;
import org.stratumlab.server.errors.UnexpectedErrors;
import org.stratumlab.protocol.miner.NotifyLineCache;
import org.stratumlab.protocol.miner.ServerMessageDecoder;
import org.stratumlab.protocol.transport.NettyTransport;
import org.stratumlab.results.Summary;

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

    /** How long stopSubmitting waits for one event loop to run past the flag: a loop stuck longer is a bug. */
    private static final long BARRIER_TIMEOUT_MS = 10_000;

    private final FleetSettings settings;
    private final EventLoopGroup group;
    private final FleetContext context;
    private final ShareSource shares;
    private final LoadMetrics metrics;
    private final InetSocketAddress target;
    private final EventExecutor rampLoop;
    private final Bootstrap bootstrap;
    /** One decoder for every connection: a notify line one miner read is not parsed again for the others. */
    private final NotifyLineCache notifyLines = new NotifyLineCache();
    private final ServerMessageDecoder decoder = ServerMessageDecoder.sharing(notifyLines);
    private final MinerSlot[] slots;
    /** Written on the event loops, read by the fleet's callers: an atomic array makes each write visible. */
    private final AtomicReferenceArray<Channel> channels;
    private volatile boolean running;
    private volatile boolean closed;
    // Ramp state, touched on the ramp loop only.
    private int opened;
    private int targetMiners;
    private int rampBase;
    private double rampRatePerSecond;
    private long rampStartNs;
    private boolean rampScheduled;

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
        this(settings, metrics, target, group, transport, null);
    }

    /**
     * @param settings how the miners behave
     * @param metrics where they count and record
     * @param target the endpoint
     * @param group the event loops the connections run on
     * @param transport the transport of that group
     * @param receipts where every receipt of each job is counted (a sharded run), or null
     */
    public MinerFleet(FleetSettings settings, LoadMetrics metrics, InetSocketAddress target,
            EventLoopGroup group,
            NettyTransport transport, NotifyReceiptLog receipts) {
        this.settings = settings;
        this.metrics = metrics;
        this.target = target;
        // One record of unexpected errors for the miners' connections and the grinding threads alike.
        UnexpectedErrors errors = UnexpectedErrors.toStderr("stratumlab loadgen");
        this.shares = new ShareSource(settings.pow(), settings.grindThreads(), settings.maxGrindAttempts(),
                settings.seed(), errors);
        this.context = new FleetContext(metrics, errors, settings.password(), settings.badShares(),
                settings.hostile().shares(),
                settings.subscribeTimeoutNs(), settings.submitTimeoutNs(), shares,
                settings.sessionLifetimeNs(), receipts);
        this.group = group;
        this.rampLoop = group.next();
        this.slots = makeSlots(settings);
        this.channels = new AtomicReferenceArray<>(settings.miners());
        this.bootstrap = new Bootstrap().group(group).channel(transport.socketChannelType())
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.SO_REUSEADDR, true);
    }

    /** Package-private so that tests can check that a seed fixes every slot's schedule. */
    static MinerSlot[] makeSlots(FleetSettings settings) {
        SplittableRandom root = new SplittableRandom(settings.seed());
        double[] hashrates = settings.hashrate() > 0
                ? settings.hashrates().drawFarm(settings.hashrate(), settings.fleetMiners(), root.split())
                : null;
        Shard shard = settings.shard();
        MinerSlot[] slots = new MinerSlot[settings.miners()];
        for (int i = 0; i < slots.length; i++) {
            int n = shard.globalNumber(i); // names, hostility and hashrates are the whole fleet's miner n's
            SplittableRandom random = root.split();
            SolveSchedule schedule = hashrates != null
                    ? SolveSchedule.fromHashrate(random.split(), hashrates[n])
                    : SolveSchedule.fixedRate(random.split(), settings.solveRatePerSecond());
            slots[i] = new MinerSlot(i, settings.workerPrefix() + "-" + n, schedule, random,
                    settings.hostile().isHostile(n));
        }
        return slots;
    }

    /** Starts opening all the settings' miners at the settings' connect rate. */
    public void start() {
        setMiners(settings.miners(), settings.connectRatePerSecond());
    }

    /**
     * Changes how many miners are connected: more are opened at {@code connectRatePerSecond}; beyond the new
     * number, connections are closed at once and not reopened. At most the settings' miner count.
     *
     * @param miners the new number of miners
     * @param connectRatePerSecond the rate of new connections
     */
    public void setMiners(int miners, double connectRatePerSecond) {
        running = true;
        int wanted = Math.min(miners, slots.length);
        rampLoop.execute(() -> {
            targetMiners = wanted;
            rampBase = opened;
            rampRatePerSecond = connectRatePerSecond;
            rampStartNs = System.nanoTime();
            while (opened > targetMiners) {
                retire(slots[--opened]);
            }
            if (!rampScheduled) {
                rampTick();
            }
        });
    }

    private void retire(MinerSlot slot) {
        slot.retired = true;
        Channel channel = channels.get(slot.index);
        if (channel != null) {
            channel.close();
        }
    }

    private void rampTick() {
        rampScheduled = false;
        if (!running) {
            return;
        }
        double elapsedSeconds = (System.nanoTime() - rampStartNs) / 1e9;
        int due = (int) Math.min(targetMiners, rampBase + Math.floor(elapsedSeconds * rampRatePerSecond) + 1);
        while (opened < due) {
            MinerSlot slot = slots[opened++];
            slot.retired = false;
            connect(slot);
        }
        if (opened < targetMiners) {
            rampScheduled = true;
            rampLoop.schedule(this::rampTick, RAMP_TICK_NS, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Changes the solution rate of every miner (a new phase): a fixed rate, or hashrates drawn from the
     * distribution with the given seed. Connected miners restart their schedules from now.
     *
     * @param solveRatePerSecond the fixed rate, or 0 with a hashrate
     * @param hashrate the base hashrate, or 0 with a fixed rate
     * @param hashrates how hashrates spread over miners
     * @param seed the seed of the hashrate draws
     * @param hostileRate the hostile miners' rate (or hashrate) as a multiple of the others'
     */
    public void setRates(double solveRatePerSecond, double hashrate, HashrateDistribution hashrates,
            long seed, double hostileRate) {
        double[] drawn = hashrate > 0
                ? hashrates.drawFarm(hashrate, settings.fleetMiners(), new SplittableRandom(seed))
                : null;
        for (MinerSlot slot : slots) {
            double factor = slot.hostile ? hostileRate : 1;
            if (drawn != null) {
                slot.schedule.setHashrate(drawn[settings.shard().globalNumber(slot.index)] * factor, null);
            } else {
                slot.schedule.setFixedRate(solveRatePerSecond * factor);
            }
        }
        forEachMiner(SimulatedMiner::rateChanged);
    }

    /**
     * Changes the bad-share mix and churn of the next submits and sessions (a new phase).
     *
     * @param badShares the mix
     * @param sessionLifetimeNs the mean session lifetime, 0 for none
     */
    public void setBehaviour(BadShareMix badShares, long sessionLifetimeNs) {
        context.change(badShares, sessionLifetimeNs);
    }

    private void forEachMiner(Consumer<SimulatedMiner> action) {
        for (int i = 0; i < channels.length(); i++) {
            Channel channel = channels.get(i);
            if (channel != null && channel.isActive()) {
                channel.eventLoop().execute(() -> {
                    SimulatedMiner miner = channel.pipeline().get(SimulatedMiner.class);
                    if (miner != null) {
                        action.accept(miner);
                    }
                });
            }
        }
    }

    private void connect(MinerSlot slot) {
        long startNs = System.nanoTime();
        ChannelFuture connecting = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new LineFrameDecoder(MAX_SERVER_LINE_BYTES),
                        decoder,
                        new SimulatedMiner(slot, context));
            }
        }).connect(target, sourceAddress(slot));
        connecting.addListener(done -> {
            if (done.isSuccess()) {
                metrics.record(Metric.CONNECT, System.nanoTime() - startNs);
                Channel channel = connecting.channel();
                channels.set(slot.index, channel);
                channel.closeFuture().addListener(closed -> onClosed(slot, channel));
            } else {
                metrics.connectFailed(ConnectFailures.cause(done.cause()));
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
        if (!running || slot.retired) {
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
        if (!running || slot.retired) {
            return;
        }
        int attempt = Math.min(slot.failedAttempts++, 30);
        double backoffNs = Math.min(settings.reconnectMaxNs(),
                settings.reconnectBaseNs() * Math.pow(2, attempt));
        long delayNs = (long) (backoffNs * (0.5 + slot.random.nextDouble()));
        rampLoop.schedule(() -> {
            if (running && !slot.retired) {
                metrics.reconnecting();
                connect(slot);
            }
        }, delayNs, TimeUnit.NANOSECONDS);
    }

    /**
     * @return the solution events a second the subscribed miners' schedules ask for now: what the progress line
     *         shows beside the rate achieved (read without locks: a near-instant picture)
     */
    public double duePerSecond() {
        double due = 0;
        for (MinerSlot slot : slots) {
            if (slot.subscribed) {
                due += slot.schedule.ratePerSecond();
            }
        }
        return due;
    }

    /**
     * @return a share the endpoint accepted from this fleet on the newest job that had one, or null before any:
     *         what duplicate-flood attackers repeat
     */
    public AcceptedShare lastAcceptedShare() {
        return context.lastAcceptedShare();
    }

    /** @return how many notify lines the fleet parsed: one per distinct line (the rest were recognised) */
    public long notifyParses() {
        return notifyLines.notifyParses();
    }

    /** @return how many unexpected exceptions (not resets) the miners' connections met, by exception class */
    public Map<String, Long> unexpectedErrors() {
        return context.unexpectedErrors.snapshot();
    }

    /**
     * Stops new submits and reconnects; in-flight submits are still answered or time out. Returns once every
     * event loop has run past the flag: a solution event that had already begun when the flag fell (its nonce
     * being ground, its submit being written) has then been counted as sent, so a drain that follows sees it in
     * flight instead of a submit appearing after the drain and being cut off as unanswered.
     *
     * @throws InterruptedException if interrupted while waiting for the event loops
     */
    public void stopSubmitting() throws InterruptedException {
        context.stopSubmitting();
        long endNs = System.nanoTime();
        forEachMiner(miner -> miner.countOwed(endNs));
        awaitEventLoops();
    }

    /** Returns once every event loop has run what was queued on it before this call. */
    private void awaitEventLoops() throws InterruptedException {
        for (EventExecutor loop : group) {
            if (!loop.submit(() -> {
            }).await(BARRIER_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                context.unexpectedErrors.record(new IllegalStateException(
                        "an event loop did not reach the barrier within " + BARRIER_TIMEOUT_MS + " ms"));
            }
        }
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

    /**
     * @return what grinding produced and cost; complete once {@link #close} returned (closing counts the events
     *         still waiting for a nonce)
     */
    public Summary.Grinding grinding() {
        return shares.summary();
    }

    /** @return the implementation valid nonces are ground with, for the summary */
    public String grinderName() {
        return shares.implementationName();
    }

    /**
     * Closes every connection and waits until each has counted what it leaves: in-flight submits end as
     * unanswered, events waiting for a nonce as never sent. Then stops the grinding threads.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        for (int i = 0; i < channels.length(); i++) {
            Channel channel = channels.get(i);
            if (channel != null) {
                channel.close().awaitUninterruptibly();
            }
        }
        try {
            awaitEventLoops(); // Netty runs channelInactive after the close future completes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shares.close();
    }
}

package org.stratumlab.loadgen.run;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.stratumlab.loadgen.attack.AttackCounters;
import org.stratumlab.loadgen.attack.AttackFleet;
import org.stratumlab.loadgen.metrics.LiveMetrics;
import org.stratumlab.loadgen.miner.MinerFleet;
import org.stratumlab.loadgen.record.IntervalSampler;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.record.NotifyReceiptLog;
import org.stratumlab.loadgen.record.ProgressLine;
import org.stratumlab.loadgen.record.RunClock;
import org.stratumlab.loadgen.resources.ServerResourceSampler;
import org.stratumlab.results.CpuTicks;
import org.stratumlab.results.MachineFacts;
import org.stratumlab.results.NotifyReceiptsFile;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.protocol.transport.NettyTransport;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * Runs one load test end to end: starts the embedded server if there is no target, plays the phases in order
 * (each may change the miners, their rates and shares, or act on the embedded server), samples every second
 * (hlog, CSV, progress), stops submitting at the end, waits for every submit in flight to end (answered or timed
 * out), and writes {@code summary.json}.
 *
 * <p>A run ends early in two ways, and still writes everything: a {@link RunStop} (Ctrl-C), after which it
 * drains for at most {@link #INTERRUPTED_DRAIN_NS} and is marked interrupted; and a run that cannot get going
 * ({@link StartCheck#hopeless}: nothing ever subscribed and every attempt failed), which stops within seconds
 * instead of spending its whole duration, and records why in {@code startFailure}.
 *
 * <p>A run given a start instant ({@link LoadConfig#startAt}) builds its fleet first and then sleeps until the
 * instant, so that the shards of a sharded run begin together; one ready only after it refuses to run
 * ({@link StartAt.StartPassedException}) before it has written anything. A shard also writes
 * {@code notify-receipts.jsonl} ({@link NotifyReceiptLog}) and records its {@code shard} in the summary.
 *
 * <p>A run with an attack ({@link LoadConfig#attack}) opens each phase's attackers beside its miners, on the
 * same event loops ({@link AttackFleet}); they are closed before the miners drain, and the summary gains their
 * {@code attack} section.
 *
 * <p>The calling thread plays the phases and samples; miners run on their own event loops.
 */
public final class LoadRun {
    private static final long SAMPLE_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    /** The longest an interrupted run waits for replies in flight: the user asked it to stop. */
    static final long INTERRUPTED_DRAIN_NS = TimeUnit.SECONDS.toNanos(5);
    /** Added to the fleet's seed for the attackers' draws, so that they do not repeat the miners'. */
    private static final long ATTACK_SEED_OFFSET = 0x4174_7461_636BL;

    /** How the phases ended. */
    private enum End {
        /** Every phase ran its time. */
        COMPLETED,
        /** A {@link RunStop} cut them short. */
        INTERRUPTED,
        /** Nothing could get going: stopped early. */
        HOPELESS
    }

    private final LoadConfig config;
    private final PrintWriter out;
    private final boolean terminal;
    private final Summary.Invocation invocation;
    private final RunStop stop;
    private final LiveMetrics live;
    /** The run's attackers, or null without an attack: set by {@link #run}, used by the phases and the summary. */
    private AttackFleet attackers;

    /**
     * @param config the run
     * @param out where progress and the final table go
     * @param terminal whether {@code out} is a terminal
     */
    public LoadRun(LoadConfig config, PrintWriter out, boolean terminal) {
        this(config, out, terminal, null);
    }

    /**
     * @param config the run
     * @param out where progress and the final table go
     * @param terminal whether {@code out} is a terminal
     * @param invocation the command line that asked for the run, recorded in its summary; {@code null} if none
     */
    public LoadRun(LoadConfig config, PrintWriter out, boolean terminal, Summary.Invocation invocation) {
        this(config, out, terminal, invocation, new RunStop());
    }

    /**
     * @param config the run
     * @param out where progress and the final table go
     * @param terminal whether {@code out} is a terminal
     * @param invocation the command line that asked for the run, recorded in its summary; {@code null} if none
     * @param stop ends the run early, its results written and marked interrupted
     */
    public LoadRun(LoadConfig config, PrintWriter out, boolean terminal, Summary.Invocation invocation,
            RunStop stop) {
        this(config, out, terminal, invocation, stop, null);
    }

    /**
     * @param config the run
     * @param out where progress and the final table go
     * @param terminal whether {@code out} is a terminal
     * @param invocation the command line that asked for the run, recorded in its summary; {@code null} if none
     * @param stop ends the run early, its results written and marked interrupted
     * @param live the live metrics endpoint the run exposes its counters on, or {@code null} for none; the
     *        caller opens it and finishes it once the summary is written
     */
    public LoadRun(LoadConfig config, PrintWriter out, boolean terminal, Summary.Invocation invocation,
            RunStop stop, LiveMetrics live) {
        this.config = config;
        this.out = out;
        this.terminal = terminal;
        this.invocation = invocation;
        this.stop = stop;
        this.live = live;
    }

    /**
     * What a run produced.
     *
     * @param summary what summary.json says
     * @param counts the final counters
     * @param serverCounters the embedded server's counters at the end (all its instances), or {@code null}
     *        against a target
     */
    public record Result(Summary summary, LoadMetrics.Counts counts,
            ServerMetrics.Snapshot serverCounters) {
    }

    /**
     * @return the result, also written to the output folder
     * @throws IOException if the embedded server cannot start or the outputs cannot be written
     * @throws InterruptedException if interrupted
     */
    public Result run() throws IOException, InterruptedException {
        EmbeddedServer server = config.target() == null
                ? EmbeddedServer.start(config.embeddedServer(), config.embeddedProcess(),
                        config.fleet().miners())
                : null;
        NettyTransport transport = NettyTransport.named(config.transport());
        EventLoopGroup group = transport.newGroup(config.ioThreads());
        try {
            InetSocketAddress target = server != null ? server.address() : config.target();
            ServerResourceSampler resources = null;
            if (server != null) {
                out.println(server.describe());
                out.flush();
                resources = new ServerResourceSampler(server, config.resourceIntervalNs(),
                        server.sharesThisProcess());
                resources.baseline(); // before the clock starts and any miner connects
            }
            LoadMetrics metrics = new LoadMetrics();
            RunClock clock = RunClock.anchoredNow();
            long startNs = config.startAt() != null ? clock.nanoTimeAt(config.startAt()) : System.nanoTime();
            Instant startedAt = clock.instantAt(startNs);
            // Closed on every path: the fleet's grinding threads must not outlive a run that failed. The receipts'
            // log closes after the fleet, whose connections are the last to count into it.
            try (NotifyReceiptLog receipts = config.sharding() != null ? new NotifyReceiptLog(clock) : null;
                    MinerFleet fleet = new MinerFleet(config.fleet(), metrics, target, group, transport,
                            receipts)) {
                attackers = config.attack() == null
                        ? null
                        : new AttackFleet(config.attack().settings(), new AttackCounters(), target, group,
                                transport,
                                fleet::lastAcceptedShare, config.fleet().seed() + ATTACK_SEED_OFFSET);
                // Made before the start instant, which it must not delay; checked after, as nothing is written yet.
                StartAt.requireAhead(config.startAt(), clock.instantAt(System.nanoTime()));
                if (receipts != null) {
                    receipts.open(config.outDir());
                }
                try (IntervalSampler sampler = new IntervalSampler(metrics, config.outDir(), startNs,
                        startedAt.toEpochMilli())) {
                    if (live != null) {
                        live.attach(metrics, sampler, fleet);
                    }
                    stop.awaitUntil(startNs); // a stop asked for meanwhile ends the first phase at once
                    sampler.begin();
                    if (resources != null) {
                        resources.begin(startNs);
                    }
                    return measure(fleet, server, resources, sampler, receipts, metrics, target, transport,
                            startedAt, startNs);
                }
            }
        } finally {
            if (attackers != null) {
                attackers.close(); // closing again does nothing
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            if (server != null) {
                server.close();
            }
        }
    }

    /** Plays the phases from the start instant, drains, and writes what the run measured. */
    private Result measure(MinerFleet fleet, EmbeddedServer server, ServerResourceSampler resources,
            IntervalSampler sampler, NotifyReceiptLog receipts, LoadMetrics metrics, InetSocketAddress target,
            NettyTransport transport,
            Instant startedAt, long startNs) throws IOException, InterruptedException {
        String loadAtStart = MachineFacts.loadAverage();
        CpuTicks ticksAtStart = CpuTicks.read();
        long cpuAtStartNs = ProcessCpu.nanos();
        RunCheckpoint checkpoint = new RunCheckpoint(config.outDir().resolve(SummaryFile.FILE_NAME), startNs,
                interval -> summaryAt(interval.now().withInFlightUnanswered(), interval.elapsedSeconds(),
                        sampler, fleet, metrics, target, transport, startedAt, startNs, loadAtStart,
                        ticksAtStart, Map.of()).withEnd(null, false, config.durationNs() / 1e9)
                        .withShard(shard()));
        End end = playPhases(fleet, server, resources, sampler, receipts, startNs, checkpoint);
        if (attackers != null) {
            attackers.close(); // first: the honest miners drain without the attack, and it counts what was open
        }
        fleet.stopSubmitting();
        long drainNs = config.fleet().submitTimeoutNs() + SAMPLE_INTERVAL_NS;
        fleet.awaitDrained(end == End.INTERRUPTED ? Math.min(drainNs, INTERRUPTED_DRAIN_NS) : drainNs);
        fleet.close();
        fleet.awaitDrained(SAMPLE_INTERVAL_NS); // closing ends what was left in flight as unanswered
        sampler.sample();
        Summary.ServerResources serverResources = resources != null ? resources.end() : null;
        sampler.writePercentileFiles();
        if (receipts != null) {
            receipts.close(); // every connection is closed: no receipt can come after (closing again does nothing)
            if (receipts.lateReceipts() > 0) {
                out.printf(java.util.Locale.ROOT,
                        "notify receipts: %,d came after their job's line of %s was "
                                + "written (a connection hundreds of jobs behind the others); the file may lack them%n",
                        receipts.lateReceipts(), NotifyReceiptsFile.FILE_NAME);
            }
        }
        double durationS = (System.nanoTime() - startNs) / 1e9;
        LoadMetrics.Counts counts = metrics.counts();
        ServerMetrics.Snapshot serverCounters = server != null ? server.counters() : null;
        Summary summary = summaryAt(counts, durationS, sampler, fleet, metrics, target, transport, startedAt,
                startNs, loadAtStart, ticksAtStart,
                serverCounters != null ? serverCounters.unexpectedErrors() : Map.of());
        summary = withEnd(summary, end, durationS);
        summary = withCpu(summary, cpuAtStartNs, server);
        summary = summary.withServerResources(serverResources);
        summary = summary.withServer(
                serverCounters == null ? null : RunSummary.server(serverCounters, server.killedInstances()));
        if (attackers != null) {
            summary = summary.withAttack(attackers.counters().summary(config.attack().settings(),
                    config.attack().attackersMax()));
        }
        summary = summary.withShard(shard());
        SummaryFile.write(summary, config.outDir().resolve(SummaryFile.FILE_NAME));
        return new Result(summary, counts, serverCounters);
    }

    /** @return which shard of a sharded run this is, or null */
    private Summary.Shard shard() {
        return config.sharding() == null
                ? null
                : config.sharding().record(config.fleet().seed(), config.startAt());
    }

    /** @return what the run measured up to now (or a sample), before how it ended and the server's side */
    private Summary summaryAt(LoadMetrics.Counts counts, double durationS, IntervalSampler sampler,
            MinerFleet fleet, LoadMetrics metrics, InetSocketAddress target, NettyTransport transport,
            Instant startedAt, long startNs, String loadAtStart, CpuTicks ticksAtStart,
            Map<String, Long> serverErrors) {
        RunSummary.Facts facts = new RunSummary.Facts(config.name(), startedAt, durationS,
                RunSettings.of(config, target), config.fleet().miners(), transport.name(),
                fleet.grinderName(), fleet.grinding(), invocation, loadAtStart, ticksAtStart);
        return RunSummary.build(facts, counts, sampler.totals(),
                sampler.lagAfterWarmUp(System.nanoTime() - startNs), sampler.phases(),
                new Summary.Errors(fleet.unexpectedErrors(), serverErrors), metrics.answers().snapshot());
    }

    /**
     * @return the summary with the CPU time this process used since the run's start, the embedded server's
     *         included when it ran here; unchanged when the JVM cannot tell
     */
    private static Summary withCpu(Summary summary, long cpuAtStartNs, EmbeddedServer server) {
        long cpuNowNs = ProcessCpu.nanos();
        if (cpuAtStartNs < 0 || cpuNowNs < 0 || summary.generator() == null) {
            return summary;
        }
        boolean includesServer = server != null && server.sharesThisProcess();
        return summary.withGenerator(summary.generator().withCpu((cpuNowNs - cpuAtStartNs) / 1e9,
                summary.submits().sent(), includesServer));
    }

    /**
     * @return the summary with how the run ended: interrupted (not judged: it was cut short on purpose), or
     *         whether it got going
     */
    private Summary withEnd(Summary summary, End end, double durationS) {
        double plannedS = config.durationNs() / 1e9;
        if (end == End.INTERRUPTED) {
            return summary.withEnd(null, true, plannedS);
        }
        String failure = StartCheck.failure(summary.miners(), config.expectAllSubscribed());
        if (failure != null && end == End.HOPELESS) {
            failure += String.format(java.util.Locale.ROOT, "; stopped after %.0f s of %.0f s", durationS,
                    plannedS);
        }
        return summary.withEnd(failure, false, plannedS);
    }

    private End playPhases(MinerFleet fleet, EmbeddedServer server, ServerResourceSampler resources,
            IntervalSampler sampler, NotifyReceiptLog receipts, long startNs, RunCheckpoint checkpoint)
            throws IOException, InterruptedException {
        ProgressLine progress = new ProgressLine(out, terminal, config.durationNs() / 1e9,
                config.fleet().miners(),
                config.progressIntervalNs());
        List<Phase> phases = config.phases();
        long phaseStartNs = startNs;
        long nextTickNs = startNs + SAMPLE_INTERVAL_NS;
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            if (i > 0) {
                IntervalSampler.Interval closing = sampler.sample(); // closes the previous phase exactly at its end
                if (nextTickNs == phaseStartNs) {
                    // The phase ended on a tick: this sample is that tick's second, so it is the one shown, and
                    // the next tick is a full second on; sampling the tick as well would show a sliver of the new
                    // phase as the second's rate ("0 of 300 due").
                    progress.show(closing, nextTickNs - startNs, fleet.duePerSecond());
                    nextTickNs += SAMPLE_INTERVAL_NS;
                }
                if (i == 1 && resources != null) {
                    resources.firstPhaseEnded(phaseStartNs); // the heap's slope is fitted from here
                }
            }
            apply(phase, i == 0 ? null : phases.get(i - 1), i, fleet, server);
            sampler.beginPhase(phase.name());
            if (live != null) {
                live.phaseBegan(i, phase.name(), phase.miners());
            }
            long phaseEndNs = phaseStartNs + phase.durationNs();
            for (; nextTickNs < phaseEndNs; nextTickNs += SAMPLE_INTERVAL_NS) {
                if (stop.awaitUntil(nextTickNs)) {
                    return ended(End.INTERRUPTED, sampler, progress);
                }
                if (phase.ramps()) {
                    fleet.setRates(phase.solveRateAt(nextTickNs - phaseStartNs), 0, phase.hashrates(),
                            config.fleet().seed() + i, phase.hostileRate());
                }
                IntervalSampler.Interval interval = sampler.sample();
                if (receipts != null) {
                    receipts.writeForgotten(System.nanoTime() - SAMPLE_INTERVAL_NS);
                }
                progress.show(interval, nextTickNs - startNs, fleet.duePerSecond());
                checkpoint.afterSample(interval, System.nanoTime());
                if (resources != null) {
                    resources.sampleIfDue(System.nanoTime(), phase.name());
                }
                if (StartCheck.hopeless(interval.now(), config.fleet().miners(),
                        System.nanoTime() - startNs)) {
                    return ended(End.HOPELESS, sampler, progress);
                }
            }
            if (stop.awaitUntil(phaseEndNs)) {
                return ended(End.INTERRUPTED, sampler, progress);
            }
            sampler.markPhaseEnd();
            phaseStartNs = phaseEndNs;
        }
        progress.finish();
        return End.COMPLETED;
    }

    private static End ended(End end, IntervalSampler sampler, ProgressLine progress) {
        sampler.markPhaseEnd(); // the phase's miner counts are those of its cut-short end
        progress.finish();
        return end;
    }

    private void apply(Phase phase, Phase previous, int index, MinerFleet fleet, EmbeddedServer server)
            throws IOException {
        if (server != null && !phase.server().isNone()) {
            server.apply(phase.server());
        }
        fleet.setBehaviour(phase.badShares(), phase.sessionLifetimeNs());
        boolean ratesChanged = previous == null || phase.ramps()
                || previous.finalSolveRatePerSecond() != phase.solveRatePerSecond()
                || previous.hashrate() != phase.hashrate() || !previous.hashrates().equals(phase.hashrates())
                || previous.hostileRate() != phase.hostileRate();
        if (ratesChanged) {
            fleet.setRates(phase.solveRatePerSecond(), phase.hashrate(), phase.hashrates(),
                    config.fleet().seed() + index, phase.hostileRate());
        }
        fleet.setMiners(phase.miners(), phase.connectRatePerSecond());
        if (attackers != null) {
            attackers.setAttackers(config.attack().attackersByPhase().get(index));
        }
    }
}

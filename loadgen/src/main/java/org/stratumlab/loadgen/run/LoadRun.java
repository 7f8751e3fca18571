package org.stratumlab.loadgen.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.loadgen.miner.MinerFleet;
import org.stratumlab.loadgen.record.IntervalSampler;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.record.ProgressLine;
import org.stratumlab.pow.NonceGrinder;
import org.stratumlab.protocol.transport.NettyTransport;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.StratumServer;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * Runs one load test end to end: starts the embedded server if there is no target, opens the miners, samples
 * every second (hlog, CSV, progress), stops submitting at the end of the duration, waits for every submit in
 * flight to end (answered or timed out), and writes {@code summary.json}.
 *
 * <p>The calling thread samples; miners run on their own event loops.
 */
public final class LoadRun {
    private static final long SAMPLE_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final LoadConfig config;
    private final PrintWriter out;
    private final boolean terminal;

    /**
     * @param config the run
     * @param out where progress and the final table go
     * @param terminal whether {@code out} is a terminal
     */
    public LoadRun(LoadConfig config, PrintWriter out, boolean terminal) {
        this.config = config;
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * What a run produced.
     *
     * @param summary the summary.json content
     * @param counts the final counters
     * @param serverCounters the embedded server's counters at the end, or {@code null} against a target
     */
    public record Result(ObjectNode summary, LoadMetrics.Counts counts,
            ServerMetrics.Snapshot serverCounters) {
    }

    /**
     * @return the result, also written to the output folder
     * @throws IOException if the embedded server cannot start or the outputs cannot be written
     * @throws InterruptedException if interrupted
     */
    public Result run() throws IOException, InterruptedException {
        StratumServer server = config.target() == null ? StratumServer.start(config.embeddedServer()) : null;
        NettyTransport transport = NettyTransport.best();
        EventLoopGroup group = transport.newGroup(config.ioThreads());
        try {
            InetSocketAddress target = server != null ? server.localAddress() : config.target();
            if (server != null) {
                out.println(server.describe().replace("stratumlab server", "embedded server"));
            }
            LoadMetrics metrics = new LoadMetrics();
            Instant startedAt = Instant.now();
            long startNs = System.nanoTime();
            MinerFleet fleet = new MinerFleet(config.fleet(), metrics, target, group, transport);
            try (IntervalSampler sampler = new IntervalSampler(metrics, config.outDir(), startNs,
                    startedAt.toEpochMilli())) {
                fleet.start();
                sampleUntil(sampler, startNs, startNs + config.durationNs());
                fleet.stopSubmitting();
                fleet.awaitDrained(config.fleet().submitTimeoutNs() + SAMPLE_INTERVAL_NS);
                fleet.close();
                fleet.awaitDrained(SAMPLE_INTERVAL_NS); // closing ends what was left in flight as unanswered
                sampler.sample();
                double durationS = (System.nanoTime() - startNs) / 1e9;
                LoadMetrics.Counts counts = metrics.counts();
                ObjectNode summary = RunSummary.build(config.name(), startedAt, durationS, settings(target),
                        config
                                .fleet().miners(),
                        counts, sampler.totals(), transport.name(), new NonceGrinder()
                                .implementationName());
                RunSummary.write(summary, config.outDir().resolve("summary.json"));
                ServerMetrics.Snapshot serverCounters = server != null ? server.metrics().snapshot() : null;
                return new Result(summary, counts, serverCounters);
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            if (server != null) {
                server.close();
            }
        }
    }

    private void sampleUntil(IntervalSampler sampler, long startNs, long endNs) throws InterruptedException {
        ProgressLine progress = new ProgressLine(out, terminal, (endNs - startNs) / 1e9,
                config.fleet().miners(),
                config.progressIntervalNs() / 1e9);
        for (long next = startNs + SAMPLE_INTERVAL_NS; next <= endNs; next += SAMPLE_INTERVAL_NS) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime())); // the sampling clock, not a sync
            progress.show(sampler.sample());
        }
        TimeUnit.NANOSECONDS.sleep(Math.max(0, endNs - System.nanoTime()));
        progress.finish();
    }

    private Map<String, Object> settings(InetSocketAddress target) {
        FleetSettings f = config.fleet();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("target",
                config.target() == null ? "embedded" : target.getHostString() + ":" + target.getPort());
        s.put("miners", f.miners());
        s.put("connectRatePerSecond", f.connectRatePerSecond());
        s.put("durationS", config.durationNs() / 1e9);
        if (f.hashrate() > 0) {
            s.put("hashrate", f.hashrate());
            s.put("hashrateDistribution", f.hashrates().describe());
        } else {
            s.put("solveRatePerSecond", f.solveRatePerSecond());
        }
        s.put("badShares", f.badShares().describe());
        s.put("workerPrefix", f.workerPrefix());
        s.put("seed", f.seed());
        s.put("subscribeTimeoutS", f.subscribeTimeoutNs() / 1e9);
        s.put("submitTimeoutS", f.submitTimeoutNs() / 1e9);
        s.put("sessionLifetimeS", f.sessionLifetimeNs() / 1e9);
        s.put("sourceAddresses", f.sourceAddresses().stream().map(a -> a.getHostAddress()).toList());
        s.put("ioThreads", config.ioThreads());
        if (config.target() == null) {
            ServerConfig e = config.embeddedServer();
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("difficulty", e.difficulty().toString());
            server.put("window", e.window());
            server.put("dialect", e.dialect().name());
            server.put("blockIntervalMs", e.blockIntervalNs() / 1e6);
            server.put("newJobOnSolution", e.newJobOnSolution());
            server.put("notifyOnSubscribe", e.notifyOnSubscribe());
            server.put("ioThreads", e.ioThreads());
            s.put("server", server);
        }
        return s;
    }
}

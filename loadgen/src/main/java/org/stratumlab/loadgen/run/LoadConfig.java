package org.stratumlab.loadgen.run;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.stratumlab.loadgen.attack.AttackPlan;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.loadgen.resources.ServerResourceSampler;
import org.stratumlab.loadgen.shard.Shard;
import org.stratumlab.protocol.transport.NettyTransport;
import org.stratumlab.results.Summary;
import org.stratumlab.server.ServerConfig;

/**
 * One load run: the miners, the target, its phases, and where the results go.
 *
 * @param name the name recorded as {@code scenario} in summary.json
 * @param fleet how the miners behave; its miner count is the most any phase uses
 * @param target the endpoint, or {@code null} to start the embedded server
 * @param embeddedServer the embedded server's settings (used when {@code target} is null)
 * @param embeddedProcess whether the embedded server runs in this process or its own
 * @param phases the run's phases, in order, at least one
 * @param ioThreads event-loop threads driving the miners
 * @param outDir where summary.json, latency.hlog and timeseries.csv go
 * @param progressIntervalNs how often progress is shown when output is not a terminal
 * @param expectAllSubscribed whether the run got going only if every miner subscribed at the peak (false where
 *        some are expected to be turned away, as by a node's 1024 places); some miner must subscribe either way
 * @param transport the miners' Netty transport: {@code auto} or a name in {@link NettyTransport#CHOICES}
 * @param sharding which shard of a sharded run this is ({@link #forShard}), or {@code null} for an unsharded run
 * @param startAt when the phases begin ({@code --start-at}: the same instant in every shard), or {@code null} for
 *        as soon as the run is ready
 * @param resourceIntervalNs how often the embedded server's resources are read while the phases play
 *        ({@link ServerResourceSampler}); 0 for only at the start and the end
 * @param attack the attackers beside the honest miners, one count per phase, or {@code null} for none
 */
public record LoadConfig(String name, FleetSettings fleet, InetSocketAddress target,
        ServerConfig embeddedServer,
        EmbeddedProcess embeddedProcess, List<Phase> phases, int ioThreads, Path outDir,
        long progressIntervalNs, boolean expectAllSubscribed, String transport, Sharding sharding,
        Instant startAt, long resourceIntervalNs, AttackPlan attack) {

    /**
     * A run without attackers.
     *
     * @param name the name recorded as {@code scenario} in summary.json
     * @param fleet how the miners behave; its miner count is the most any phase uses
     * @param target the endpoint, or {@code null} to start the embedded server
     * @param embeddedServer the embedded server's settings (used when {@code target} is null)
     * @param embeddedProcess whether the embedded server runs in this process or its own
     * @param phases the run's phases, in order, at least one
     * @param ioThreads event-loop threads driving the miners
     * @param outDir where summary.json, latency.hlog and timeseries.csv go
     * @param progressIntervalNs how often progress is shown when output is not a terminal
     * @param expectAllSubscribed whether the run got going only if every miner subscribed at the peak
     * @param transport the miners' Netty transport
     * @param sharding which shard this is, or {@code null}
     * @param startAt when the phases begin, or {@code null}
     * @param resourceIntervalNs how often the embedded server's resources are read
     */
    public LoadConfig(String name, FleetSettings fleet, InetSocketAddress target, ServerConfig embeddedServer,
            EmbeddedProcess embeddedProcess, List<Phase> phases, int ioThreads, Path outDir,
            long progressIntervalNs, boolean expectAllSubscribed, String transport, Sharding sharding,
            Instant startAt, long resourceIntervalNs) {
        this(name, fleet, target, embeddedServer, embeddedProcess, phases, ioThreads, outDir,
                progressIntervalNs,
                expectAllSubscribed, transport, sharding, startAt, resourceIntervalNs, null);
    }

    /**
     * A run that is not sharded and begins as soon as it is ready.
     *
     * @param name the name recorded as {@code scenario} in summary.json
     * @param fleet how the miners behave; its miner count is the most any phase uses
     * @param target the endpoint, or {@code null} to start the embedded server
     * @param embeddedServer the embedded server's settings (used when {@code target} is null)
     * @param embeddedProcess whether the embedded server runs in this process or its own
     * @param phases the run's phases, in order, at least one
     * @param ioThreads event-loop threads driving the miners
     * @param outDir where summary.json, latency.hlog and timeseries.csv go
     * @param progressIntervalNs how often progress is shown when output is not a terminal
     * @param expectAllSubscribed whether the run got going only if every miner subscribed at the peak
     * @param transport the miners' Netty transport: {@code auto} or a name in {@link NettyTransport#CHOICES}
     */
    public LoadConfig(String name, FleetSettings fleet, InetSocketAddress target, ServerConfig embeddedServer,
            EmbeddedProcess embeddedProcess, List<Phase> phases, int ioThreads, Path outDir,
            long progressIntervalNs, boolean expectAllSubscribed, String transport) {
        this(name, fleet, target, embeddedServer, embeddedProcess, phases, ioThreads, outDir,
                progressIntervalNs,
                expectAllSubscribed, transport, null, null, ServerResourceSampler.DEFAULT_INTERVAL_NS);
    }

    /**
     * What makes a run one shard of a sharded run, besides its share of the miners and rates.
     *
     * @param shard which shard
     * @param scenarioSeed the scenario's seed (the fleet's is the shard's, {@link Shard#seed})
     * @param scenarioDigest the scenario's digest, the same in every shard of one run
     */
    public record Sharding(Shard shard, long scenarioSeed, String scenarioDigest) {
        /**
         * @param seed the shard's seed
         * @param startAt when the phases began in every shard, or null
         * @return what the shard's summary.json records
         */
        public Summary.Shard record(long seed, Instant startAt) {
            return new Summary.Shard(shard.index(), shard.count(), scenarioSeed, seed, scenarioDigest,
                    startAt == null ? null : startAt.toString());
        }
    }

    /**
     * A run of one phase with the fleet's own settings ({@code stratumlab loadgen}) that expects every miner to
     * subscribe.
     *
     * @param name the name recorded as {@code scenario}
     * @param fleet how the miners behave
     * @param target the endpoint, or {@code null} for the embedded server
     * @param embeddedServer the embedded server's settings
     * @param durationNs how long miners submit
     * @param ioThreads event-loop threads driving the miners
     * @param outDir where the outputs go
     * @param progressIntervalNs how often progress is shown when output is not a terminal
     */
    public LoadConfig(String name, FleetSettings fleet, InetSocketAddress target, ServerConfig embeddedServer,
            long durationNs, int ioThreads, Path outDir, long progressIntervalNs) {
        this(name, fleet, target, embeddedServer, EmbeddedProcess.AUTO,
                List.of(singlePhase(fleet, durationNs)),
                ioThreads, outDir,
                progressIntervalNs, true, NettyTransport.AUTO);
    }

    /**
     * @param fleet the fleet, whose rates, shares and churn the phase takes
     * @param durationNs how long it lasts
     * @return the one phase of a plain load run
     */
    public static Phase singlePhase(FleetSettings fleet, long durationNs) {
        return singlePhase(fleet, durationNs, "main");
    }

    /**
     * @param fleet the fleet, whose rates, shares and churn the phase takes
     * @param durationNs how long it lasts
     * @param name the phase's name
     * @return a phase of the fleet's own settings ({@code loadgen --attack} runs two: a baseline, then the attack)
     */
    public static Phase singlePhase(FleetSettings fleet, long durationNs, String name) {
        if (durationNs <= 0) {
            throw new IllegalArgumentException("duration must be positive");
        }
        return new Phase(name, durationNs, fleet.miners(), fleet.connectRatePerSecond(),
                fleet.solveRatePerSecond(),
                fleet.hashrate(), fleet.hashrates(), fleet.badShares(), fleet.sessionLifetimeNs(),
                Phase.ServerAction.NONE);
    }

    /** Checks what the fleet settings and the phases cannot check alone. */
    public LoadConfig {
        require(fleet.miners() >= 1, "miners must be at least 1, was " + fleet.miners());
        require(fleet.connectRatePerSecond() > 0, "connect rate must be positive");
        require(fleet.solveRatePerSecond() >= 0 && fleet.hashrate() >= 0,
                "solve rate and hashrate must not be negative");
        require(!(fleet.solveRatePerSecond() > 0 && fleet.hashrate() > 0),
                "give a solve rate or a hashrate, not both");
        require(ioThreads >= 1 && ioThreads <= NettyTransport.MAX_THREADS,
                "io threads must be in 1.." + NettyTransport.MAX_THREADS + ", was " + ioThreads);
        require(transport != null, "transport must be set");
        transport = NettyTransport.requireChoice(transport);
        require(fleet.submitTimeoutNs() > 0, "submit timeout must be positive");
        require(fleet.subscribeTimeoutNs() > 0, "subscribe timeout must be positive");
        require(target != null || embeddedServer != null, "a target or an embedded server is needed");
        require(phases != null && !phases.isEmpty(), "a run needs at least one phase");
        require(resourceIntervalNs >= 0, "resource interval must not be negative");
        phases = List.copyOf(phases);
        require(attack == null || attack.attackersByPhase().size() == phases.size(),
                "an attack needs one attacker count per phase");
        for (Phase phase : phases) {
            require(phase.miners() <= fleet.miners(), "phase '" + phase.name() + "' has more miners ("
                    + phase.miners() + ") than the fleet (" + fleet.miners() + ")");
            require(target == null || phase.server().isNone(), "phase '" + phase.name()
                    + "' acts on the server, which only works with the embedded server");
        }
    }

    /**
     * The run one shard makes of this whole one ({@link Shard} says how): its miners among the fleet's and each
     * phase's, its share of every connect rate, its own seed; the same phases and durations.
     *
     * @param shard which shard
     * @param scenarioDigest the scenario's digest, recorded in the shard's summary
     * @return the shard's run
     * @throws IllegalArgumentException when the target is embedded (each shard would have a server of its own), or
     *         the shard would have no miners
     */
    public LoadConfig forShard(Shard shard, String scenarioDigest) {
        if (attack != null) {
            throw new IllegalArgumentException("a sharded run cannot attack: run the attackers unsharded");
        }
        if (target == null) {
            throw new IllegalArgumentException("a sharded run needs target.external, one endpoint for every "
                    + "shard; an embedded target would give each shard a server of its own");
        }
        FleetSettings f = fleet;
        int miners = shard.minersOf(f.miners());
        if (miners == 0) {
            throw new IllegalArgumentException("shard " + shard.index() + " of " + shard.count()
                    + " would have no miners: the scenario has " + f.miners() + ", fewer than the shards");
        }
        FleetSettings share = new FleetSettings(miners, shard.rateOf(f.connectRatePerSecond(), f.miners()),
                f.solveRatePerSecond(), f.hashrate(), f.hashrates(), f.badShares(), f.hostile(),
                f.workerPrefix(), f.password(), shard.seed(f.seed()), f.subscribeTimeoutNs(),
                f.submitTimeoutNs(), f.sessionLifetimeNs(), f.reconnectBaseNs(), f.reconnectMaxNs(),
                f.sourceAddresses(), f.maxGrindAttempts(), f.pow(), f.grindThreads(), shard, f.miners());
        List<Phase> shares = new ArrayList<>();
        for (Phase p : phases) {
            shares.add(new Phase(p.name(), p.durationNs(), shard.minersOf(p.miners()),
                    shard.rateOf(p.connectRatePerSecond(), p.miners()), p.solveRatePerSecond(), p.hashrate(),
                    p.hashrates(), p.badShares(), p.hostileRate(), p.sessionLifetimeNs(), p.server(),
                    p.solveRateEndPerSecond()));
        }
        return new LoadConfig(name, share, target, embeddedServer, embeddedProcess, shares, ioThreads, outDir,
                progressIntervalNs, expectAllSubscribed, transport,
                new Sharding(shard, f.seed(), scenarioDigest), startAt, resourceIntervalNs);
    }

    /**
     * @param instant when the phases are to begin, or null for as soon as the run is ready
     * @return the same run, beginning then
     */
    public LoadConfig startingAt(Instant instant) {
        return new LoadConfig(name, fleet, target, embeddedServer, embeddedProcess, phases, ioThreads, outDir,
                progressIntervalNs, expectAllSubscribed, transport, sharding, instant, resourceIntervalNs,
                attack);
    }

    /**
     * @param intervalNs how often to read the embedded server's resources while the phases play; 0 for only at
     *        the start and the end
     * @return the same run, sampling so
     */
    public LoadConfig withResourceIntervalNs(long intervalNs) {
        return new LoadConfig(name, fleet, target, embeddedServer, embeddedProcess, phases, ioThreads, outDir,
                progressIntervalNs, expectAllSubscribed, transport, sharding, startAt, intervalNs, attack);
    }

    /**
     * @param plan the attackers beside the honest miners, or null for none
     * @return the same run, with them
     */
    public LoadConfig withAttack(AttackPlan plan) {
        return new LoadConfig(name, fleet, target, embeddedServer, embeddedProcess, phases, ioThreads, outDir,
                progressIntervalNs, expectAllSubscribed, transport, sharding, startAt, resourceIntervalNs,
                plan);
    }

    /** @return the planned duration: the phases' durations added up */
    public long durationNs() {
        return phases.stream().mapToLong(Phase::durationNs).sum();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

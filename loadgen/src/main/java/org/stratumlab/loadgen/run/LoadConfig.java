package org.stratumlab.loadgen.run;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.protocol.transport.NettyTransport;
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
 */
public record LoadConfig(String name, FleetSettings fleet, InetSocketAddress target,
        ServerConfig embeddedServer,
        EmbeddedProcess embeddedProcess, List<Phase> phases, int ioThreads, Path outDir,
        long progressIntervalNs, boolean expectAllSubscribed, String transport) {

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
        if (durationNs <= 0) {
            throw new IllegalArgumentException("duration must be positive");
        }
        return new Phase("main", durationNs, fleet.miners(), fleet.connectRatePerSecond(),
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
        phases = List.copyOf(phases);
        for (Phase phase : phases) {
            require(phase.miners() <= fleet.miners(), "phase '" + phase.name() + "' has more miners ("
                    + phase.miners() + ") than the fleet (" + fleet.miners() + ")");
            require(target == null || phase.server().isNone(), "phase '" + phase.name()
                    + "' acts on the server, which only works with the embedded server");
        }
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

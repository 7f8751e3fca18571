package org.stratumlab.loadgen.run;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.server.ServerConfig;

/**
 * One load run: the miners, the target, how long, and where the results go.
 *
 * @param name the name recorded as {@code scenario} in summary.json
 * @param fleet how the miners behave
 * @param target the endpoint, or {@code null} to start the embedded server
 * @param embeddedServer the embedded server's settings (used when {@code target} is null)
 * @param durationNs how long miners submit
 * @param ioThreads event-loop threads driving the miners
 * @param outDir where summary.json, latency.hlog and timeseries.csv go
 * @param progressIntervalNs how often progress is shown when output is not a terminal
 */
public record LoadConfig(String name, FleetSettings fleet, InetSocketAddress target,
        ServerConfig embeddedServer,
        long durationNs, int ioThreads, Path outDir, long progressIntervalNs) {

    /** Checks what the fleet settings cannot check alone. */
    public LoadConfig {
        require(fleet.miners() >= 1, "miners must be at least 1, was " + fleet.miners());
        require(fleet.connectRatePerSecond() > 0, "connect rate must be positive");
        require(fleet.solveRatePerSecond() >= 0 && fleet.hashrate() >= 0,
                "solve rate and hashrate must not be negative");
        require(!(fleet.solveRatePerSecond() > 0 && fleet.hashrate() > 0),
                "give a solve rate or a hashrate, not both");
        require(durationNs > 0, "duration must be positive");
        require(ioThreads >= 1, "io threads must be at least 1, was " + ioThreads);
        require(fleet.submitTimeoutNs() > 0, "submit timeout must be positive");
        require(fleet.subscribeTimeoutNs() > 0, "subscribe timeout must be positive");
        require(target != null || embeddedServer != null, "a target or an embedded server is needed");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

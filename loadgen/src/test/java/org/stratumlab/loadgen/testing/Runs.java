package org.stratumlab.loadgen.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.loadgen.run.EmbeddedProcess;
import org.stratumlab.loadgen.run.LoadConfig;
import org.stratumlab.loadgen.run.LoadRun;
import org.stratumlab.loadgen.run.Phase;
import org.stratumlab.server.ServerConfig;

/** Runs a load test the way the CLI does, quietly, on one event loop. */
public final class Runs {
    private Runs() {
    }

    /** @return an embedded server that neither times blocks nor moves on after a solution, at difficulty 1 */
    public static ServerConfig.Builder steadyServer() {
        return ServerConfig.builder().port(0).difficulty(java.math.BigInteger.ONE).blockIntervalNs(0)
                .newJobOnSolution(false).notifyOnSubscribe(true).ioThreads(1);
    }

    /**
     * @param fleet the miners
     * @param target the endpoint, or {@code null} for the embedded server
     * @param server the embedded server (ignored with a target)
     * @param durationMs how long miners submit
     * @param outDir where the files go
     * @return the configuration
     */
    public static LoadConfig config(FleetSettings fleet, InetSocketAddress target, ServerConfig server,
            long durationMs, Path outDir) {
        return new LoadConfig("test", fleet, target, server, TimeUnit.MILLISECONDS.toNanos(durationMs), 1,
                outDir, TimeUnit.SECONDS.toNanos(5));
    }

    /**
     * A run of several phases, with the embedded server (if any) in this process.
     *
     * @param fleet the miners
     * @param target the endpoint, or {@code null} for the embedded server
     * @param server the embedded server, or {@code null} with a target
     * @param phases the phases
     * @param outDir where the files go
     * @return the configuration
     */
    public static LoadConfig phased(FleetSettings fleet, InetSocketAddress target, ServerConfig server,
            java.util.List<Phase> phases, Path outDir) {
        return phased(fleet, target, server, EmbeddedProcess.SAME, phases, outDir);
    }

    /**
     * A run of several phases.
     *
     * @param fleet the miners
     * @param target the endpoint, or {@code null} for the embedded server
     * @param server the embedded server, or {@code null} with a target
     * @param process where the embedded server runs
     * @param phases the phases
     * @param outDir where the files go
     * @return the configuration
     */
    public static LoadConfig phased(FleetSettings fleet, InetSocketAddress target, ServerConfig server,
            EmbeddedProcess process, java.util.List<Phase> phases, Path outDir) {
        return new LoadConfig("test", fleet, target, server, process, phases, 1, outDir,
                TimeUnit.SECONDS.toNanos(5), true, "auto");
    }

    /** @return a phase's action that restarts the embedded server on the same port */
    public static Phase.ServerAction restart() {
        return new Phase.ServerAction(true, null, null, null);
    }

    /**
     * @param config the run
     * @return its result
     * @throws IOException if a file cannot be written
     * @throws InterruptedException if interrupted
     */
    public static LoadRun.Result run(LoadConfig config) throws IOException, InterruptedException {
        return new LoadRun(config, new PrintWriter(java.io.Writer.nullWriter()), false).run();
    }
}

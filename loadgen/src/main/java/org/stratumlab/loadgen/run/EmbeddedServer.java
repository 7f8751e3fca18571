package org.stratumlab.loadgen.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.stratumlab.loadgen.resources.ResourceSource;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.resources.ResourceReading;

/**
 * The simulator a load run starts for itself when it has no target, and what a phase may do to it: restart it
 * on the same port (every miner is cut off and reconnects), retarget it, change its block interval. Its counters
 * include every instance it restarted.
 *
 * <p>It runs in the run's process, or in a child JVM of its own ({@link EmbeddedProcess}).
 *
 * <p>Used from the run's thread only.
 */
interface EmbeddedServer extends AutoCloseable, ResourceSource {
    static EmbeddedServer start(ServerConfig config, EmbeddedProcess mode, int miners) throws IOException {
        return mode.separate(miners) ? ForkedServer.start(config) : InProcessServer.start(config);
    }

    /**
     * The settings a phase's action leaves the simulator with, so that a later restart keeps them.
     *
     * @param current the settings before the action
     * @param action the action
     * @return the settings after it
     */
    static ServerConfig afterChanges(ServerConfig current, Phase.ServerAction action) {
        return current.withChain(action.difficulty() != null ? action.difficulty() : current.difficulty(),
                action.window() != null ? action.window() : current.window(),
                action.blockIntervalNs() != null ? action.blockIntervalNs() : current.blockIntervalNs(),
                current.seed());
    }

    /**
     * What a restarted simulator comes back as: the same port and settings, on a chain that moved on while it
     * was down (another seed: new pow hashes, as a restarted node's would be; heights start again from the
     * configured height). The same jobs again would read, at the miners, as jobs they saw before the restart,
     * and make the notify skew of every later job the restart's length.
     *
     * @param current the settings of the instance that stopped
     * @param port the port its miners know
     * @return the next instance's settings
     */
    static ServerConfig afterRestart(ServerConfig current, int port) {
        return current.withPort(port).withChain(current.difficulty(), current.window(),
                current.blockIntervalNs(), current.seed() + 1);
    }

    InetSocketAddress address();

    String describe();

    /** @return whether it runs in this process, so that the process's CPU time includes its own */
    boolean sharesThisProcess();

    void apply(Phase.ServerAction action) throws IOException;

    ServerMetrics.Snapshot counters() throws IOException;

    /**
     * @return how many instances a phase's kill ended: their counts in {@link #counters} are those of a poll just
     *         before each kill, and what they answered after it is unknown
     */
    default int killedInstances() {
        return 0;
    }

    /**
     * @return the running instance's heap after a full collection, descriptors and per-connection state (its
     *         process's: the run's own when {@link #sharesThisProcess})
     * @throws IOException if a child JVM does not answer
     */
    @Override
    ResourceReading resources() throws IOException;

    @Override
    default long openConnections() throws IOException {
        return counters().connections();
    }

    @Override
    void close();
}

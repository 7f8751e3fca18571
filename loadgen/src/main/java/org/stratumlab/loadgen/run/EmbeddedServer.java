package org.stratumlab.loadgen.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.StratumServer;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * The simulator running inside a load run, and what a phase may do to it: restart it on the same port (every
 * miner is cut off and reconnects), retarget it, change its block interval. Keeps the counters of instances it
 * restarted, so the run's totals include them.
 *
 * <p>Used from the run's thread only.
 */
final class EmbeddedServer implements AutoCloseable {
    private final ServerConfig config;
    private StratumServer server;
    private ServerMetrics.Snapshot earlierInstances;

    private EmbeddedServer(ServerConfig config, StratumServer server) {
        this.config = config;
        this.server = server;
    }

    static EmbeddedServer start(ServerConfig config) throws IOException {
        return new EmbeddedServer(config, StratumServer.start(config));
    }

    InetSocketAddress address() {
        return server.localAddress();
    }

    String describe() {
        return server.describe().replace("stratumlab server", "embedded server");
    }

    void apply(Phase.ServerAction action) throws IOException {
        if (action.restart()) {
            restart();
        }
        if (action.difficulty() != null) {
            server.blocks().setDifficulty(action.difficulty());
        }
        if (action.blockIntervalNs() != null) {
            server.blocks().setBlockIntervalNs(action.blockIntervalNs());
        }
    }

    private void restart() throws IOException {
        int port = server.localAddress().getPort();
        ServerMetrics.Snapshot before = server.metrics().snapshot();
        server.close();
        earlierInstances = earlierInstances == null ? before : earlierInstances.plus(before);
        server = StratumServer.start(rebuildOnPort(port));
    }

    private ServerConfig rebuildOnPort(int port) {
        ServerConfig c = config;
        return new ServerConfig(c.host(), port, c.secret(), c.difficulty(), c.window(), c.dialect(),
                c.blockIntervalNs(), c.newJobOnSolution(), c.notifyOnSubscribe(), c.startHeight(), c.seed(),
                c.maxLineBytes(), c.idleTimeoutNs(), c.maxConnections(), c.metricsPort(), c.heartbeatNs(),
                c.ioThreads());
    }

    /** @return the counters of every instance this run started */
    ServerMetrics.Snapshot counters() {
        ServerMetrics.Snapshot now = server.metrics().snapshot();
        return earlierInstances == null ? now : earlierInstances.plus(now);
    }

    @Override
    public void close() {
        server.close();
    }
}

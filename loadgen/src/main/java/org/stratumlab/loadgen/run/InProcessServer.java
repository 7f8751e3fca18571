package org.stratumlab.loadgen.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.StratumServer;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.resources.ResourceReading;

/** The embedded simulator in the run's own process. Used from the run's thread only. */
final class InProcessServer implements EmbeddedServer {
    /** The settings now: the start's, with every change phases made since (a restart keeps them). */
    private ServerConfig config;
    private StratumServer server;
    private ServerMetrics.Snapshot earlierInstances;

    private InProcessServer(ServerConfig config, StratumServer server) {
        this.config = config;
        this.server = server;
    }

    static InProcessServer start(ServerConfig config) throws IOException {
        return new InProcessServer(config, StratumServer.start(config));
    }

    @Override
    public InetSocketAddress address() {
        return server.localAddress();
    }

    @Override
    public boolean sharesThisProcess() {
        return true;
    }

    @Override
    public String describe() {
        return server.describe().replace("stratumlab server", "embedded server");
    }

    @Override
    public void apply(Phase.ServerAction action) throws IOException {
        if (action.kills()) {
            // A scenario refuses it before the run; a LoadConfig made in code meets it here.
            throw new IllegalArgumentException("server.kill: needs the embedded server in its own JVM "
                    + "(target.embedded.process: separate)");
        }
        if (action.restart()) {
            restart();
        }
        config = EmbeddedServer.afterChanges(config, action);
        if (action.difficulty() != null) {
            server.blocks().setDifficulty(action.difficulty());
        }
        if (action.window() != null) {
            server.blocks().setWindow(action.window());
        }
        if (action.blockIntervalNs() != null) {
            server.blocks().setBlockIntervalNs(action.blockIntervalNs());
        }
    }

    private void restart() throws IOException {
        int port = server.localAddress().getPort();
        server.close();
        // Counted after the close: submits in flight until then still reached this instance (no loss, no race).
        ServerMetrics.Snapshot before = server.metrics().snapshot();
        earlierInstances = earlierInstances == null ? before : earlierInstances.plus(before);
        config = EmbeddedServer.afterRestart(config, port);
        server = StratumServer.start(config);
    }

    @Override
    public ServerMetrics.Snapshot counters() {
        ServerMetrics.Snapshot now = server.metrics().snapshot();
        return earlierInstances == null ? now : earlierInstances.plus(now);
    }

    @Override
    public ResourceReading resources() {
        return server.readResources();
    }

    @Override
    public void close() {
        server.close();
    }
}

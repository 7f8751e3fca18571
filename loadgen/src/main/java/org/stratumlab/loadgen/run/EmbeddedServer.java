package org.stratumlab.loadgen.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * The simulator a load run starts for itself when it has no target, and what a phase may do to it: restart it
 * on the same port (every miner is cut off and reconnects), retarget it, change its block interval. Its counters
 * include every instance it restarted.
 *
 * <p>It runs in the run's process, or in a child JVM of its own ({@link EmbeddedProcess}).
 *
 * <p>Used from the run's thread only.
 */
interface EmbeddedServer extends AutoCloseable {
    static EmbeddedServer start(ServerConfig config, EmbeddedProcess mode, int miners) throws IOException {
        return mode.separate(miners) ? ForkedServer.start(config) : InProcessServer.start(config);
    }

    InetSocketAddress address();

    String describe();

    void apply(Phase.ServerAction action) throws IOException;

    ServerMetrics.Snapshot counters() throws IOException;

    @Override
    void close();
}

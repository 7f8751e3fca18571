package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.RunFiles;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.session.StratumChannelInitializer;

/**
 * A fleet larger than the node serves, against the embedded simulator with {@code node-limits}: the miners beyond
 * the node's 1024 places connect, are never read, and the generator counts them as never answered after its
 * subscribe timeout and reports them in the summary (docs/protocol.md §1). The run is long beside the timeout
 * so that, even on a loaded machine, every miner has connected a timeout before its end (one that connected
 * later would not be counted yet); the places freed when the fleet closes do not take the count back.
 */
@Timeout(60)
class NodeLimitsRunTest {
    private static final int MINERS = 1_100;
    private static final int PLACES = StratumChannelInitializer.CONFLUX_NODE_MAX_SERVED_CONNECTIONS;

    @TempDir
    Path out;

    @Test
    void minersBeyondTheNodesPlacesAreCountedAsNeverAnswered() throws Exception {
        ServerConfig server = Runs.steadyServer().notifyOnSubscribe(false).nodeLimits(true).build();
        LoadRun.Result result = Runs.run(Runs.config(Fleets.of(MINERS, 0.1)
                .subscribeTimeoutNs(TimeUnit.MILLISECONDS.toNanos(3000)).build(), null, server, 10_000, out));

        LoadMetrics.Counts c = result.counts();
        String state = "connectedMax=" + c.connectedMax() + " subscribedMax=" + c.subscribedMax()
                + " neverAnswered=" + c.neverAnswered() + " " + RunFiles.tree(result.summary()) + " "
                + result.serverCounters();
        assertEquals(MINERS, c.connectedMax(), state);
        assertEquals(PLACES, c.subscribedMax(), state);
        assertEquals(MINERS - PLACES, c.neverAnswered(), state);
        assertEquals(MINERS - PLACES,
                RunFiles.tree(result.summary()).get("miners").get("neverAnswered").asInt());
        // A run that expected every miner to subscribe did not get going; a scenario such as node-limits.yaml
        // says it expects fewer (expect: {all-subscribed: false}).
        assertEquals("only 1,024 of 1,100 miners subscribed at the peak (1,100 connected): never answered 76",
                result.summary().startFailure());
    }
}

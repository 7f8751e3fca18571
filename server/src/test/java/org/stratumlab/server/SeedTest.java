package org.stratumlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.testing.LineClient;
import org.stratumlab.testing.Prometheus;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Wire;

/**
 * A server started without a seed draws a fresh one, so that a restarted standalone server mines new problems
 * as a restarted node does; the seed it drew is on the start line and in the metrics, and giving it back
 * reproduces the jobs (docs/protocol.md §7).
 */
@Timeout(20)
class SeedTest {
    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    @Test
    void twoStartsWithoutASeedPushDifferentProblems() throws Exception {
        String first = firstNotify(UnaryOperator.identity());
        String second = firstNotify(UnaryOperator.identity());

        assertNotEquals(first, second);
    }

    @Test
    void twoStartsWithTheSameSeedPushTheSameProblems() throws Exception {
        assertEquals(firstNotify(b -> b.seed(42)), firstNotify(b -> b.seed(42)));
    }

    @Test
    void theDrawnSeedIsOnTheStartLineAndInTheMetrics() throws Exception {
        StratumServer server = fixture.start(b -> b.metricsPort(0));
        long seed = server.config().seed();

        assertTrue(server.describe().contains(" seed=" + seed), server.describe());
        String body = Prometheus.scrape(server.metricsPort());
        assertEquals(1.0, Prometheus.value(body,
                "stratum_server_info{node_limits=\"false\",seed=\"" + seed + "\"}"));
    }

    /** Starts a server, reads its first notify and stops it. */
    private String firstNotify(UnaryOperator<ServerConfig.Builder> settings) throws IOException {
        StratumServer server = fixture.start(settings);
        LineClient client = fixture.subscribed("w");
        server.blocks().newJobNow();
        String line = client.readLine(WAIT);
        assertEquals(Wire.notify(Dialect.conflux(), 17, server.chain().current()), line);
        client.close();
        fixture.stopServer();
        return line;
    }
}

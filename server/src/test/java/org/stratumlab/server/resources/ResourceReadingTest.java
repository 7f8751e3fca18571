package org.stratumlab.server.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stratumlab.server.StratumServer;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Wire;
import org.stratumlab.testing.Await;
import org.stratumlab.testing.LineClient;
import org.stratumlab.testing.Prometheus;

/**
 * A resource reading over real TCP: it counts what the server keeps for each connection while miners are there,
 * and nothing once they have gone; and the scrape's gauges are there without a reading.
 */
@Timeout(60)
class ResourceReadingTest {
    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    @Test
    void aReadingCountsEachConnectionsStateAndNoneAfterTheyClose() throws IOException {
        StratumServer server = fixture.start(b -> b.ioThreads(2));
        ResourceReading before = server.readResources();
        List<LineClient> miners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LineClient client = fixture.connect();
            client.send(Wire.subscribe(Integer.toString(i), "w" + i, ""));
            assertEquals(Wire.result("true", Integer.toString(i)), client.readLine(WAIT));
            miners.add(client);
        }
        LineClient unsubscribed = fixture.connect();
        fixture.awaitMetrics("four connections, three subscribed",
                m -> m.connections() == 4 && m.subscribed() == 3);

        ResourceReading during = server.readResources();
        assertEquals(3, during.subscribers(), during.toString());
        assertEquals(4, during.openChannels(), during.toString());
        assertEquals(4, during.connections(), during.toString());
        assertEquals(0, during.heldConnections(), during.toString());
        assertTrue(during.openFds() >= before.openFds() + 4, before + " -> " + during);
        assertTrue(during.heapAfterGcBytes() > 0 && during.heapAfterGcBytes() <= during.heapCommittedBytes(),
                during.toString());

        for (LineClient miner : miners) {
            miner.close();
        }
        unsubscribed.close();
        fixture.awaitMetrics("every connection closed", m -> m.connections() == 0);
        Await.until("the channel group forgot them", () -> server.readResources().perConnectionState() == 0,
                server::readResources, WAIT);
        assertEquals(before.perConnectionState(), server.readResources().perConnectionState());
    }

    @Test
    void theMetricsEndpointServesDescriptorsAndHeapWithoutAReading() throws Exception {
        StratumServer server = fixture.start(b -> b.metricsPort(0));
        String body = Prometheus.scrape(server.metricsPort());
        for (String family : List.of("stratum_process_open_fds ", "stratum_heap_committed_bytes ",
                "stratum_heap_after_last_gc_bytes ")) {
            assertTrue(body.contains(family), family + " in " + body);
        }
    }
}

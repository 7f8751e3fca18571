package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.server.resources.ResourceReading;

/**
 * The embedded server in a child JVM gets every setting, the metrics port among them (it once got lost), and
 * answers a resource reading of its own process.
 */
@Timeout(60)
class ForkedServerTest {
    @Test
    void aChildJvmServerServesMetricsOnThePortItReportsBack() throws Exception {
        try (ForkedServer server = ForkedServer.start(Runs.steadyServer().metricsPort(0).build())) {
            int port = server.metricsPort();
            assertTrue(port > 0, "the child reports the port it bound: " + server.describe());
            assertTrue(server.describe().contains("metrics=http://127.0.0.1:" + port + "/metrics"),
                    server.describe());
            HttpResponse<String> metrics = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode(), metrics.body());
            assertTrue(metrics.body().contains("stratum_connections "), metrics.body());
            assertTrue(metrics.body().contains("stratum_process_open_fds "), metrics.body());
            assertTrue(metrics.body().contains("stratum_heap_after_last_gc_bytes "), metrics.body());
        }
    }

    @Test
    void aChildJvmServerAnswersAResourceReadingOfItsOwnProcess() throws Exception {
        try (ForkedServer server = ForkedServer.start(Runs.steadyServer().build())) {
            ResourceReading reading = server.resources();
            assertTrue(reading.heapAfterGcBytes() > 0
                    && reading.heapAfterGcBytes() <= reading.heapCommittedBytes(), reading.toString());
            assertTrue(reading.openFds() > 0, "Linux counts descriptors: " + reading);
            assertEquals(0, reading.connections(), reading.toString());
            assertEquals(0, reading.perConnectionState(), reading.toString());
            assertEquals(0, server.counters().connections(), "the pipe still answers in order");
        }
    }
}

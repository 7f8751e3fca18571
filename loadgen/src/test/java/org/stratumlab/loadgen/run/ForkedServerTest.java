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

/** The embedded server in a child JVM gets every setting, the metrics port among them (it once got lost). */
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
        }
    }
}

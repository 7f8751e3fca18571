package org.stratumlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.server.chain.Job;
import org.stratumlab.testing.LineClient;
import org.stratumlab.testing.Prometheus;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Solutions;
import org.stratumlab.server.testing.Wire;

/** Metrics: the Prometheus endpoint exposes every series and counts what happened on the wire. */
@Timeout(20)
class MetricsEndpointTest {
    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"stratum_connections ", "stratum_subscribed ",
            "stratum_connections_rejected_total{reason=\"limit\"} ",
            "stratum_connections_rejected_total{reason=\"idle\"} ",
            "stratum_connections_rejected_total{reason=\"line_too_long\"} ",
            "stratum_connections_rejected_total{reason=\"invalid_utf8\"} ", "stratum_jobs_total ",
            "stratum_notifies_sent_total ", "stratum_notifies_dropped_total ",
            "stratum_requests_total{method=\"mining.subscribe\"} ",
            "stratum_requests_total{method=\"mining.submit\"} ",
            "stratum_protocol_errors_total{code=\"-32700\"} ",
            "stratum_protocol_errors_total{code=\"-32600\"} ",
            "stratum_protocol_errors_total{code=\"-32601\"} ",
            "stratum_protocol_errors_total{code=\"-32602\"} ",
            "stratum_submits_total{result=\"accepted\"} ", "stratum_submits_total{result=\"stale\"} ",
            "stratum_submits_total{result=\"incorrect\"} ", "stratum_submits_total{result=\"duplicate\"} ",
            "stratum_submits_total{result=\"malformed\"} ",
            "stratum_share_validation_seconds_count{pow=\"keccak\"} ",
            "stratum_share_validation_seconds_sum{pow=\"keccak\"} ", "stratum_bytes_received_total ",
            "stratum_bytes_sent_total "})
    void everySeriesIsExposedFromTheStart(String series) throws Exception {
        fixture.start(b -> b.metricsPort(0));

        String body = scrape();

        assertTrue(body.lines().anyMatch(line -> line.startsWith(series)),
                series + " missing from:\n" + body);
    }

    @Test
    void wireEventsAreCounted() throws Exception {
        StratumServer server = fixture.start(b -> b.metricsPort(0).newJobOnSolution(false));
        LineClient client = fixture.subscribed("w");
        Job job = server.chain().current();

        client.send(Wire.submit("2", "w", job, Solutions.validNonce(job).toMinimalHex()));
        client.send(Wire.submit("3", "w", job, Solutions.validNonce(job).toMinimalHex()));
        client.send(Wire.submit("4", "w", job, Solutions.invalidNonce(job).toMinimalHex()));
        client.send("nonsense");
        client.send("{\"id\":5,\"method\":\"nope\"}");
        for (int i = 0; i < 5; i++) {
            client.readLine(WAIT);
        }
        server.blocks().newJobNow();
        client.readLine(WAIT);
        fixture.awaitMetrics("the notify is counted", m -> m.notifiesSent() == 1);

        String body = scrape();
        assertEquals(1, value(body, "stratum_submits_total{result=\"accepted\"}"), body);
        assertEquals(1, value(body, "stratum_submits_total{result=\"duplicate\"}"), body);
        assertEquals(1, value(body, "stratum_submits_total{result=\"incorrect\"}"), body);
        assertEquals(0, value(body, "stratum_submits_total{result=\"stale\"}"), body);
        assertEquals(3, value(body, "stratum_requests_total{method=\"mining.submit\"}"), body);
        assertEquals(1, value(body, "stratum_requests_total{method=\"mining.subscribe\"}"), body);
        assertEquals(1, value(body, "stratum_protocol_errors_total{code=\"-32700\"}"), body);
        assertEquals(1, value(body, "stratum_protocol_errors_total{code=\"-32601\"}"), body);
        assertEquals(3, value(body, "stratum_share_validation_seconds_count{pow=\"keccak\"}"), body);
        assertEquals(2, value(body, "stratum_jobs_total"), () -> "the first job and the pushed one: " + body);
        assertEquals(1, value(body, "stratum_notifies_sent_total"), body);
        assertEquals(1, value(body, "stratum_connections"), body);
        assertEquals(1, value(body, "stratum_subscribed"), body);
        assertTrue(value(body, "stratum_bytes_received_total") > 0, body);
        assertTrue(value(body, "stratum_bytes_sent_total") > 0, body);
    }

    @Test
    void firstJobIsCountedOnceItsNotifyHasBeenSent() throws Exception {
        fixture.start(b -> b.metricsPort(0).notifyOnSubscribe(true));
        LineClient client = fixture.connect();

        client.send(Wire.subscribe("1", "w", ""));
        assertEquals(Wire.result("true", "1"), client.readLine(WAIT));
        assertEquals(Wire.notify(Dialect.conflux(), 17, fixture.predictedJobs(1).get(0)),
                client.readLine(WAIT));

        String body = scrape();
        assertEquals(1, value(body, "stratum_jobs_total"), body);
        assertEquals(1, fixture.metrics().jobs());
        fixture.server().blocks().newJobNow();
        assertEquals(Wire.notify(Dialect.conflux(), 18, fixture.predictedJobs(2).get(1)),
                client.readLine(WAIT));
        assertEquals(2, value(scrape(), "stratum_jobs_total"));
    }

    @Test
    void metricsAreOffByDefault() throws IOException {
        StratumServer server = fixture.start();

        assertEquals(-1, server.metricsPort());
    }

    private String scrape() throws IOException, InterruptedException {
        return Prometheus.scrape(fixture.server().metricsPort());
    }

    private static double value(String body, String series) {
        return Prometheus.value(body, series);
    }
}

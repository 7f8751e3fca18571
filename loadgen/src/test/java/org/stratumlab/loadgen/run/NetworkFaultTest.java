package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.RunFiles;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.results.Outcome;
import org.stratumlab.server.StratumServer;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.testing.Await;
import org.stratumlab.testing.FaultProxy;

/**
 * Network faults between the generator and a real server, through {@link FaultProxy} (there is no netem here):
 * a one-way delay shows in submit latency and loses nothing; connections reset mid-run end their submits in
 * flight as unanswered, once each, and the miners reconnect; a stalled path times its submits out as unanswered
 * and no miner waits forever. The server accepts every share (difficulty 1, one job).
 */
@Timeout(60)
class NetworkFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path out;

    private StratumServer server;
    private FaultProxy proxy;

    @BeforeEach
    void startServerAndProxy() throws Exception {
        server = StratumServer.start(Runs.steadyServer().build());
        proxy = FaultProxy.start(server.localAddress());
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.close();
    }

    @Test
    void aOneWayDelayShowsInSubmitLatencyAndLosesNothing() throws Exception {
        long delayNs = TimeUnit.MILLISECONDS.toNanos(40);
        proxy.delay(FaultProxy.Direction.TO_UPSTREAM, delayNs);
        LoadConfig config = Runs.config(Fleets.of(5, 20).seed(21).build(), proxy.address(), null, 3000, out);
        LoadRun.Result result = Runs.run(config);
        LoadMetrics.Counts c = result.counts();
        String state = ReconciliationTest.describe(c);

        JsonNode submit = RunFiles.summary(out).get("latencyUs").get("submit");
        assertTrue(submit.get("count").asLong() > 0, submit.toString());
        assertTrue(submit.get("p50").asLong() >= TimeUnit.NANOSECONDS.toMicros(delayNs),
                "the delay is in every submit's round trip: " + submit);
        assertEquals(0, c.of(Outcome.UNANSWERED), state);
        assertEquals(c.sent(), c.of(Outcome.ACCEPTED), state);
        assertEquals(c.sent(), server.metrics().snapshot().submitsTotal(), state);
        assertEquals(0, c.reconnects(), state);
    }

    @Test
    void connectionsResetMidRunEndTheirInFlightSubmitsOnceAndTheMinersReconnect() throws Exception {
        int miners = 10;
        LoadConfig config = Runs.config(Fleets.of(miners, 100).seed(22)
                .reconnect(TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.MILLISECONDS.toNanos(400)).build(),
                proxy.address(), null, 5000, out);
        CompletableFuture<LoadRun.Result> running = CompletableFuture.supplyAsync(() -> runQuietly(config));
        Await.until("every miner is subscribed and submitting",
                () -> server.metrics().snapshot().subscribed() == miners
                        && server.metrics().snapshot().submitsTotal() >= 5L * miners,
                () -> server.metrics().snapshot(), WAIT);
        int reset = proxy.resetAll();
        Await.until("every miner reconnected through the proxy and subscribed again",
                () -> proxy.accepted() >= 2 * miners && server.metrics().snapshot().subscribed() == miners,
                () -> proxy.accepted() + " accepted; " + server.metrics().snapshot(), WAIT);

        LoadRun.Result result = running.get(30, TimeUnit.SECONDS);
        LoadMetrics.Counts c = result.counts();
        ServerMetrics.Snapshot seen = server.metrics().snapshot();
        String state = ReconciliationTest.describe(c) + " reconnects=" + c.reconnects() + " reset=" + reset
                + "; server " + seen.submitsByOutcome();

        assertEquals(miners, reset, state);
        assertEveryEndCountedOnce(c, seen.submitsTotal(), state);
        assertTrue(c.reconnects() >= miners, state);
        assertTrue(c.of(Outcome.UNANSWERED) > 0 || c.sent() == seen.submitsTotal(),
                "a submit the server never saw ended unanswered; " + state);
    }

    @Test
    void aStalledPathTimesItsSubmitsOutAsUnansweredAndNoMinerWaitsForever() throws Exception {
        int miners = 5;
        long submitTimeoutNs = TimeUnit.SECONDS.toNanos(1);
        LoadConfig config = Runs.config(
                Fleets.of(miners, 20).seed(23).submitTimeoutNs(submitTimeoutNs).build(),
                proxy.address(), null, 3000, out);
        CompletableFuture<LoadRun.Result> running = CompletableFuture.supplyAsync(() -> runQuietly(config));
        Await.until("every miner is subscribed and submitting",
                () -> server.metrics().snapshot().subscribed() == miners
                        && server.metrics().snapshot().submitsTotal() >= miners,
                () -> server.metrics().snapshot(), WAIT);
        proxy.stall(true);

        // Ends although nothing is answered any more: each submit in flight times out.
        LoadRun.Result result = running.get(30, TimeUnit.SECONDS);
        LoadMetrics.Counts c = result.counts();
        ServerMetrics.Snapshot seen = server.metrics().snapshot();
        String state = ReconciliationTest.describe(c) + "; server " + seen.submitsByOutcome();

        assertEveryEndCountedOnce(c, seen.submitsTotal(), state);
        assertTrue(c.of(Outcome.UNANSWERED) > 0, state);
        JsonNode submit = RunFiles.summary(out).get("latencyUs").get("submit");
        assertTrue(submit.get("max").asLong() < TimeUnit.NANOSECONDS.toMicros(submitTimeoutNs),
                "an answered submit came before the timeout; a timed-out one has no latency: " + submit);
    }

    /**
     * Every submit ended once; an answered one was seen by the server; one the server never saw went
     * unanswered.
     */
    private static void assertEveryEndCountedOnce(LoadMetrics.Counts c, long serverSubmits, String state) {
        long answered = c.of(Outcome.ACCEPTED) + c.rejected() + c.of(Outcome.ERROR);
        long unanswered = c.of(Outcome.UNANSWERED);
        assertEquals(c.sent(), answered + unanswered, state);
        assertEquals(c.sent(), c.ended(), state);
        assertEquals(c.of(Outcome.ACCEPTED), answered, state);
        assertTrue(answered <= serverSubmits && serverSubmits <= c.sent(), state);
        assertTrue(unanswered >= c.sent() - serverSubmits, state);
    }

    private static LoadRun.Result runQuietly(LoadConfig config) {
        try {
            return Runs.run(config);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

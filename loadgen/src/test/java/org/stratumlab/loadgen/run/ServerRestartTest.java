package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.results.Outcome;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.HashrateDistribution;
import org.stratumlab.testing.Await;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.RunFiles;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.StratumServer;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * A server restart in the middle of a run: the miners lose their connections, reconnect with backoff, subscribe
 * again and go on submitting; the submits in flight when the connections dropped end as unanswered, and every
 * submit is still accounted for exactly once. The server accepts every share (difficulty 1, one job), so every
 * answered submit is an accepted one.
 */
@Timeout(30)
class ServerRestartTest {
    private static final int MINERS = 20;
    private static final double RATE = 20;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path out;

    @Test
    void anExternalServerRestartEndsInReconnectionAndCountedUnansweredSubmits() throws Exception {
        int port = freePort();
        StratumServer first = StratumServer.start(steadyServerOn(port));
        StratumServer second = null;
        boolean firstClosed = false;
        try {
            InetSocketAddress target = first.localAddress();
            LoadConfig config = Runs.config(Fleets.of(MINERS, RATE).seed(5)
                    .reconnect(TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.MILLISECONDS.toNanos(400)).build(),
                    target, null, 3000, out);
            CompletableFuture<LoadRun.Result> running = CompletableFuture
                    .supplyAsync(() -> runQuietly(config));

            Await.until("every miner is subscribed and submitting to the first server",
                    () -> first.metrics().snapshot().subscribed() == MINERS
                            && first.metrics().snapshot().submitsTotal() >= 2 * MINERS,
                    () -> first.metrics().snapshot(), WAIT);
            first.close();
            firstClosed = true;
            second = StratumServer.start(steadyServerOn(port));
            StratumServer restarted = second;
            Await.until("every miner is subscribed again and submitting to the restarted server",
                    () -> restarted.metrics().snapshot().subscribed() == MINERS
                            && restarted.metrics().snapshot().submitsTotal() >= 2 * MINERS,
                    () -> restarted.metrics().snapshot(), WAIT);

            LoadRun.Result result = running.get(20, TimeUnit.SECONDS);
            ServerMetrics.Snapshot before = first.metrics().snapshot();
            ServerMetrics.Snapshot after = second.metrics().snapshot();
            LoadMetrics.Counts c = result.counts();
            String state = ReconciliationTest.describe(c) + " reconnects=" + c.reconnects()
                    + "; first server "
                    + before.submitsByOutcome() + ", second " + after.submitsByOutcome();

            assertTrue(c.reconnects() >= MINERS, state);
            assertEquals(MINERS, c.subscribedMax(), state);
            assertEveryDropCountedOnce(c, before.submitsTotal(), after.submitsTotal(), state);
            // Nothing was lost on the second server: the run drained before closing.
            assertTrue(c.of(Outcome.ACCEPTED) >= after.submitsByOutcome().get(SubmitOutcome.ACCEPTED), state);
            assertTrue(c.of(Outcome.ACCEPTED) <= before.submitsByOutcome().get(SubmitOutcome.ACCEPTED)
                    + after.submitsByOutcome().get(SubmitOutcome.ACCEPTED), state);
            assertUnansweredOnlyAroundOneMoment(state);
        } finally {
            if (!firstClosed) {
                first.close();
            }
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void anEmbeddedServerRestartByAPhaseEndsInReconnectionAndCountedUnansweredSubmits() throws Exception {
        Phase steady = phase("steady", Phase.ServerAction.NONE);
        Phase restarted = phase("restarted", Runs.restart());
        LoadConfig config = Runs.phased(Fleets.of(MINERS, RATE).seed(6)
                .reconnect(TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.MILLISECONDS.toNanos(400)).build(),
                null, Runs.steadyServer().build(), List.of(steady, restarted), out);
        LoadRun.Result result = Runs.run(config);
        LoadMetrics.Counts c = result.counts();
        ServerMetrics.Snapshot servers = result.serverCounters(); // both instances added up
        String state = ReconciliationTest.describe(c) + " reconnects=" + c.reconnects() + "; servers "
                + servers.submitsByOutcome();

        assertTrue(c.reconnects() >= MINERS, state);
        assertEveryDropCountedOnce(c, servers.submitsTotal(), 0, state);
        assertEquals(2, c.jobsSeen(),
                "the restarted server's chain moved on: its job is a new one; " + state);
        JsonNode phases = RunFiles.summary(out).get("phases");
        assertEquals(2, phases.size(), phases.toString());
        assertEquals(MINERS, phases.get(0).get("subscribedAtEnd").asInt(), phases.toString());
        // Every miner subscribed again after the restart (the last phase's "at end" is after the fleet closed).
        assertEquals(MINERS, phases.get(1).get("latencyUs").get("subscribe").get("count").asInt(),
                phases.toString());
        assertTrue(phases.get(1).get("submits").get("accepted").asLong() > 0, phases.toString());
        assertEquals(c.sent(), phases.get(0).get("submits").get("sent").asLong()
                + phases.get(1).get("submits").get("sent").asLong(), phases.toString());
    }

    @Test
    @Timeout(120) // three child JVM starts: each takes seconds on a busy 2-core machine
    void aSeparateProcessServerRestartedTwiceCountsEachInstanceOnce() throws Exception {
        // Each restart starts a JVM, which takes a good part of a phase on a busy machine; few miners keep it cheap.
        int miners = MINERS / 2;
        LoadConfig config = Runs.phased(Fleets.of(miners, RATE).seed(7)
                .reconnect(TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.MILLISECONDS.toNanos(400)).build(),
                null, Runs.steadyServer().build(), EmbeddedProcess.SEPARATE,
                List.of(phase("steady", 2000, miners, Phase.ServerAction.NONE),
                        phase("again", 2000, miners, Runs.restart()),
                        phase("and again", 2000, miners, Runs.restart())),
                out);
        LoadRun.Result result = Runs.run(config);
        LoadMetrics.Counts c = result.counts();
        ServerMetrics.Snapshot servers = result.serverCounters(); // three instances added up
        String state = ReconciliationTest.describe(c) + " reconnects=" + c.reconnects() + "; servers "
                + servers.submitsByOutcome();
        // A child JVM may take most of a phase to start on a busy machine, so what the miners reached is asserted,
        // not that they reached every instance: each instance's job is a new one, and each one after the first
        // was reached through a reconnect.
        assertTrue(c.jobsSeen() >= 1 && c.jobsSeen() <= 3, "at most one job per instance; " + state);
        assertTrue(c.reconnects() >= c.jobsSeen() - 1, state);
        assertTrue(c.sent() > 0, state);
        assertEquals(c.sent(), c.ended(), state);
        // Each instance's counts are added once: twice would add all its submits again, and none would lose them.
        // (Each instance is counted just before it stops, so a submit or two per miner may reach it after that and
        // be missing here.)
        long answered = c.sent() - c.of(Outcome.UNANSWERED);
        assertTrue(servers.submitsTotal() <= c.sent(), state);
        assertTrue(servers.submitsTotal() + 2L * miners >= answered, state);
        assertTrue(c.of(Outcome.UNANSWERED) < 2 * miners * RATE, state);
    }

    /**
     * Every submit ended once; every answered one was seen by a server; every one a server never saw went
     * unanswered; and the unanswered ones are no more than the submits that can be in flight at one moment.
     */
    private static void assertEveryDropCountedOnce(LoadMetrics.Counts c, long firstServerSubmits,
            long secondServerSubmits, String state) {
        long answered = c.of(Outcome.ACCEPTED) + c.rejected() + c.of(Outcome.ERROR);
        long unanswered = c.of(Outcome.UNANSWERED);
        long seenByServers = firstServerSubmits + secondServerSubmits;
        assertEquals(c.sent(), answered + unanswered, state);
        assertEquals(c.sent(), c.ended(), state);
        assertEquals(c.of(Outcome.ACCEPTED), answered, state); // difficulty 1, one job: nothing is rejected
        assertTrue(answered <= seenByServers && seenByServers <= c.sent(), state);
        // The submit timeout (10 s) is longer than the run, so only the lost connections made submits unanswered:
        // at most what was in flight when they dropped, far less than a second's worth of submits.
        assertTrue(unanswered >= c.sent() - seenByServers, state);
        assertTrue(unanswered < MINERS * RATE, state);
    }

    private void assertUnansweredOnlyAroundOneMoment(String state) throws Exception {
        List<Double> unanswered = RunFiles.column(out, "unanswered");
        List<Integer> rows = new java.util.ArrayList<>();
        for (int i = 0; i < unanswered.size(); i++) {
            if (unanswered.get(i) > 0) {
                rows.add(i);
            }
        }
        assertTrue(rows.isEmpty() || rows.get(rows.size() - 1) - rows.get(0) <= 1,
                "unanswered by second " + unanswered + "; " + state);
    }

    private static Phase phase(String name, Phase.ServerAction action) {
        return phase(name, 1500, MINERS, action);
    }

    private static Phase phase(String name, long durationMs, int miners, Phase.ServerAction action) {
        return new Phase(name, TimeUnit.MILLISECONDS.toNanos(durationMs), miners, 10_000, RATE, 0,
                HashrateDistribution.parse("fixed"), BadShareMix.NONE, 0, action);
    }

    private static ServerConfig steadyServerOn(int port) {
        return Runs.steadyServer().port(port).build();
    }

    /** A port that was free a moment ago; the server sets SO_REUSEADDR, so it can bind it again at once. */
    private static int freePort() throws Exception {
        try (StratumServer probe = StratumServer.start(Runs.steadyServer().build())) {
            return probe.localAddress().getPort();
        }
    }

    private static LoadRun.Result runQuietly(LoadConfig config) {
        try {
            return Runs.run(config);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

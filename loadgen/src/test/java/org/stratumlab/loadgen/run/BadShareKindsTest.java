package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.results.Outcome;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * Each kind of deliberately bad share, sent with probability 1, ends in its own rejection reason, here and on the
 * server alike; honest shares are really valid. The server keeps one job unless a test says otherwise, so the
 * outcome of every submit is known in advance.
 */
@Timeout(30)
class BadShareKindsTest {
    private static final int MINERS = 10;
    private static final double RATE = 20;
    private static final long DURATION_MS = 1000;

    @TempDir
    Path out;

    @Test
    void honestSharesAreReallyValidAndAccepted() throws Exception {
        // Difficulty 64: a random nonce is wrong 63 times in 64, so only real grinding gets them all accepted.
        LoadRun.Result r = run("", Runs.steadyServer().difficulty(BigInteger.valueOf(64)).build());
        assertAllEndAs(r, Outcome.ACCEPTED, SubmitOutcome.ACCEPTED);
    }

    @Test
    void invalidSharesAreRejectedAsIncorrect() throws Exception {
        LoadRun.Result r = run("invalid=1", Runs.steadyServer().difficulty(BigInteger.valueOf(4)).build());
        assertAllEndAs(r, Outcome.REJECTED_INCORRECT, SubmitOutcome.INCORRECT_NONCE);
        assertEquals(
                java.util.List.of(new org.stratumlab.results.Summary.Answer("incorrect",
                        "Incorrect Nonce! worker_id = <worker>!",
                        r.counts().sent())),
                r.summary().submits().answers(), "the endpoint's own words, counted");
    }

    @Test
    void staleSharesAreRejectedAsStale() throws Exception {
        // No block timer: the only job is current.
        LoadRun.Result r = run("stale=1", Runs.steadyServer().build());
        assertAllEndAs(r, Outcome.REJECTED_STALE, SubmitOutcome.STALE_JOB);
    }

    @Test
    void staleSharesAreStaleEvenUnderAWideWindow() throws Exception {
        // A job every 20 ms and a window of 64: every job a miner saw in this run is still inside the window, so
        // only a pow_hash the server never issued is stale whatever the window.
        LoadRun.Result r = run("stale=1",
                Runs.steadyServer().window(64).blockIntervalNs(20_000_000L).build());
        assertAllEndAs(r, Outcome.REJECTED_STALE, SubmitOutcome.STALE_JOB);
        assertTrue(r.counts().jobsSeen() > 10, "jobs seen " + r.counts().jobsSeen());
    }

    @Test
    void duplicatesOfAMovingJobAreStillDuplicates() throws Exception {
        // New jobs every 100 ms and a window of 2: a miner repeats a nonce only on the job it was accepted for,
        // and grinds a fresh share (to be repeated next) on a new job, so nothing comes back stale.
        LoadRun.Result r = run("duplicate=1",
                Runs.steadyServer().window(2).blockIntervalNs(100_000_000L).build());
        LoadMetrics.Counts c = r.counts();
        String state = ReconciliationTest.describe(c);
        assertReconciles(r);
        assertEquals(c.sent(), c.of(Outcome.ACCEPTED) + c.of(Outcome.REJECTED_DUPLICATE), state);
        assertTrue(c.of(Outcome.REJECTED_DUPLICATE) > c.sent() / 2, state);
        assertTrue(r.counts().jobsSeen() > 5, "jobs seen " + r.counts().jobsSeen());
    }

    @Test
    void malformedSharesAreRejectedWithoutAReason() throws Exception {
        LoadRun.Result r = run("malformed=1", Runs.steadyServer().build());
        assertAllEndAs(r, Outcome.REJECTED_OTHER, SubmitOutcome.MALFORMED);
    }

    @Test
    void duplicateSharesAreRejectedAsDuplicates() throws Exception {
        // Nothing is accepted yet at first, so the first draws send fresh shares; once one is accepted, every miner
        // repeats an accepted nonce (the server's set of accepted nonces is per job, whoever sent them).
        LoadRun.Result r = run("duplicate=1", Runs.steadyServer().build());
        LoadMetrics.Counts c = r.counts();
        String state = ReconciliationTest.describe(c);
        assertReconciles(r);
        assertEquals(c.sent(), c.of(Outcome.ACCEPTED) + c.of(Outcome.REJECTED_DUPLICATE), state);
        assertTrue(c.of(Outcome.ACCEPTED) >= 1 && c.of(Outcome.ACCEPTED) <= 2 * MINERS, state);
        assertTrue(c.of(Outcome.REJECTED_DUPLICATE) > c.sent() / 2, state);
    }

    @Test
    void theDocumentedDialectsResultsAreUnderstoodToo() throws Exception {
        // String results ("true", ["false","reason"]) and three-param notifies (docs/protocol.md §4, the doc dialect).
        LoadRun.Result r = run("invalid=0.5", Runs.steadyServer().difficulty(BigInteger.valueOf(4))
                .dialect(org.stratumlab.protocol.dialect.Dialect.doc()).build());
        LoadMetrics.Counts c = r.counts();
        String state = ReconciliationTest.describe(c) + ", server " + r.serverCounters().submitsByOutcome();
        assertReconciles(r);
        assertEquals(r.serverCounters().submitsByOutcome().get(SubmitOutcome.INCORRECT_NONCE),
                c.of(Outcome.REJECTED_INCORRECT), state);
        assertEquals(c.sent(), c.of(Outcome.ACCEPTED) + c.of(Outcome.REJECTED_INCORRECT), state);
        assertTrue(c.of(Outcome.ACCEPTED) > 0 && c.of(Outcome.REJECTED_INCORRECT) > 0, state);
    }

    private LoadRun.Result run(String mix, ServerConfig server) throws Exception {
        return Runs.run(Runs.config(Fleets.of(MINERS, RATE).badShares(mix).seed(9).build(), null, server,
                DURATION_MS, out));
    }

    private static void assertAllEndAs(LoadRun.Result r, Outcome here, SubmitOutcome there) {
        LoadMetrics.Counts c = r.counts();
        String state = ReconciliationTest.describe(c) + ", server " + r.serverCounters().submitsByOutcome();
        assertTrue(c.sent() > MINERS, state);
        assertEquals(c.sent(), c.of(here), state);
        assertEquals(c.sent(), r.serverCounters().submitsByOutcome().get(there), state);
        assertReconciles(r);
    }

    private static void assertReconciles(LoadRun.Result r) {
        LoadMetrics.Counts c = r.counts();
        ServerMetrics.Snapshot s = r.serverCounters();
        String state = ReconciliationTest.describe(c) + ", server " + s.submitsByOutcome();
        assertEquals(s.submitsTotal(), c.sent(), state);
        assertEquals(s.submitsByOutcome().get(SubmitOutcome.ACCEPTED), c.of(Outcome.ACCEPTED), state);
        assertEquals(s.submitsByOutcome().get(SubmitOutcome.DUPLICATE), c.of(Outcome.REJECTED_DUPLICATE),
                state);
        assertEquals(0, c.of(Outcome.UNANSWERED) + c.of(Outcome.ERROR), state);
    }
}

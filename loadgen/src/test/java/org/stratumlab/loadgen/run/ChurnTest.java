package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.results.Outcome;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.server.metrics.ServerMetrics;

/** Churn: sessions end after an exponential lifetime and reopen at once; every submit is still counted once. */
@Timeout(20)
class ChurnTest {
    private static final int MINERS = 10;

    @TempDir
    Path out;

    @Test
    void sessionsEndAndReopenWhileEverySubmitIsCountedOnce() throws Exception {
        LoadRun.Result r = Runs.run(Runs.config(Fleets.of(MINERS, 20).seed(31)
                .sessionLifetimeNs(TimeUnit.MILLISECONDS.toNanos(300)).build(), null,
                Runs.steadyServer().build(),
                1500, out));
        LoadMetrics.Counts c = r.counts();
        ServerMetrics.Snapshot s = r.serverCounters();
        String state = ReconciliationTest.describe(c) + " reconnects=" + c.reconnects() + "; server "
                + s.submitsByOutcome();
        // About 1.5 s / 0.3 s = 5 sessions per miner: far more than one reconnect in all.
        assertTrue(c.reconnects() >= MINERS, state);
        assertEquals(c.sent(), c.ended(), state);
        long answered = c.sent() - c.of(Outcome.UNANSWERED);
        assertEquals(answered, c.of(Outcome.ACCEPTED), state); // difficulty 1, one job
        assertTrue(answered <= s.submitsTotal() && s.submitsTotal() <= c.sent(), state);
        assertTrue(c.of(Outcome.ACCEPTED) <= s.submitsByOutcome().get(SubmitOutcome.ACCEPTED), state);
    }

    /**
     * A session that ends waits for its submits in flight: at 100 submits a second per miner and a session of
     * 200 ms on average, hundreds of sessions end with a submit on the wire (each reply takes a fraction of a
     * millisecond), and closing at once would count each unanswered, the generator's doing charged to the server.
     */
    @Test
    void aSessionEndsOnlyOnceItsSubmitsInFlightAreAnswered() throws Exception {
        int miners = 50;
        LoadRun.Result r = Runs.run(Runs.config(Fleets.of(miners, 100).seed(37)
                .sessionLifetimeNs(TimeUnit.MILLISECONDS.toNanos(200)).build(), null,
                Runs.steadyServer().build(),
                1500, out));
        LoadMetrics.Counts c = r.counts();
        ServerMetrics.Snapshot s = r.serverCounters();
        String state = ReconciliationTest.describe(c) + " reconnects=" + c.reconnects() + "; server "
                + s.submitsByOutcome();
        assertTrue(c.reconnects() >= 2L * miners, state);
        assertEquals(0, c.of(Outcome.UNANSWERED), state);
        assertEquals(c.sent(), c.of(Outcome.ACCEPTED), state);
        assertEquals(c.sent(), s.submitsTotal(),
                "every submit reached the server and was answered: " + state);
        assertEquals(s.submitsTotal(), r.summary().server().submits(),
                "the summary records the server's count");
        assertEquals(0, r.summary().server().closedTotal(), "no defence closed a miner that left on its own");
    }
}

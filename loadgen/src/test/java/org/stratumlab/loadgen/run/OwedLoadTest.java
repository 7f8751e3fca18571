package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.results.Summary;

/**
 * The generator accounts for every solution event due during the run: sent, or owed at the end with its lateness
 * as lag; asked for far more than any machine can send, it says so instead of reporting a quiet run.
 */
@Timeout(60)
class OwedLoadTest {
    @TempDir
    Path out;

    @Test
    void aRateNoGeneratorCanFollowIsOwedAndTheRunFellShort() throws Exception {
        // Ten miners at a million solutions a second each for a second: millions of events due from the moment
        // each miner has its first job, of which one event loop sends a few thousand.
        LoadRun.Result r = Runs.run(Runs.config(Fleets.of(10, 1_000_000).seed(3).build(), null,
                Runs.steadyServer().build(), 1000, out));
        Summary s = r.summary();
        Summary.Generator load = s.generator();
        String state = load + ", sent " + s.submits().sent();
        assertTrue(load.scheduled() > 100_000, state);
        assertEquals(s.submits().sent() + load.owed(), load.scheduled(), state);
        assertTrue(load.owed() > 10 * s.submits().sent(), state);
        assertTrue(load.fellShort(), state);
        assertTrue(s.latencyUs().lag().p99() > 100_000,
                "owed events carry their lateness: " + s.latencyUs().lag());
    }

    @Test
    void aRateTheGeneratorFollowsOwesAlmostNothing() throws Exception {
        LoadRun.Result r = Runs.run(Runs.config(Fleets.of(5, 20).seed(3).build(), null,
                Runs.steadyServer().build(), 1000, out));
        Summary.Generator load = r.summary().generator();
        String state = load + ", sent " + r.summary().submits().sent() + ", lag "
                + r.summary().latencyUs().lag();
        assertTrue(r.summary().submits().sent() > 20, state);
        assertEquals(r.summary().submits().sent() + load.owed(), load.scheduled(), state);
        assertTrue(load.owed() <= 5, "at most the events due in the last instant: " + state);
        assertFalse(load.fellShort(), state);
    }
}

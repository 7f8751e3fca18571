package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.pow.PowAlgorithms;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.results.Outcome;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.server.ServerConfig;

/**
 * Miners grind what the endpoint checks, off their event loops, and the summary says what the generator ground,
 * what waited for a nonce and what it never got to send.
 */
@Timeout(90)
class GrindingRunTest {
    @TempDir
    Path out;

    /**
     * Long enough for both ends to build their stage-0 caches (under a second each on a quiet machine, several on
     * one loaded many times over) and still mine: Octopus miners start once their cache is built.
     */
    private static final int OCTOPUS_RUN_MS = 8000;

    /** Octopus at stage 0 (the smallest cache) and difficulty 4: every share the miners send is really valid. */
    private static ServerConfig.Builder octopusServer() {
        return Runs.steadyServer().pow(PowAlgorithms.OCTOPUS).startHeight(1)
                .difficulty(BigInteger.valueOf(4));
    }

    @Test
    void octopusMinersSendSharesAnOctopusServerAccepts() throws Exception {
        LoadRun.Result r = Runs
                .run(Runs.config(Fleets.of(3, 3).pow(PowAlgorithms.OCTOPUS).seed(4).build(), null,
                        octopusServer().build(), OCTOPUS_RUN_MS, out));
        LoadMetrics.Counts c = r.counts();
        Summary.Grinding g = r.summary().grinding();
        String state = ReconciliationTest.describe(c) + ", server " + r.serverCounters().submitsByOutcome()
                + ", " + g;
        assertTrue(c.sent() >= 3, state);
        assertEquals(c.sent(), c.of(Outcome.ACCEPTED), state);
        assertEquals(c.sent(), r.serverCounters().submitsByOutcome().get(SubmitOutcome.ACCEPTED), state);
        assertEquals("octopus", g.pow(), state);
        assertEquals(0, g.groundInline(), "an Octopus nonce is never ground on an event loop: " + state);
        assertTrue(g.groundAhead() >= c.sent(), state);
        assertEquals(0, g.unground(), state);
        assertEquals(g, SummaryFile.read(out.resolve(SummaryFile.FILE_NAME)).grinding(),
                "summary.json has it");
    }

    @Test
    void octopusInvalidSharesAreProvenInvalidOrCountedUnchecked() throws Exception {
        LoadRun.Result r = Runs
                .run(Runs.config(Fleets.of(3, 10).pow(PowAlgorithms.OCTOPUS).badShares("invalid=1")
                        .seed(5).build(), null, octopusServer().build(), OCTOPUS_RUN_MS, out));
        LoadMetrics.Counts c = r.counts();
        Summary.Grinding g = r.summary().grinding();
        String state = ReconciliationTest.describe(c) + ", " + g;
        assertTrue(c.sent() >= 10, state);
        assertEquals(c.sent(), c.of(Outcome.REJECTED_INCORRECT) + c.of(Outcome.ACCEPTED), state);
        // Only an unchecked one can be valid by chance: proven ones never are.
        assertTrue(c.of(Outcome.ACCEPTED) <= g.invalidUnchecked(), state);
    }

    @Test
    void aGeneratorThatCannotGrindFastEnoughCountsWhatWaitedAndWhatItNeverSent() throws Exception {
        // A million hashes per share on one grinding thread, 2,000 solution events a second asked for: the
        // generator can grind a few dozen shares a second at most.
        LoadRun.Result r = Runs.run(Runs.config(Fleets.of(4, 500).grindThreads(1).seed(6).build(), null,
                Runs.steadyServer().difficulty(BigInteger.valueOf(1_000_000)).build(), 1500, out));
        LoadMetrics.Counts c = r.counts();
        Summary.Grinding g = r.summary().grinding();
        String state = ReconciliationTest.describe(c) + ", " + g;
        assertTrue(g.waited() > c.sent(), state);
        assertTrue(g.neverSent() > 0, state);
        assertEquals(c.sent(), c.of(Outcome.ACCEPTED), "what was sent was really valid: " + state);
        assertEquals(0, g.groundInline(), state);
        assertEquals(c.sent() + g.discarded(), g.groundAhead(),
                "every nonce ground is sent or discarded: " + state);
    }

    @Test
    void easyKeccakJobsAreGroundInlineAndDifficultyOneNotAtAll() throws Exception {
        LoadRun.Result easy = Runs.run(Runs.config(Fleets.of(3, 20).seed(7).build(), null,
                Runs.steadyServer().difficulty(BigInteger.valueOf(8)).build(), 1000, out.resolve("easy")));
        Summary.Grinding g = easy.summary().grinding();
        assertEquals(easy.counts().sent(), easy.counts().of(Outcome.ACCEPTED), g::toString);
        assertEquals(easy.counts().sent(), g.groundInline() + g.groundAhead() - g.discarded(), g::toString);
        LoadRun.Result trivial = Runs.run(Runs.config(Fleets.of(3, 20).seed(7).build(), null,
                Runs.steadyServer().build(), 1000, out.resolve("trivial")));
        Summary.Grinding none = trivial.summary().grinding();
        assertEquals(0, none.groundInline() + none.groundAhead() + none.hashes(), none::toString);
        assertEquals(trivial.counts().sent(), trivial.counts().of(Outcome.ACCEPTED));
    }
}

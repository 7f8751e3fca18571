package org.stratumlab.loadgen.run;

import org.stratumlab.loadgen.testing.RunFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.HashrateDistribution;
import org.stratumlab.results.Summary;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.results.Outcome;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.protocol.mining.SubmitOutcome;

/**
 * A fleet with a hostile group (hostile-mix): the hostile miners send their own bad shares, the honest
 * ones only valid shares, and the honest miners' submit latency is recorded apart, one sample per honest submit.
 */
@Timeout(30)
class HostileMinersTest {
    @TempDir
    Path out;

    @Test
    void honestMinersLatencyCountsOnlyTheirOwnSubmits() throws Exception {
        // Difficulty 64 and no new jobs: an honest share is accepted only if really ground, and every hostile
        // share (an invalid nonce) is rejected as incorrect; so the outcomes split the submits by group.
        LoadRun.Result r = Runs
                .run(Runs.config(Fleets.of(10, 20).hostile(0.3, "invalid=1").seed(5).build(), null,
                        Runs.steadyServer().difficulty(BigInteger.valueOf(64)).build(), 1000, out));
        LoadMetrics.Counts c = r.counts();
        String state = ReconciliationTest.describe(c);
        long accepted = c.of(Outcome.ACCEPTED);
        long incorrect = c.of(Outcome.REJECTED_INCORRECT);
        assertTrue(accepted > 0 && incorrect > 0, state);
        assertEquals(c.sent(), accepted + incorrect, state);
        assertEquals(accepted, r.serverCounters().submitsByOutcome().get(SubmitOutcome.ACCEPTED), state);

        JsonNode latency = RunFiles.tree(r.summary()).path("latencyUs");
        assertEquals(c.sent(), latency.path("submit").path("count").asLong(), "every submit");
        assertEquals(accepted, latency.path("submitHonest").path("count").asLong(),
                "the honest submits only");
        assertEquals(0.3, RunFiles.tree(r.summary()).path("settings").path("hostileMiners").path("fraction")
                .asDouble());
        // Three miners in ten are hostile: a share of the submits near 0.3, not an exact one (Poisson events).
        double hostileShare = (double) incorrect / c.sent();
        assertTrue(hostileShare > 0.15 && hostileShare < 0.45,
                "hostile share " + hostileShare + ", " + state);
    }

    @Test
    void hostileDuplicatesRepeatWhatTheHonestMinersHadAccepted() throws Exception {
        // One job for the whole run: once an honest share is accepted, every hostile duplicate repeats an accepted
        // nonce. Only a hostile miner that draws before any acceptance grinds a share of its own (one
        // or two each), so hostile miners get almost nothing accepted.
        LoadRun.Result r = Runs
                .run(Runs.config(Fleets.of(10, 20).hostile(0.3, "duplicate=1").seed(6).build(), null,
                        Runs.steadyServer().difficulty(BigInteger.valueOf(64)).build(), 1000, out));
        LoadMetrics.Counts c = r.counts();
        String state = ReconciliationTest.describe(c);
        long honest = RunFiles.tree(r.summary()).path("latencyUs").path("submitHonest").path("count")
                .asLong();
        long hostile = c.sent() - honest;
        assertTrue(hostile > 10, state);
        assertEquals(c.sent(), c.of(Outcome.ACCEPTED) + c.of(Outcome.REJECTED_DUPLICATE), state);
        assertTrue(c.of(Outcome.ACCEPTED) - honest <= 6, "hostile shares accepted: "
                + (c.of(Outcome.ACCEPTED) - honest) + ", " + state);
        assertTrue(c.of(Outcome.REJECTED_DUPLICATE) >= hostile - 6, state);
    }

    @Test
    void aPhaseSetsTheHostileMinersRateApartFromTheOthers() throws Exception {
        // Three in ten hostile, idle in the first phase and ten times as fast as the others in the second: their
        // invalid shares (rejected as incorrect) are none of the first phase's submits and most of the second's.
        FleetSettings fleet = Fleets.of(10, 10).hostile(0.3, "invalid=1").seed(8).build();
        HashrateDistribution fixed = HashrateDistribution.parse("fixed");
        List<Phase> phases = List.of(
                new Phase("quiet", TimeUnit.MILLISECONDS.toNanos(1500), 10, 10_000, 10, 0, fixed,
                        BadShareMix.NONE,
                        0, 0, Phase.ServerAction.NONE),
                new Phase("flood", TimeUnit.MILLISECONDS.toNanos(1500), 10, 10_000, 10, 0, fixed,
                        BadShareMix.NONE,
                        10, 0, Phase.ServerAction.NONE));
        LoadRun.Result r = Runs.run(Runs.phased(fleet, null,
                Runs.steadyServer().difficulty(BigInteger.valueOf(64)).build(), phases, out));
        Summary.Submits quiet = r.summary().phase("quiet").orElseThrow().submits();
        Summary.Submits flood = r.summary().phase("flood").orElseThrow().submits();
        String state = quiet + " / " + flood;
        assertTrue(quiet.accepted() > 0, state);
        assertEquals(0, quiet.rejected().incorrect(), state);
        assertTrue(flood.rejected().incorrect() > 2 * flood.accepted(), state);
    }

    @Test
    void aRampingPhaseSendsMoreAsItGoes() throws Exception {
        // 0 to 60 solutions a second per miner over 4 s: the second half is due three times the first's events.
        FleetSettings fleet = Fleets.of(4, 0).seed(12).build();
        Phase ramp = new Phase("ramp", TimeUnit.SECONDS.toNanos(4), 4, 10_000, 0, 0,
                HashrateDistribution.parse("fixed"), BadShareMix.NONE, 1, 0, Phase.ServerAction.NONE, 60);
        LoadRun.Result r = Runs
                .run(Runs.phased(fleet, null, Runs.steadyServer().build(), List.of(ramp), out));
        List<Double> submits = RunFiles.column(out, "submits");
        double firstHalf = submits.get(0) + submits.get(1);
        double secondHalf = submits.get(2) + submits.get(3);
        assertTrue(secondHalf > 1.5 * firstHalf && secondHalf > 100, "per second: " + submits);
        assertEquals("0.0..60.0", RunFiles.tree(r.summary()).path("settings").path("phases").get(0)
                .path("solveRatePerSecond").asText());
    }
}

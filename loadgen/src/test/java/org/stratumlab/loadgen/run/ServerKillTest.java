package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.HashrateDistribution;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.RunFiles;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.results.Outcome;

/**
 * A phase SIGKILLs the embedded server's child JVM while the miners submit fast, and it comes back on the same
 * port: the generator's counts stay exact (every submit ends once, those in flight at the kill as unanswered),
 * every miner reconnects and subscribes again, and the summary says one instance was killed (its counts are
 * those of the poll before the kill).
 */
@Timeout(120) // two child JVM starts on a busy 2-core machine
class ServerKillTest {
    private static final int MINERS = 10;
    /** Fast enough that submits are in flight at any moment. */
    private static final double RATE = 200;

    @TempDir
    Path out;

    @Test
    void aKilledServerEndsItsInFlightSubmitsAsUnansweredAndEveryMinerSubscribesAgain() throws Exception {
        Phase.ServerAction kill = new Phase.ServerAction(false, null, null, null,
                TimeUnit.MILLISECONDS.toNanos(300));
        LoadConfig config = Runs.phased(Fleets.of(MINERS, RATE).seed(11)
                .reconnect(TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.MILLISECONDS.toNanos(400)).build(),
                null, Runs.steadyServer().build(), EmbeddedProcess.SEPARATE,
                List.of(phase("steady", 5000, Phase.ServerAction.NONE), phase("killed", 6000, kill)), out);
        LoadRun.Result result = Runs.run(config);
        LoadMetrics.Counts c = result.counts();
        String state = ReconciliationTest.describe(c) + " reconnects=" + c.reconnects();

        long answered = c.of(Outcome.ACCEPTED) + c.rejected() + c.of(Outcome.ERROR);
        assertEquals(c.sent(), answered + c.of(Outcome.UNANSWERED), state);
        assertEquals(c.sent(), c.ended(), "every submit ended exactly once; " + state);
        assertEquals(c.of(Outcome.ACCEPTED), answered, "difficulty 1, one job per instance; " + state);
        assertTrue(c.reconnects() >= MINERS, "every miner reconnected; " + state);
        JsonNode summary = RunFiles.summary(out);
        JsonNode phases = summary.get("phases");
        // The submit timeout (10 s) is longer than the run: only the kill made submits unanswered, all of them in
        // the one interval around it (a busy child JVM may hold a second's worth unread in its sockets).
        assertUnansweredOnlyAroundOneMoment(state);
        assertEquals(MINERS, phases.get(0).get("subscribedAtEnd").asInt(), phases.toString());
        assertEquals(MINERS, phases.get(1).get("latencyUs").get("subscribe").get("count").asInt(),
                "every miner subscribed to the instance that came back; " + phases);
        assertTrue(phases.get(1).get("submits").get("accepted").asLong() > 0, phases.toString());
        assertEquals(1, summary.get("server").get("killedInstances").asInt(),
                summary.get("server").toString());
        assertEquals(0.3,
                summary.get("settings").get("phases").get(1).get("server").get("killDownS").asDouble(),
                1e-9, summary.get("settings").toString());
        System.out.printf("kill: sent=%d unanswered=%d reconnects=%d%n", c.sent(), c.of(Outcome.UNANSWERED),
                c.reconnects());
    }

    private void assertUnansweredOnlyAroundOneMoment(String state) throws Exception {
        List<Double> unanswered = RunFiles.column(out, "unanswered");
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < unanswered.size(); i++) {
            if (unanswered.get(i) > 0) {
                rows.add(i);
            }
        }
        assertTrue(rows.isEmpty() || rows.get(rows.size() - 1) - rows.get(0) <= 1,
                "unanswered by second " + unanswered + "; " + state);
    }

    private static Phase phase(String name, long durationMs, Phase.ServerAction action) {
        return new Phase(name, TimeUnit.MILLISECONDS.toNanos(durationMs), MINERS, 10_000, RATE, 0,
                HashrateDistribution.parse("fixed"), BadShareMix.NONE, 0, action);
    }
}

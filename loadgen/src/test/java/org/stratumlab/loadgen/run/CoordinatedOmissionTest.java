package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.results.Outcome;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.RunFiles;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.testing.ScriptedPeer;

/**
 * Coordinated omission (docs/architecture.md, load model): against a server that stops reading and answering for 1 s once,
 * every solution event due during the stall is measured from its intended time, so the stall shows up in many
 * submits' latency (about a stall's worth of events), not just in the one that was in flight.
 */
@Timeout(30)
class CoordinatedOmissionTest {
    private static final double RATE = 200;
    private static final int STALL_AFTER_SUBMITS = 50;
    private static final long STALL_MS = 1000;
    private static final long MS = 1000; // in the histograms' unit, microseconds

    @TempDir
    Path out;
    private ScriptedPeer peer;

    @AfterEach
    void closePeer() throws Exception {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void aOneSecondStallShowsInTheLatencyOfEverySubmitDueDuringIt() throws Exception {
        AtomicBoolean stalled = new AtomicBoolean();
        peer = ScriptedPeer.start(connection -> {
            String subscribe = connection.readLine();
            connection.writeLine(
                    "{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":" + ScriptedPeer.idOf(subscribe) + "}");
            connection.writeLine(
                    ScriptedPeer.confluxNotify("ab".repeat(32), 1, ScriptedPeer.BOUNDARY_DIFFICULTY_1));
            for (int submits = 1;; submits++) {
                String submit = connection.readLine();
                if (submits == STALL_AFTER_SUBMITS && stalled.compareAndSet(false, true)) {
                    Thread.sleep(STALL_MS); // the behaviour under test: no reading, no replies
                }
                connection.writeLine(
                        "{\"jsonrpc\":\"2.0\",\"result\":[true],\"id\":" + ScriptedPeer.idOf(submit)
                                + "}");
            }
        });
        LoadRun.Result result = Runs
                .run(Runs.config(Fleets.of(1, RATE).seed(17).build(), peer.address(), null,
                        3000, out));

        LoadMetrics.Counts c = result.counts();
        String state = ReconciliationTest.describe(c);
        assertTrue(stalled.get(), "the peer never stalled: " + state);
        assertEquals(List.of(), peer.failures());
        assertEquals(c.sent(), c.of(Outcome.ACCEPTED), state);

        JsonNode latency = RunFiles.tree(result.summary()).get("latencyUs");
        JsonNode submit = latency.get("submit");
        // The only timing assertion of the suite: the deliberate 1 s stall is a floor, not a measurement.
        assertTrue(submit.get("p999").asLong() >= 900 * MS, submit.toString());
        assertTrue(submit.get("max").asLong() >= 900 * MS, submit.toString());

        // About RATE * 0.9 events were due in the first 0.9 s of the stall, each waiting at least 100 ms from its
        // intended time (Poisson: 180 expected, standard deviation about 13; 100 is six deviations below).
        Map<String, Histogram> byTag = RunFiles.latencyByTag(out);
        Histogram submits = byTag.get("submit");
        long slow = submits.getCountBetweenValues(100 * MS, Long.MAX_VALUE / 2);
        System.out.println("stall of " + STALL_MS + " ms: " + slow + " of " + submits.getTotalCount()
                + " submits took 100 ms or more; submit latency " + submit);
        assertTrue(slow >= 100, slow + " submits took 100 ms or more of " + submits.getTotalCount());
        assertEquals(submit.get("count").asLong(), submits.getTotalCount());
    }

    @Test
    void latencyFromTheIntendedTimeIsNeverBelowServiceTime() throws Exception {
        // Each submit is written at or after its intended time, so every percentile of submit latency is at
        // least the same percentile of service time (write to reply).
        AtomicBoolean stalled = new AtomicBoolean();
        peer = ScriptedPeer.start(connection -> {
            String subscribe = connection.readLine();
            connection.writeLine(
                    "{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":" + ScriptedPeer.idOf(subscribe) + "}");
            connection.writeLine(
                    ScriptedPeer.confluxNotify("cd".repeat(32), 7, ScriptedPeer.BOUNDARY_DIFFICULTY_1));
            for (int submits = 1;; submits++) {
                String submit = connection.readLine();
                if (submits == 20 && stalled.compareAndSet(false, true)) {
                    Thread.sleep(300); // a shorter stall, so that the percentiles have something to compare
                }
                connection.writeLine(
                        "{\"jsonrpc\":\"2.0\",\"result\":[true],\"id\":" + ScriptedPeer.idOf(submit)
                                + "}");
            }
        });
        LoadRun.Result result = Runs
                .run(Runs.config(Fleets.of(1, RATE).seed(18).build(), peer.address(), null,
                        1000, out));
        JsonNode latency = RunFiles.tree(result.summary()).get("latencyUs");
        JsonNode submit = latency.get("submit");
        JsonNode service = latency.get("submitService");
        assertEquals(submit.get("count").asLong(), service.get("count").asLong());
        for (String key : List.of("p50", "p90", "p99", "p999", "max")) {
            assertTrue(submit.get(key).asLong() >= service.get(key).asLong(),
                    key + ": submit " + submit + ", service " + service);
        }
    }
}

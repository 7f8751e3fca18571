package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.IntervalSampler;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.results.Outcome;
import org.stratumlab.results.TimeSeriesColumn;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.RunFiles;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * One run against the embedded server (difficulty 4, window 1, a new job every second, so that some honest
 * submits race to a stale job), with every kind of bad share mixed in: the generator's counts reconcile exactly
 * with the server's, and the files it writes hold what docs/architecture.md promises.
 */
@Timeout(30)
class ReconciliationTest {
    private static final int MINERS = 10;
    private static final long SEED = 4242;
    private static final long DURATION_MS = 2000;

    @TempDir
    static Path out;
    private static LoadRun.Result result;

    @BeforeAll
    static void run() throws Exception {
        // No job per accepted solution and a slow block timer: on a busy machine new jobs every few milliseconds
        // would make nearly every share stale (stale is judged first), and the run would no longer show every
        // outcome. The current job on subscribe, so that no miner waits for a block to start.
        ServerConfig server = ServerConfig.builder().port(0).ioThreads(1).newJobOnSolution(false)
                .notifyOnSubscribe(true).blockIntervalNs(java.util.concurrent.TimeUnit.SECONDS.toNanos(1))
                .build();
        result = Runs.run(Runs.config(Fleets.of(MINERS, 30)
                .badShares("invalid=0.1,stale=0.1,duplicate=0.1,malformed=0.1").seed(SEED).build(), null,
                server,
                DURATION_MS, out));
        System.out.println("reconciliation run: " + describe(result.counts()) + ", server "
                + result.serverCounters().submitsByOutcome());
    }

    @Test
    void everyOutcomeReconcilesExactlyWithTheServersCounters() {
        LoadMetrics.Counts counts = result.counts();
        ServerMetrics.Snapshot server = result.serverCounters();
        Map<SubmitOutcome, Long> there = server.submitsByOutcome();
        String both = "here " + describe(counts) + ", there " + there + "; seed " + SEED;
        assertEquals(there.get(SubmitOutcome.ACCEPTED), counts.of(Outcome.ACCEPTED), both);
        assertEquals(there.get(SubmitOutcome.STALE_JOB), counts.of(Outcome.REJECTED_STALE), both);
        assertEquals(there.get(SubmitOutcome.INCORRECT_NONCE), counts.of(Outcome.REJECTED_INCORRECT), both);
        assertEquals(there.get(SubmitOutcome.DUPLICATE), counts.of(Outcome.REJECTED_DUPLICATE), both);
        assertEquals(there.get(SubmitOutcome.MALFORMED), counts.of(Outcome.REJECTED_OTHER), both);
        assertEquals(server.submitsTotal(), counts.sent(), both);
        assertEquals(0, counts.of(Outcome.ERROR), both);
        assertEquals(0, counts.of(Outcome.UNANSWERED), both);
    }

    @Test
    void theRunExercisedEveryOutcomeItCould() {
        LoadMetrics.Counts counts = result.counts();
        String state = describe(counts) + "; seed " + SEED;
        // 600 intended; a busy machine sends fewer, and each bad kind is a tenth of them.
        assertTrue(counts.sent() > 50, state);
        assertTrue(counts.of(Outcome.ACCEPTED) > 0, state);
        assertTrue(counts.of(Outcome.REJECTED_STALE) > 0, state);
        assertTrue(counts.of(Outcome.REJECTED_INCORRECT) > 0, state);
        assertTrue(counts.of(Outcome.REJECTED_OTHER) > 0, state);
    }

    @Test
    void summaryJsonHasTheKeysOtherToolsReadAndItsInvariantHolds() throws Exception {
        JsonNode s = RunFiles.summary(out);
        assertEquals("test", s.get("scenario").asText());
        assertTrue(s.get("startedAt").asText().endsWith("Z"), s.toString());
        assertTrue(s.get("durationS").asDouble() >= DURATION_MS / 1000.0, s.toString());
        assertTrue(s.get("machine").get("cpu").isTextual(), s.toString());
        assertTrue(s.get("machine").get("cores").asInt() >= 1, s.toString());
        assertEquals(System.getProperty("java.version"), s.get("jdk").asText());
        assertEquals(MINERS, s.get("settings").get("miners").asInt());
        assertEquals(SEED, s.get("settings").get("seed").asLong());
        assertEquals("4", s.get("settings").get("server").get("difficulty").asText());

        JsonNode miners = s.get("miners");
        assertEquals(MINERS, miners.get("target").asInt());
        assertEquals(MINERS, miners.get("connectedMax").asInt());
        assertEquals(MINERS, miners.get("subscribed").asInt());
        assertEquals(0, miners.get("neverAnswered").asInt());
        assertEquals(0, miners.get("reconnects").asInt());

        JsonNode submits = s.get("submits");
        JsonNode rejected = submits.get("rejected");
        long sent = submits.get("sent").asLong();
        long rejectedSum = rejected.get("stale").asLong() + rejected.get("incorrect").asLong()
                + rejected.get("duplicate").asLong() + rejected.get("other").asLong();
        assertEquals(sent, submits.get("accepted").asLong() + rejectedSum + submits.get("errors").asLong()
                + submits.get("unanswered").asLong(), submits.toString());
        LoadMetrics.Counts counts = result.counts();
        assertEquals(counts.sent(), sent);
        assertEquals(counts.of(Outcome.ACCEPTED), submits.get("accepted").asLong());
        assertEquals(counts.rejected(), rejectedSum);

        JsonNode notifies = s.get("notifies");
        assertTrue(notifies.get("jobs").asLong() > 0, notifies.toString());
        assertTrue(notifies.get("received").asLong() >= notifies.get("jobs").asLong(), notifies.toString());

        for (String metric : List.of("submit", "submitService", "connect", "subscribe", "notifySkew")) {
            JsonNode h = s.get("latencyUs").get(metric);
            for (String key : List.of("count", "mean", "p50", "p90", "p99", "p999", "max")) {
                assertTrue(h.get(key).isNumber(), metric + "." + key + " in " + h);
            }
            assertTrue(h.get("count").asLong() > 0, metric + ": " + h);
            assertTrue(h.get("p50").asLong() <= h.get("p90").asLong()
                    && h.get("p90").asLong() <= h.get("p99").asLong()
                    && h.get("p99").asLong() <= h.get("p999").asLong()
                    && h.get("p999").asLong() <= h.get("max").asLong(), metric + ": " + h);
        }
        // Every answered submit has a latency, and only those.
        assertEquals(sent - submits.get("unanswered").asLong(), s.get("latencyUs").get("submit").get("count")
                .asLong());
        assertEquals(s.get("latencyUs").get("submit").get("count").asLong(),
                s.get("latencyUs").get("submitHonest").get("count").asLong(),
                "no hostile miners: all honest");
        assertEquals(MINERS, s.get("latencyUs").get("connect").get("count").asLong());
        assertEquals(MINERS, s.get("latencyUs").get("subscribe").get("count").asLong());
        assertTrue(s.get("thresholds").isArray(), s.toString());
    }

    @Test
    void latencyLogIsReadableByHdrHistogramWithOneTagPerMetric() throws Exception {
        Map<String, Histogram> byTag = RunFiles.latencyByTag(out);
        assertEquals(List.of("connect", "lag", "notify-skew", "submit", "submit-honest", "submit-service",
                "subscribe"),
                byTag.keySet().stream().sorted().toList());
        JsonNode latency = RunFiles.summary(out).get("latencyUs");
        assertEquals(latency.get("submit").get("count").asLong(), byTag.get("submit").getTotalCount());
        assertEquals(latency.get("submitService").get("count").asLong(),
                byTag.get("submit-service").getTotalCount());
        assertEquals(latency.get("submit").get("max").asLong(), byTag.get("submit").getMaxValue());
        assertEquals(MINERS, byTag.get("connect").getTotalCount());
    }

    @Test
    void timeseriesHasItsHeaderAndOneRowPerSecondThatAddUpToTheTotals() throws Exception {
        List<String> lines = RunFiles.timeseriesLines(out);
        assertEquals(TimeSeriesColumn.headerLine(), lines.get(0));
        assertEquals("elapsed_s,connections,subscribed,submits,accepted,rejected_stale,rejected_incorrect,"
                + "rejected_duplicate,rejected_other,errors,unanswered,notifies,submit_p50_us,submit_p99_us,interval_s,lag_p99_us,phase",
                lines.get(0));
        // One row at the end of each whole second, the last one closing the run (it ends at 2 s, after the drain).
        assertEquals(DURATION_MS / 1000, lines.size() - 1, String.join("\n", lines));
        List<Double> elapsed = RunFiles.column(out, "elapsed_s");
        for (int i = 0; i < elapsed.size(); i++) {
            assertTrue(elapsed.get(i) >= i + 1, "row " + i + ": " + lines.get(i + 1));
        }
        LoadMetrics.Counts counts = result.counts();
        assertEquals(counts.sent(), RunFiles.columnSum(out, "submits"));
        assertEquals(counts.of(Outcome.ACCEPTED), RunFiles.columnSum(out, "accepted"));
        assertEquals(counts.of(Outcome.REJECTED_STALE), RunFiles.columnSum(out, "rejected_stale"));
        assertEquals(counts.of(Outcome.REJECTED_INCORRECT), RunFiles.columnSum(out, "rejected_incorrect"));
        assertEquals(counts.of(Outcome.REJECTED_DUPLICATE), RunFiles.columnSum(out, "rejected_duplicate"));
        assertEquals(counts.of(Outcome.REJECTED_OTHER), RunFiles.columnSum(out, "rejected_other"));
        assertEquals(counts.notifiesReceived(), RunFiles.columnSum(out, "notifies"));
        assertEquals((double) MINERS, RunFiles.column(out, "connections").get(0));
    }

    static String describe(LoadMetrics.Counts c) {
        StringBuilder b = new StringBuilder("sent=" + c.sent());
        for (Outcome outcome : Outcome.values()) {
            b.append(' ').append(outcome.key()).append('=').append(c.of(outcome));
        }
        return b.toString();
    }
}

package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.results.Summary;
import org.stratumlab.server.ServerConfig;

/**
 * When a run counts as started, and when it is given up early; and whether its sockets fit the descriptor limit.
 * The runs behind these verdicts (a wrong password, a silent or HTTP peer, nothing listening) are the command
 * line's tests.
 */
class StartCheckTest {
    private static final long LATE_NS = StartCheck.HOPELESS_AFTER_NS;

    @Test
    void aRunInWhichNoMinerSubscribedNeverGotGoingWhateverWasExpected() {
        Summary.Miners rejected = miners(200, 200, 0, 0, 0, 200, Map.of());
        for (boolean all : new boolean[]{true, false}) {
            assertEquals(
                    "no miner subscribed (subscribe rejected 200): the endpoint refused the subscribe; is "
                            + "the password right?",
                    StartCheck.failure(rejected, all));
        }
        assertEquals("no miner could connect (connect failed: ECONNREFUSED 40): is anything listening there?",
                StartCheck.failure(miners(20, 0, 0, 0, 40, 0, Map.of("ECONNREFUSED", 40L)), false));
    }

    @Test
    void fewerThanAllSubscribedAtThePeakFailsUnlessTheScenarioExpectsIt() {
        Summary.Miners nodeLimits = miners(2000, 2000, 1024, 976, 0, 0, Map.of());
        assertEquals(
                "only 1,024 of 2,000 miners subscribed at the peak (2,000 connected): never answered 976",
                StartCheck.failure(nodeLimits, true));
        assertNull(StartCheck.failure(nodeLimits, false), "expect: {all-subscribed: false}");
        assertNull(StartCheck.failure(miners(200, 200, 200, 0, 0, 0, Map.of()), true));
    }

    @Test
    void aRunIsGivenUpOnlyLateEnoughWithNothingSubscribedAndEnoughFailures() {
        LoadMetrics refused = new LoadMetrics();
        for (int i = 0; i < StartCheck.HOPELESS_ATTEMPTS; i++) {
            refused.connectFailed("ECONNREFUSED");
        }
        assertTrue(StartCheck.hopeless(refused.counts(), 1000, LATE_NS));
        assertFalse(StartCheck.hopeless(refused.counts(), 1000, LATE_NS - 1), "a node still starting");
        LoadMetrics two = new LoadMetrics();
        two.connectFailed("ECONNREFUSED");
        assertFalse(StartCheck.hopeless(two.counts(), 2, LATE_NS));
        two.subscribeRejected();
        assertTrue(StartCheck.hopeless(two.counts(), 2, LATE_NS), "every miner's first attempt failed");
        refused.subscribedChanged(1);
        assertFalse(StartCheck.hopeless(refused.counts(), 1000, LATE_NS), "one miner got going");
    }

    @Test
    void theEmbeddedServerInThisProcessCountsItsSocketsToo() {
        LoadConfig same = config(EmbeddedProcess.SAME, 200);
        assertEquals(200 + 200 + DescriptorBudget.RESERVE, DescriptorBudget.needed(same));
        assertNull(DescriptorBudget.refusal(same, 10_000, "--embedded-process separate"));
        assertTrue(DescriptorBudget.refusal(same, 500, "--embedded-process separate")
                .contains("run the embedded server in a child JVM (--embedded-process separate)"));
        LoadConfig separate = config(EmbeddedProcess.SEPARATE, 200);
        assertEquals(200 + DescriptorBudget.RESERVE, DescriptorBudget.needed(separate));
        String refusal = DescriptorBudget.refusal(separate, 300, "--embedded-process separate");
        assertFalse(refusal.contains("child JVM"), "it already has one: " + refusal);
        assertTrue(refusal.contains("use fewer miners, or split them over several generator processes"),
                refusal);
    }

    private static LoadConfig config(EmbeddedProcess process, int miners) {
        var fleet = Fleets.of(miners, 1).build();
        return new LoadConfig("t", fleet, null, ServerConfig.builder().port(0).build(), process,
                java.util.List.of(LoadConfig.singlePhase(fleet, TimeUnit.SECONDS.toNanos(1))), 1,
                Path.of("unused"),
                1, true, "auto");
    }

    private static Summary.Miners miners(long target, long connected, long subscribed, long neverAnswered,
            long connectFailures, long rejected, Map<String, Long> byCause) {
        return new Summary.Miners(target, connected, subscribed, neverAnswered, 0, connectFailures, rejected,
                0L,
                0L, 0L, byCause);
    }
}

package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.loadgen.threshold.Threshold;
import org.stratumlab.results.Summary;
import org.stratumlab.server.resources.ResourceReading;

/**
 * The embedded server's resources in the run's own process: read at the start and the end only (interval 0), so
 * that the heap's slope is unknown and a rule on it fails rather than passes; and the threshold metrics read the
 * section in the units they are written in.
 */
@Timeout(60)
class ServerResourcesRunTest {
    @TempDir
    static Path dir;
    private static Summary summary;

    @BeforeAll
    static void run() throws Exception {
        LoadConfig config = Runs.config(Fleets.of(10, 5).build(), null, Runs.steadyServer().build(), 1_000,
                dir.resolve("run")).withResourceIntervalNs(0);
        summary = Runs.run(config).summary();
    }

    @Test
    void anInProcessServerIsMarkedAsSharingTheGeneratorsHeap() {
        Summary.ServerResources r = summary.serverResources();
        assertTrue(r.heapSharedWithGenerator(), "process: same (10 miners, auto)");
        assertEquals(List.of(), r.samples(), "interval 0: only the start and the end");
        assertEquals(0, r.start().connections());
        assertEquals(0, r.end().connections());
        assertEquals(Math.max(r.start().heapAfterGcBytes(), r.end().heapAfterGcBytes()), r.heapPeakBytes());
        assertEquals(0, r.stateGrowth(), r.start() + " -> " + r.end());
        assertEquals(List.of("subscribers", "channels", "held"), List.copyOf(r.end().state().keySet()));
    }

    @Test
    void aSlopeOfTooFewSamplesIsUnknownAndItsRulesFail() {
        Summary.HeapSlope slope = summary.serverResources().heapSlope();
        assertFalse(slope.known(), slope.describe());
        for (String rule : List.of("server_heap.slope_mib_per_h < 5", "server_heap.slope_ci95_mib_per_h < 5",
                "server_heap.slope_upper95_mib_per_h < 5", "server_heap.slope_mib_per_h != 5")) {
            Summary.ThresholdResult result = Threshold.parse(rule).evaluate(summary);
            assertNull(result.value(), rule);
            assertFalse(result.passed(), "unknown is not a pass: " + rule);
        }
        assertTrue(Threshold.parse("server_state.growth == 0").evaluate(summary).passed());
    }

    @Test
    void theMetricsReadTheSectionInMibAndCounts() {
        double mib = Summary.MIB;
        Summary.ResourceSample start = new Summary.ResourceSample(0, "", (long) (10 * mib), (long) (64 * mib),
                100L, 0, Map.of("subscribers", 0L), (long) (4 * mib));
        Summary.ResourceSample end = new Summary.ResourceSample(60, "", (long) (12 * mib), (long) (64 * mib),
                103L, 0, Map.of("subscribers", 2L), (long) (6 * mib));
        Summary measured = summary.withServerResources(new Summary.ServerResources(false, 1, start, List.of(),
                end, (long) (48 * mib), new Summary.HeapSlope(30, 10.0, 2 * mib, 0.5 * mib), 3L, 2, 0));
        assertEquals(48.0, value(measured, "server_heap.peak_mib"));
        assertEquals(2.0, value(measured, "server_heap.slope_mib_per_h"));
        assertEquals(0.5, value(measured, "server_heap.slope_ci95_mib_per_h"));
        assertEquals(2.5, value(measured, "server_heap.slope_upper95_mib_per_h"));
        assertEquals(3.0, value(measured, "server_fds.growth"));
        assertEquals(2.0, value(measured, "server_state.growth"));
        assertEquals(6.0, value(measured, "server_direct.peak_mib"), "the most direct memory of any reading");
    }

    @Test
    void anExternalTargetHasNoServerResourcesAndItsRulesFail() {
        Summary external = summary.withServerResources(null);
        Summary.ThresholdResult result = Threshold.parse("server_fds.growth <= 16").evaluate(external);
        assertNull(result.value());
        assertFalse(result.passed());
    }

    @Test
    void aReadingCountsEveryStructureKeptPerConnection() {
        ResourceReading reading = new ResourceReading(1, 2, 3, 4, 5, 6, 7, 8);
        assertEquals(5 + 6 + 7, reading.perConnectionState());
    }

    private static double value(Summary s, String metric) {
        return Threshold.parse(metric + " >= 0").evaluate(s).value();
    }
}

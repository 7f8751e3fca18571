package org.stratumlab.loadgen.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.resources.ServerResourceSampler;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;

/**
 * The shipped soak scenario, shortened to seconds with the overrides CI would give it: the same machinery (a
 * simulator in a child JVM, churn, bad shares, a reading every second), checked for what the half-hour run is
 * judged by. The readings' values depend on the JVM; their shape and their bookkeeping do not.
 */
@Timeout(120)
class SoakScenarioTest {
    private static final List<String> SHORT = List.of("phases.0.duration=2s", "phases.0.miners=40",
            "phases.0.session-lifetime=2s", "phases.1.duration=6s", "target.embedded.resource-interval=1s",
            "miners.io-threads=1", "target.embedded.io-threads=1");

    @TempDir
    static Path dir;
    private static Summary summary;
    private static Summary.ServerResources resources;

    @BeforeAll
    static void run() throws Exception {
        Scenario scenario = ScenarioLoader.load(ScenarioFiles.shippedDir().resolve("soak.yaml"), SHORT);
        Path out = dir.resolve("run");
        StringWriter progress = new StringWriter();
        ScenarioRun.run(scenario, out, new PrintWriter(progress, true), false);
        summary = SummaryFile.read(out.resolve(SummaryFile.FILE_NAME));
        resources = summary.serverResources();
        System.out.println("soak (shortened): " + resources.samples().size() + " samples, heap slope "
                + resources.heapSlope().describe() + ", fds growth " + resources.fdsGrowth()
                + ", state growth "
                + resources.stateGrowth());
    }

    @Test
    void theShippedSoakSamplesAMinuteApartAndTheShortOneEverySecond() throws Exception {
        Scenario shipped = ScenarioLoader.load(ScenarioFiles.shippedDir().resolve("soak.yaml"), List.of());
        assertEquals(ServerResourceSampler.DEFAULT_INTERVAL_NS, shipped.resourceIntervalNs());
        assertEquals(1_800_000_000_000L, shipped.toLoadConfig(dir, 1).durationNs());
        assertEquals(1.0, resources.intervalS());
    }

    @Test
    void theServerInItsOwnJvmIsReadAtTheStartEverySecondAndAtTheEnd() {
        assertNotNull(resources, "summary.json has serverResources");
        assertFalse(resources.heapSharedWithGenerator(), "process: separate");
        assertEquals(0, resources.start().connections(), "the baseline comes before any miner connects");
        assertEquals(0, resources.start().stateTotal(), resources.start().toString());
        assertEquals(0, resources.end().connections(), "the end reading comes after every miner left");
        // 8 s of phases, a reading a second (fewer only when a reading came late on a busy machine).
        assertTrue(resources.samples().size() >= 4 && resources.samples().size() <= 8,
                resources.samples().toString());
        assertTrue(
                resources.samples().stream()
                        .anyMatch(s -> s.connections() > 0 && s.state().get("subscribers") > 0),
                "some reading saw the miners: " + resources.samples());
        for (Summary.ResourceSample s : resources.samples()) {
            assertTrue(s.heapAfterGcBytes() > 0 && s.heapAfterGcBytes() <= s.heapCommittedBytes(),
                    s.toString());
            assertTrue(s.heapAfterGcBytes() <= resources.heapPeakBytes(), s.toString());
            assertTrue(List.of("ramp", "soak").contains(s.phase()), s.toString());
        }
        assertEquals(0, resources.failedReadings());
    }

    @Test
    void theSlopeIsFittedFromTheEndOfTheRampWithItsInterval() {
        Summary.HeapSlope slope = resources.heapSlope();
        assertTrue(slope.known(), slope.describe());
        assertTrue(slope.samples() >= Summary.HeapSlope.MIN_SAMPLES, slope.describe());
        assertTrue(slope.fromS() >= 2.0, "after the ramp's 2 s: " + slope.fromS());
        assertTrue(Double.isFinite(slope.bytesPerHour()) && slope.ci95BytesPerHour() >= 0, slope.describe());
        long fitted = resources.samples().stream().filter(s -> s.phase().equals("soak")).count();
        assertEquals(fitted, slope.samples(), resources.samples().toString());
    }

    @Test
    void churnLeavesNoDescriptorAndNoPerConnectionStateBehind() {
        assertTrue(summary.miners().reconnects() > 0, "sessions of 2 s churned: " + summary.miners());
        assertNotNull(resources.fdsGrowth(), "Linux counts descriptors");
        assertEquals(0, resources.stateGrowth(), resources.start() + " -> " + resources.end());
        assertEquals(0, resources.end().stateTotal(), resources.end().toString());
    }

    @Test
    void everyResourceThresholdIsJudgedOnAMeasuredValue() {
        List<Summary.ThresholdResult> server = summary.thresholds().stream()
                .filter(t -> t.rule().startsWith("server_")).toList();
        assertEquals(4, server.size(), summary.thresholds().toString());
        for (Summary.ThresholdResult t : server) {
            assertNotNull(t.value(), t.toString());
        }
        assertTrue(server.stream().anyMatch(t -> t.rule().equals("server_state.growth == 0") && t.passed()),
                server.toString());
    }
}

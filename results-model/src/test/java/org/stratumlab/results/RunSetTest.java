package org.stratumlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs.json: the median, min and max of known numbers, and the file written and read back whole. */
class RunSetTest {
    @TempDir
    Path tmp;

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        RunSet.Spread spread = RunSet.Spread.of(List.of(3.0, 1.0, 2.0));
        assertEquals(new RunSet.Spread(2.0, 1.0, 3.0), spread);
        assertEquals(new RunSet.Spread(4.73, 4.73, 4.73), RunSet.Spread.of(List.of(4.73)));
        assertEquals(new RunSet.Spread(80.0, 10.0, 9000.0),
                RunSet.Spread.of(List.of(9000.0, 80.0, 10.0, 95.0, 70.0)));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(new RunSet.Spread(2.5, 1.0, 4.0), RunSet.Spread.of(List.of(4.0, 1.0, 3.0, 2.0)));
    }

    @Test
    void runsWithoutAValueAreLeftOut() {
        assertEquals(new RunSet.Spread(3.0, 1.0, 5.0), RunSet.Spread.of(Arrays.asList(null, 5.0, 1.0)));
        assertEquals(new RunSet.Spread(null, null, null), RunSet.Spread.of(Arrays.asList(null, null)));
        RunSet.Figure figure = RunSet.Figure.of("submit.p99{phase:steady}", "us",
                Arrays.asList(2040.0, null, 1900.0));
        assertEquals(2, figure.runs());
        assertEquals(1970.0, figure.median());
        assertEquals(1900.0, figure.min());
        assertEquals(2040.0, figure.max());
    }

    @Test
    void theFileReadsBackWhatWasWritten() throws IOException {
        RunSet set = new RunSet(RunSet.CURRENT_SCHEMA_VERSION, "smoke", "does it work?",
                "2026-11-24T03:56:28Z",
                "AMD EPYC, 2 cores, Linux amd64", "17.0.15", List.of("phases.0.duration=5s"),
                List.of("stratumlab", "run", "scenarios/smoke.yaml", "--repeat", "3"), 3, 2, 1,
                "2 of 3 runs passed: run 2 failed submit.p99 < 25ms",
                List.of(new RunSet.Run("run-1", 0, "passed", true, "2026-11-24T03:56:28Z", 15.2,
                        "0.10 0.20 0.30",
                        "0.50 0.30 0.31", 0.12),
                        new RunSet.Run("run-2", 1, "failed submit.p99 < 25ms", true, "2026-11-24T03:56:45Z",
                                15.1,
                                "0.5 0.3 0.3", "0.9 0.4 0.3", null),
                        new RunSet.Run("run-3", 0, "passed", true, "2026-11-24T03:57:02Z", 15.3, "", "",
                                0.0)),
                List.of(RunSet.Figure.of("submit.p99", "us", List.of(2040.0, 30000.0, 1900.0)),
                        RunSet.Figure.of("submits_per_s", "", List.of(366.5, 360.0, 370.1))));
        Path file = tmp.resolve(RunSet.FILE_NAME);
        RunSetFile.write(set, file);
        assertEquals(set, RunSetFile.read(file));
        assertEquals(2040.0, RunSetFile.read(file).figure("submit.p99").orElseThrow().median());
        assertEquals(15.2, set.medianDurationS());
    }

    @Test
    void aBrokenFileIsOneLineNamingTheKey() throws IOException {
        Path file = Files.writeString(tmp.resolve(RunSet.FILE_NAME),
                "{\"scenario\": \"smoke\", \"repeat\": 3}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunSetFile.read(file));
        assertEquals(file + ": startedAt is missing", e.getMessage());
    }

    @Test
    void stealTimeIsTheStolenShareOfAllTheTicks() {
        CpuTicks start = CpuTicks.parse("cpu  4705 356 584 3699 23 23 0 12 0 0");
        assertEquals(new CpuTicks(12, 4705 + 356 + 584 + 3699 + 23 + 23 + 0 + 12), start);
        CpuTicks end = new CpuTicks(start.steal() + 5, start.total() + 2000);
        assertEquals(0.25, CpuTicks.stealPercent(start, end));
        assertNull(CpuTicks.stealPercent(null, end), "not Linux");
        assertNull(CpuTicks.stealPercent(start, start), "no tick passed");
        assertNull(CpuTicks.parse("cpu  4705 356 584 3699 23 23 0"), "a kernel without steal time");
        assertNull(CpuTicks.parse("cpu0 4705 356 584 3699 23 23 0 12 0 0"), "one core's line");
        assertEquals("0.25 %", CpuTicks.describe(0.25));
        assertEquals("not recorded", CpuTicks.describe(null));
    }
}

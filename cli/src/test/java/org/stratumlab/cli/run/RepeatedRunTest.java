package org.stratumlab.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.CliRun;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.results.RunSet;
import org.stratumlab.results.RunSetFile;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.testing.ScriptedPeer;

/**
 * {@code stratumlab run FILE --repeat N}: N real runs, each in a JVM and a folder of its own, then the aggregate
 * (runs.json, README.md) with each headline figure's median, min and max; the exit code of the worst run and one
 * line saying how many passed; and one line naming the option for a count that is not one.
 */
class RepeatedRunTest {
    /** Two miners for three seconds: three runs of it stay within seconds. */
    private static final String TINY = """
            name: tiny
            description: two miners for three seconds
            target:
              embedded:
                difficulty: 1
                block-interval: 0
                new-job-on-solution: false
                notify-on-subscribe: true
                io-threads: 1
                process: same
            miners:
              io-threads: 1
              submit-timeout: 2s
            phases:
              - name: steady
                duration: 3s
                miners: 2
                solve-rate: 5
            thresholds:
              - connected.max >= 1
              - submit.p99{phase:steady} < 10s
            expect:                   # a machine busy with other work must not fail the runs of this test
              all-subscribed: false
              generator-keeps-up: false
            """;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void threeRunsLeaveThreeRunFoldersAndTheirAggregate() throws IOException {
        Path set = dir.resolve("results/tiny/20260101T000000Z");
        CliRun run = CliRun.of("run", write("tiny.yaml", TINY).toString(), "--repeat", "3", "--out",
                set.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().startsWith("scenario tiny: two miners for three seconds\n"), run.out());
        assertEquals(1, run.out().lines().filter(l -> l.startsWith("scenario ")).count(),
                "the runs do not repeat the scenario line: " + run.out());
        assertTrue(run.out().strip().endsWith("3 of 3 runs passed"), run.out());
        for (int k = 1; k <= 3; k++) {
            Path runDir = set.resolve("run-" + k);
            assertTrue(run.out().contains("run " + k + " of 3: " + runDir), run.out());
            Summary summary = SummaryFile.read(runDir.resolve("summary.json"));
            assertTrue(summary.thresholdsPassed(), summary.thresholds().toString());
            assertTrue(Files.exists(runDir.resolve("report.html")), runDir.toString());
            assertTrue(summary.invocation().commandLine().contains(runDir.toString()),
                    "each run records the command that made it: " + summary.invocation().commandLine());
        }

        RunSet aggregate = RunSetFile.read(set.resolve("runs.json"));
        assertEquals(RunSet.CURRENT_SCHEMA_VERSION, aggregate.schemaVersion());
        assertEquals("tiny", aggregate.scenario());
        assertEquals(3, aggregate.repeat());
        assertEquals(3, aggregate.passed());
        assertEquals(0, aggregate.exitCode());
        assertEquals("3 of 3 runs passed", aggregate.verdict());
        assertEquals(List.of("run-1", "run-2", "run-3"),
                aggregate.runs().stream().map(RunSet.Run::dir).toList());
        assertTrue(aggregate.commandLine().contains("--repeat"), aggregate.commandLine().toString());
        for (RunSet.Run r : aggregate.runs()) {
            assertTrue(r.counted(), r.toString());
            assertTrue(r.loadAtStart().matches("[0-9.]+ [0-9.]+ [0-9.]+"), r.toString());
            if (Files.exists(Path.of("/proc/stat"))) {
                assertNotNull(r.stealPercent(), "steal time is recorded on Linux: " + r);
            }
        }
        for (String name : List.of("submits_per_s", "accepted_ratio", "submit.p50", "submit.p99",
                "submit.p999",
                "notify_skew.p99", "lag.p99", "submits_per_s{phase:steady}", "submit.p50{phase:steady}",
                "submit.p99{phase:steady}", "submit.p999{phase:steady}", "connected.max")) {
            RunSet.Figure figure = aggregate.figure(name).orElseThrow(() -> new AssertionError(name));
            assertEquals(3, figure.runs(), figure.toString());
            assertEquals(RunSet.Spread.of(figure.values()).median(), figure.median(), figure.toString());
            assertTrue(figure.min() <= figure.median() && figure.median() <= figure.max(), figure.toString());
        }
        RunSet.Figure submitsPerS = aggregate.figure("submits_per_s").orElseThrow();
        for (int k = 0; k < 3; k++) {
            Summary summary = SummaryFile.read(set.resolve("run-" + (k + 1)).resolve("summary.json"));
            assertEquals(summary.submitsPerSecond(), submitsPerS.values().get(k), 1e-9);
        }

        String readme = Files.readString(set.resolve("README.md"));
        assertTrue(readme.startsWith("# tiny: 3 runs\n"), readme);
        assertTrue(readme.contains("| Figure | Median | Min | Max | run-1 | run-2 | run-3 |"), readme);
        assertTrue(readme.contains("[report](run-2/report.html)"), readme);

        // Published this way, the set is one row of the index, with the runs behind it.
        CliRun index = CliRun.of("report", "index", dir.resolve("results").toString());
        assertEquals(0, index.exitCode(), index.err());
        String md = Files.readString(dir.resolve("results/README.md"));
        List<String> rows = md.lines().filter(l -> l.startsWith("| tiny ")).toList();
        assertEquals(1, rows.size(), md);
        assertTrue(rows.get(0).contains("| 3 runs |"), rows.get(0));
        assertTrue(rows.get(0).contains("| 3 of 3 runs passed | [3 runs](tiny/20260101T000000Z/README.md) |"),
                rows.get(0));
    }

    @Test
    @Timeout(120)
    void aFailingRunAmongPassingOnesFailsTheSetAndIsNamed() throws IOException {
        // Two miners per run, one connection each: the second run's connections (the 3rd and 4th) have every
        // share rejected, the others every share accepted.
        AtomicInteger connections = new AtomicInteger();
        try (ScriptedPeer peer = ScriptedPeer.start(connection -> {
            boolean reject = List.of(3, 4).contains(connections.incrementAndGet());
            String subscribe = connection.readLine();
            connection.writeLine(
                    "{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":" + ScriptedPeer.idOf(subscribe) + "}");
            connection.writeLine(
                    ScriptedPeer.confluxNotify("ab".repeat(32), 1, ScriptedPeer.BOUNDARY_DIFFICULTY_1));
            while (true) {
                long id = ScriptedPeer.idOf(connection.readLine());
                connection.writeLine(reject
                        ? "{\"jsonrpc\":\"2.0\",\"result\":[false,\"Incorrect Nonce! worker_id = w!\"],\"id\":"
                                + id
                                + "}"
                        : "{\"jsonrpc\":\"2.0\",\"result\":[true],\"id\":" + id + "}");
            }
        })) {
            Path file = write("peer.yaml", """
                    name: peer
                    target:
                      external: 127.0.0.1:%d
                    miners:
                      io-threads: 1
                      submit-timeout: 1s
                    phases:
                      - duration: 3s
                        miners: 2
                        connect-rate: 100
                        solve-rate: 5
                    thresholds:
                      - rejected == 0
                    expect:
                      all-subscribed: false
                      generator-keeps-up: false
                    """.formatted(peer.address().getPort()));
            Path set = dir.resolve("peer-set");
            CliRun run = CliRun.of("run", file.toString(), "--repeat", "3", "--out", set.toString());
            assertEquals(ExitCode.FAILED.code(), run.exitCode(), run.out() + run.err());
            assertEquals(6, connections.get(), "one connection per miner and run");
            assertEquals(List.of(), peer.failures());
            String line = "2 of 3 runs passed: run 2 failed rejected == 0";
            assertTrue(run.out().strip().endsWith(line), run.out());
            RunSet aggregate = RunSetFile.read(set.resolve("runs.json"));
            assertEquals(line, aggregate.verdict());
            assertEquals(List.of(0, 1, 0), aggregate.runs().stream().map(RunSet.Run::exitCode).toList());
            assertEquals(2, aggregate.passed());
            assertEquals(ExitCode.FAILED.code(), aggregate.exitCode());
            RunSet.Figure rejected = aggregate.figure("rejected").orElseThrow();
            assertEquals(0.0, rejected.values().get(0), rejected.toString());
            assertTrue(rejected.values().get(1) > 0, rejected.toString());
            assertEquals(0.0, rejected.values().get(2), rejected.toString());
            assertEquals(0.0, rejected.median(), "the median is the middle run, not the mean");
            assertEquals(rejected.values().get(1), rejected.max());
        }
    }

    @Test
    void aRepeatThatIsNotAPositiveWholeNumberIsOneLineNamingTheOption() {
        Path file = write("tiny.yaml", TINY);
        for (String bad : List.of("0", "abc", "-2")) {
            CliRun run = CliRun.of("run", file.toString(), "--repeat", bad, "--out",
                    dir.resolve("never").toString());
            assertEquals(2, run.exitCode(), run.out() + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("stratumlab run: Invalid value for option '--repeat': "),
                    run.err());
            assertTrue(
                    run.err().contains(
                            bad.equals("abc") ? "'abc' is not a whole number" : "must be at least 1"),
                    run.err());
            assertEquals("", run.out());
            assertFalse(Files.exists(dir.resolve("never")), "nothing runs");
        }
    }

    @Test
    void theWorstRunDecidesTheCode() {
        assertEquals(ExitCode.SUCCESS, ExitCode.worst(List.of(ExitCode.SUCCESS, ExitCode.SUCCESS)));
        assertEquals(ExitCode.FAILED, ExitCode.worst(List.of(ExitCode.SUCCESS, ExitCode.FAILED)));
        assertEquals(ExitCode.GENERATOR_SHORT,
                ExitCode.worst(List.of(ExitCode.FAILED, ExitCode.GENERATOR_SHORT, ExitCode.SUCCESS)));
        assertEquals(ExitCode.NOT_GOING,
                ExitCode.worst(List.of(ExitCode.GENERATOR_SHORT, ExitCode.NOT_GOING)));
        assertEquals(ExitCode.INTERRUPTED, ExitCode.worst(List.of(ExitCode.INTERRUPTED, ExitCode.NOT_GOING)));
    }

    @Test
    void aRunWhoseJvmDiedCountsAsFailedAndSaysHow() {
        RunSet.Run run = RepeatedRun.describe("run-2", 137, null);
        assertEquals(ExitCode.FAILED.code(), run.exitCode());
        assertEquals("ended with exit status 137", run.verdict());
        assertFalse(run.counted());
        assertNull(run.startedAt());
    }

    @Test
    void helpDocumentsTheRepeat() {
        CliRun run = CliRun.of("run", "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("--repeat=N"), run.out());
        assertTrue(run.out().contains("median"), run.out());
        assertFalse(run.out().contains(RunCommand.SERIES_MEMBER), run.out());
    }

    private Path write(String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name), yaml);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

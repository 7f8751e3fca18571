package org.stratumlab.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.CliRun;

/**
 * {@code stratumlab run}: exit code 0 when every threshold passes, 1 when one fails, 2 with one line on stderr
 * when the scenario is unusable, 3 when the run never got going; and {@code --help} documents the options and the
 * codes.
 */
class RunCommandTest {
    private static final String TINY = """
            name: tiny
            description: >
              five miners for a second
              against the embedded server
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
              - duration: 1s
                miners: 5
                solve-rate: 5
            thresholds:
              - connected.max >= 5
              - unanswered == 0
            """;

    @TempDir
    Path dir;

    @Test
    void helpDocumentsTheOptionsAndTheExitCodes() {
        CliRun run = CliRun.of("run", "--help");
        assertEquals(0, run.exitCode(), run.err());
        for (String text : List.of("FILE", "--set", "KEY=VALUE", "--out", "--publish", "Exit codes:",
                "every threshold passed", "a threshold failed", "bad input", "did not get going",
                "interrupted",
                "Examples:")) {
            assertTrue(run.out().contains(text), text + " missing from:\n" + run.out());
        }
        assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith("0")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith("1")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith("2")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith("3")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith("130")), run.out());
    }

    @Test
    @Timeout(30)
    void aRunWhoseThresholdsAllPassExitsZeroAndWritesTheRunFolder() throws Exception {
        Path out = dir.resolve("pass");
        CliRun run = CliRun.of("run", write("tiny.yaml", TINY).toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(
                run.out().startsWith("scenario tiny: five miners for a second against the embedded server\n"),
                run.out());
        assertTrue(run.out().contains("PASS  connected.max >= 5  (measured 5.000)"), run.out());
        assertTrue(run.out().contains("PASS  unanswered == 0  (measured 0.000)"), run.out());
        assertEquals("", run.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("tiny", summary.get("scenario").asText());
        assertEquals(2, summary.get("thresholds").size(), summary.get("thresholds").toString());
        assertTrue(Files.exists(out.resolve("latency.hlog")));
        assertTrue(Files.exists(out.resolve("timeseries.csv")));
    }

    @Test
    @Timeout(30)
    void aFailedThresholdExitsOneAndSaysWhichWithItsMeasuredValue() throws Exception {
        Path out = dir.resolve("fail");
        CliRun run = CliRun.of("run", write("tiny.yaml", TINY).toString(), "--out", out.toString(), "--set",
                "thresholds.0=connected.max >= 1000000");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("FAIL  connected.max >= 1000000  (measured 5.000)"), run.out());
        assertTrue(run.out().contains("PASS  unanswered == 0"), run.out());
        JsonNode rule = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("thresholds")
                .get(0);
        assertEquals("connected.max >= 1000000", rule.get("rule").asText());
        assertEquals(5, rule.get("value").asDouble());
        assertEquals(false, rule.get("passed").asBoolean());
    }

    @Test
    void aBrokenScenarioFileExitsTwoWithOneLineNamingFileLineAndKey() {
        Path file = write("broken.yaml", TINY.replace("name: tiny", "name: tiny\nmax-miners: 3"));
        CliRun run = CliRun.of("run", file.toString(), "--out", dir.resolve("never").toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(
                "stratumlab run: " + file + " line 2: unknown key 'max-miners' at the top level; known keys: "
                        + "description, expect, miners, name, phases, seed, target, thresholds\n",
                run.err());
        assertEquals("", run.out());
        assertTrue(Files.notExists(dir.resolve("never")), "nothing runs before the whole file is checked");
    }

    @Test
    void aMissingScenarioFileExitsTwoWithOneLine() {
        Path missing = dir.resolve("missing.yaml");
        CliRun run = CliRun.of("run", missing.toString(), "--out", dir.resolve("never").toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals("stratumlab run: " + missing + ": no such file\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void aBadOverrideExitsTwoWithOneLine() {
        Path file = write("tiny.yaml", TINY);
        CliRun run = CliRun.of("run", file.toString(), "--set", "phases.3.duration=1s");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals("stratumlab run: --set 'phases.3.duration=1s': '3' is not an index of a list of 1\n",
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void aValueOfTheWrongTypeInAnOverrideNamesTheKeyAndTheTypeItTakes() {
        Path file = write("tiny.yaml", TINY);
        CliRun run = CliRun.of("run", file.toString(), "--set", "phases.0.miners=abc");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(
                "stratumlab run: " + file + " with --set phases.0.miners=abc: phases[0].miners: expected a "
                        + "whole number, was 'abc'\n",
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void aRunFolderThatHoldsAnEarlierRunOrIsAFileIsRefusedBeforeAnythingStarts() throws IOException {
        Path file = write("tiny.yaml", TINY);
        Path earlier = Files.createDirectories(dir.resolve("earlier"));
        Files.writeString(earlier.resolve("summary.json"), "{}");
        CliRun run = CliRun.of("run", file.toString(), "--out", earlier.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals("stratumlab run: --out: '" + earlier + "' already holds files; a run never overwrites "
                + "another's results: give a new or empty folder\n", run.err());
        assertEquals("", run.out());
        assertEquals("{}", Files.readString(earlier.resolve("summary.json")));

        run = CliRun.of("run", file.toString(), "--out", file.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals("stratumlab run: --out: '" + file + "' is a file, not a folder\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMissingFileArgumentIsAUsageError() {
        CliRun run = CliRun.of("run");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("Missing required parameter: 'FILE'"), run.err());
    }

    @Test
    @Timeout(30)
    void anUnreachableTargetDidNotGetGoingAndSaysSoOnOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path file = write("nowhere.yaml", """
                target:
                  external: 127.0.0.1:%d
                miners:
                  io-threads: 1
                  submit-timeout: 1s
                phases:
                  - duration: 1s
                    miners: 2
                thresholds:
                  - unanswered == 0
                """.formatted(closedPort));
        CliRun run = CliRun.of("run", file.toString(), "--out", dir.resolve("nowhere").toString());
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("stratumlab run: the run against 127.0.0.1:" + closedPort
                + " did not get going: no miner could connect (connect failed: ECONNREFUSED "), run.err());
    }

    private Path write(String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name), yaml);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

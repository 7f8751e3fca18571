package org.stratumlab.cli.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stratumlab.cli.CliRun;

class LoadgenCommandTest {
    @TempDir
    Path out;

    @Test
    void helpDocumentsTheOptionsAndTheEmbeddedServer() {
        CliRun run = CliRun.of("loadgen", "--help");
        assertEquals(0, run.exitCode(), run.err());
        for (String option : List.of("--target", "--miners", "--connect-rate", "--duration", "--solve-rate",
                "--hashrate", "--hashrate-dist", "--bad-shares", "--hostile", "--hostile-shares",
                "--session-lifetime", "--source-addresses",
                "--worker-prefix", "--password", "--seed", "--subscribe-timeout", "--submit-timeout",
                "--io-threads", "--pow", "--grind-threads", "--name", "--out", "--server.", "Examples:")) {
            assertTrue(run.out().contains(option), option + " missing from:\n" + run.out());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--server.difficulty=0|--server.difficulty",
            "--server.nope=1|--server.nope",
            "--target nohost|--target",
            "--target 127.0.0.1:0|--target",
            "--target 127.0.0.1:x|--target",
            "--bad-shares wrong=1|--bad-shares",
            "--bad-shares invalid=0.7,stale=0.7|--bad-shares",
            "--hostile 1.5|--hostile",
            "--hostile 0.2 --hostile-shares bogus=1|--hostile-shares",
            "--hostile-shares invalid=1|--hostile-shares needs --hostile",
            "--hashrate 1e6 --hashrate-dist gamma:2|--hashrate-dist",
            "--solve-rate 1 --hashrate 5|--solve-rate",
            "--source-addresses 127.0.0.9-127.0.0.1|--source-addresses",
            "--server.window=2 --target 127.0.0.1:9|--server.window",
            "--duration 5x|--duration",
            "--pow sha256|--pow",
            "--pow keccak --server.pow=octopus|--server.pow",
            "--grind-threads 0|--grind-threads",
            "--miners 0|miners",
            "--miners 100000000|--miners: 100000000 is more than one process can connect on loopback: at most 3570000",
            "--io-threads 100000|--io-threads: must be in 1..1024",
            "--io-threads 0|--io-threads: must be in 1..1024"})
    void badInputIsOneLineNamingTheOptionWithExitCodeTwo(String args, String named) {
        CliRun run = CliRun.of(("loadgen " + args).split(" "));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("stratumlab loadgen: "), run.err());
        assertTrue(run.err().contains(named), "'" + named + "' not named in: " + run.err());
        assertEquals("", run.out());
    }

    @Test
    void anOutFolderThatCannotTakeTheRunIsRefusedBeforeAnythingStarts() throws Exception {
        Path file = Files.writeString(out.resolve("a-file"), "not a folder");
        Path full = Files.createDirectories(out.resolve("earlier-run"));
        Files.writeString(full.resolve("summary.json"), "{}");
        for (String[] dirAndReason : new String[][]{{file.toString(), "is a file, not a folder"},
                {file.resolve("run").toString(), "cannot be created: "},
                {full.toString(), "already holds files; a run never overwrites another's results"}}) {
            CliRun run = CliRun.of("loadgen", "--miners", "1", "--duration", "1s", "--out", dirAndReason[0]);
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("stratumlab loadgen: --out: '" + dirAndReason[0] + "' "
                    + dirAndReason[1]), run.err());
            assertEquals("", run.out(), "no embedded server started");
        }
        assertEquals("{}", Files.readString(full.resolve("summary.json")), "the earlier run is untouched");
        assertEquals(List.of(full.resolve("summary.json")), Files.list(full).toList());
    }

    @Test
    void aMetricsPortInUseNamesTheEmbeddedServersMetricsOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("loadgen", "--miners", "1", "--duration", "1s", "--out",
                    out.resolve("run").toString(), "--server.metrics-port=" + taken.getLocalPort());
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(
                    run.err().startsWith("stratumlab loadgen: --server.metrics-port: cannot serve metrics on "
                            + "127.0.0.1:" + taken.getLocalPort()),
                    run.err());
            assertEquals("", run.out(), "no miner started");
        }
    }

    @Test
    void embeddedServerOptionsAreNamedAsTheUserWroteThem() {
        assertEquals(
                "stratumlab loadgen: Unknown option: '--server.nope=1' (see 'stratumlab loadgen --help')",
                CliRun.of("loadgen", "--server.nope=1").err().strip());
        assertTrue(CliRun.of("loadgen", "--server.difficulty=0").err()
                .startsWith("stratumlab loadgen: Invalid value for option '--server.difficulty': "));
    }

    @Test
    @Timeout(60)
    void aGeneratorAskedForMoreThanItCanSendFailsWithExitFourUnlessAllowed() throws Exception {
        // A million solutions a second for each of ten miners: no machine sends that, and the run must say so.
        String[] args = {"loadgen", "--miners", "10", "--solve-rate", "1000000", "--duration", "2s",
                "--io-threads", "1", "--server.difficulty=1", "--server.block-interval=0",
                "--server.new-job-on-solution=false", "--server.notify-on-subscribe",
                "--server.io-threads=1"};
        CliRun run = CliRun.of(with(args, "--out", out.resolve("short").toString()));
        assertEquals(4, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("stratumlab loadgen: the generator sent "), run.err());
        assertTrue(run.out().contains("owed "), run.out());
        JsonNode generator = new ObjectMapper().readTree(out.resolve("short/summary.json").toFile())
                .path("generator");
        assertTrue(generator.path("owed").asLong() > 0, generator.toString());
        assertTrue(generator.path("shortfall").asText().startsWith("the generator sent "),
                generator.toString());
        // What producing the load cost, the embedded server's included (it ran in this process).
        assertTrue(generator.path("cpuSeconds").asDouble() > 0, generator.toString());
        assertTrue(generator.path("cpuSecondsPer10kSubmits").asDouble() > 0, generator.toString());
        assertTrue(generator.path("cpuIncludesServer").asBoolean(), generator.toString());
        assertTrue(run.out().contains("cost     generator "), run.out());
        assertTrue(run.out().contains("(includes the embedded server, same process)"), run.out());

        CliRun allowed = CliRun
                .of(with(args, "--out", out.resolve("allowed").toString(), "--allow-shortfall"));
        assertEquals(0, allowed.exitCode(), allowed.err());
    }

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    @Timeout(60)
    void powOctopusMinesWhatTheEmbeddedServerThenChecksAndTheSummarySaysWhatWasGround() throws Exception {
        // 8 s: both ends build a stage-0 cache first (under a second each when quiet, several when loaded).
        CliRun run = CliRun.of("loadgen", "--pow", "octopus", "--miners", "2", "--duration", "8s",
                "--solve-rate", "2", "--out", out.toString(), "--io-threads", "1", "--server.height=1",
                "--server.difficulty=4", "--server.block-interval=0", "--server.new-job-on-solution=false",
                "--server.notify-on-subscribe");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("grinding octopus on "), run.out());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("octopus", summary.path("settings").path("server").path("pow").asText(),
                summary.toString());
        assertEquals("octopus", summary.path("grinding").path("pow").asText());
        long sent = summary.path("submits").path("sent").asLong();
        assertTrue(sent > 0, summary.toString());
        assertEquals(sent, summary.path("submits").path("accepted").asLong(), summary.toString());
    }

    @Test
    @Timeout(30)
    void aTinyRunAgainstTheEmbeddedServerPrintsTheTableAndWritesTheSummary() throws Exception {
        CliRun run = CliRun.of("loadgen", "--miners", "5", "--duration", "2s", "--solve-rate", "5", "--out",
                out.toString(), "--io-threads", "1", "--server.difficulty=1", "--server.block-interval=0",
                "--server.new-job-on-solution=false", "--server.notify-on-subscribe",
                "--server.io-threads=1");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("embedded server listening on 127.0.0.1:"), run.out());
        // A busy machine may connect fewer than five in a 1 s run: the line is there, with what was reached.
        assertTrue(
                run.out().lines().anyMatch(
                        l -> l.matches("miners   target 5  connected max [1-5]  subscribed [0-5] .*")),
                run.out());
        assertTrue(run.out().contains("submits  sent "), run.out());
        assertTrue(run.out().contains("results in " + out), run.out());
        for (String metric : List.of("submit", "submitService", "connect", "subscribe", "notifySkew")) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(metric + " ")),
                    metric + " row in " + run.out());
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode submits = summary.get("submits");
        assertTrue(submits.get("sent").asLong() > 0, submits.toString());
        assertEquals(submits.get("sent").asLong(), submits.get("accepted").asLong(),
                "difficulty 1 accepts every submit, and none starts after the drain: " + submits);
        assertEquals("1", summary.get("settings").get("server").get("difficulty").asText());
        assertTrue(Files.exists(out.resolve("latency.hlog")));
        assertTrue(Files.exists(out.resolve("timeseries.csv")));
        // What makes a result reproducible: the checkout's commit (when run from one) and the load around it.
        assertTrue(summary.path("machine").path("loadAtStart").asText().matches("[0-9.]+ [0-9.]+ [0-9.]+"),
                summary.path("machine").toString());
        assertTrue(summary.path("machine").path("loadAtEnd").asText().matches("[0-9.]+ [0-9.]+ [0-9.]+"),
                summary.path("machine").toString());
        String head = gitHead();
        String recorded = summary.path("invocation").path("gitCommit").asText();
        assertTrue(
                head.isEmpty()
                        ? recorded.isEmpty()
                        : recorded.equals(head) || recorded.equals(head + "-dirty"),
                "recorded '" + recorded + "', checkout at '" + head + "'");
    }

    /** @return the commit git reports for the working directory, or empty outside a checkout */
    private static String gitHead() throws Exception {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor() == 0 ? out : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    @Timeout(30)
    void aTargetWhereNothingListensIsReportedOnOneLine() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String target = "127.0.0.1:" + port;
        CliRun run = CliRun.of("loadgen", "--target", target, "--miners", "2", "--duration", "1s", "--out",
                out.toString(), "--io-threads", "1");
        assertNotEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(target), run.err());
    }
}

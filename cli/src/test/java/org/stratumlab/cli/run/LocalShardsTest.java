package org.stratumlab.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.ChildCommand;
import org.stratumlab.cli.CliRun;
import org.stratumlab.cli.ServerProcess;
import org.stratumlab.loadgen.record.LatencyLogFile;
import org.stratumlab.loadgen.record.LatencyStatistics;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.testing.Prometheus;

/**
 * The headline of sharding: {@code run FILE --shards 3 --local} starts three shard processes against one
 * {@code stratumlab server} process (a JVM of its own on loopback, with its Prometheus endpoint), and their merge
 * counts exactly what the server counted: every submit, accepted or rejected for each reason; its latencies are
 * the shards' histograms added; and a shard missing or foreign is refused. A few seconds of load, thirty miners.
 */
@Timeout(240)
class LocalShardsTest {
    /**
     * Thirty miners against the server whose port it is formatted with, for a few seconds; every kind of bad share,
     * so that each rejection reason is counted on both sides.
     */
    static final String SCENARIO = """
            name: sharded
            description: thirty miners in shards against one server process
            target:
              external: 127.0.0.1:%d
            miners:
              io-threads: 1
              grind-threads: 1
              submit-timeout: 3s
            phases:
              - name: warm
                duration: 3s
                miners: 30
                connect-rate: 1000
                solve-rate: 5
                bad-shares: invalid=0.08,stale=0.08,duplicate=0.08,malformed=0.08
              - name: steady
                duration: 2s
            thresholds:
              - sent > 0
              - unanswered == 0
              - errors == 0
            expect:                   # a machine busy with other work slows the shards' start and lag
              all-subscribed: false
              generator-keeps-up: false
            """;

    /**
     * The simulator the shards run against: jobs every half second and a window of two, so that each kind of bad
     * share meets its rejection; the current job on subscribe, so that every miner submits from its first second.
     * The parent of a run (the stratumlab command, without the tests' JVM options) starts its shards the same way.
     */
    static final String[] SERVER_OPTIONS = {"--difficulty", "4", "--window", "2", "--block-interval",
            "500ms", "--new-job-on-solution=false", "--notify-on-subscribe", "--io-threads", "1"};

    @TempDir
    static Path dir;
    private static ServerProcess server;
    private static Path file;
    private static Path runDir;
    private static CliRun run;
    private static String countersBefore;
    private static String countersAfter;

    @BeforeAll
    static void runThreeShardsAgainstOneServer() throws Exception {
        server = ServerProcess.start(SERVER_OPTIONS);
        file = dir.resolve("sharded.yaml");
        Files.writeString(file, SCENARIO.formatted(server.port()));
        runDir = dir.resolve("run");
        countersBefore = server.scrape();
        Process parent = new ProcessBuilder(
                ChildCommand.of(List.of(), "run", file.toString(), "--shards", "3", "--local", "--out",
                        runDir.toString()))
                .redirectErrorStream(true).start();
        parent.getOutputStream().close();
        String output = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // until it ends
        assertTrue(parent.waitFor(120, TimeUnit.SECONDS), "it ends: " + output);
        run = new CliRun(parent.exitValue(), output, "");
        countersAfter = server.scrape();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theMergeCountsExactlyWhatTheServerCounted() {
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Summary merged = SummaryFile.read(runDir.resolve("summary.json"));
        Summary.Submits submits = merged.submits();
        String both = "merged " + submits + "; server: " + countersAfter;
        assertEquals(served("accepted"), submits.accepted(), both);
        assertEquals(served("stale"), submits.rejected().stale(), both);
        assertEquals(served("incorrect"), submits.rejected().incorrect(), both);
        assertEquals(served("duplicate"), submits.rejected().duplicate(), both);
        assertEquals(served("malformed"), submits.rejected().other(), both);
        assertEquals(served("accepted") + served("stale") + served("incorrect") + served("duplicate")
                + served("malformed"), submits.sent(), both);
        assertEquals(0, submits.errors() + submits.unanswered(), both);
        for (long each : List.of(submits.rejected().stale(), submits.rejected().incorrect(),
                submits.rejected().duplicate(), submits.rejected().other())) {
            assertTrue(each > 0, "every kind of rejection happened: " + submits);
        }
        assertTrue(
                delta("stratum_requests_total{method=\"mining.subscribe\"}") >= merged.miners().subscribed(),
                "the server read the subscribe of every miner that subscribed: " + merged.miners());
        assertTrue(merged.miners().subscribed() > 0, merged.miners().toString());
        assertEquals(30, merged.miners().target());
        assertTrue(merged.thresholdsPassed(), merged.thresholds().toString());
        assertEquals(submits.sent(), merged.phases().stream().mapToLong(p -> p.submits().sent()).sum(),
                "the phases' submits add up to the run's");
    }

    @Test
    void theMergedHistogramsAreTheShardsAdded() {
        Summary merged = SummaryFile.read(runDir.resolve("summary.json"));
        LatencyLogFile log = LatencyLogFile.read(runDir.resolve(Metric.LATENCY_LOG_FILE));
        List<LatencyLogFile> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shards.add(LatencyLogFile.read(runDir.resolve("shard-" + i).resolve(Metric.LATENCY_LOG_FILE)));
        }
        for (Metric metric : List.of(Metric.SUBMIT, Metric.SUBMIT_HONEST, Metric.SUBMIT_SERVICE,
                Metric.CONNECT,
                Metric.SUBSCRIBE, Metric.LAG)) {
            Histogram sum = new Histogram(3);
            shards.forEach(shard -> shard.samples().forEach(s -> sum.add(s.of(metric))));
            Histogram total = new Histogram(3);
            log.samples().forEach(s -> total.add(s.of(metric)));
            assertEquals(sum, total, metric.tag());
            if (metric != Metric.LAG) { // the lag judged leaves out each shard's warm-up
                assertEquals(LatencyStatistics.of(sum), merged.latencyUs().of(metric), metric.tag());
            }
        }
        long skews = 0;
        for (int i = 0; i < 3; i++) {
            Summary shard = SummaryFile.read(runDir.resolve("shard-" + i).resolve("summary.json"));
            assertEquals(new Summary.Shard(i, 3, shard.shard().scenarioSeed(), shard.shard().seed(),
                    shard.shard().scenarioDigest(), merged.merge().startAt()), shard.shard());
            assertEquals(10, shard.miners().target(), "a third of the miners each");
            skews += shard.latencyUs().notifySkew().count();
        }
        assertEquals(skews, merged.latencyUs().notifySkew().count(), "every receipt once, across the shards");
        assertTrue(run.out().contains("merged 3 shards into " + runDir), run.out());
        String report = readString(runDir.resolve("report.html"));
        assertTrue(report.contains("merged from"), "the report names the shards");
    }

    @Test
    void eachShardRanExactlyWhatShardLaunchBuilds() {
        Summary merged = SummaryFile.read(runDir.resolve("summary.json"));
        ShardLaunch launch = new ShardLaunch(file, List.of(), 3, Instant.parse(merged.merge().startAt()),
                runDir, null, true);
        for (int i = 0; i < 3; i++) {
            List<String> expected = new ArrayList<>(List.of("stratumlab"));
            expected.addAll(launch.arguments(i));
            assertEquals(expected, merged.merge().from().get(i).commandLine(), "shard " + i);
            assertEquals(Map.of("JOB_COMPLETION_INDEX", Integer.toString(i)), launch.environment(i));
        }
    }

    @Test
    void aMissingOrForeignShardIsRefusedInOneLine() throws IOException {
        Path shard0 = runDir.resolve("shard-0");
        Path shard1 = runDir.resolve("shard-1");
        Path out = dir.resolve("refused");
        CliRun missing = CliRun.of("report", "merge", shard0.toString(), shard1.toString(), "--out",
                out.toString());
        assertEquals(2, missing.exitCode(), missing.out() + missing.err());
        assertEquals("stratumlab report merge: shard 2 of 3 missing (see 'stratumlab report merge --help')",
                missing.err().strip());
        assertFalse(Files.exists(out), "nothing is written");

        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        try (Stream<Path> files = Files.list(runDir.resolve("shard-2"))) {
            for (Path f : files.toList()) {
                Files.copy(f, foreign.resolve(f.getFileName()));
            }
        }
        Path summary = foreign.resolve("summary.json");
        Summary shard = SummaryFile.read(summary);
        String seed = "\"scenarioSeed\" : " + shard.shard().scenarioSeed();
        assertTrue(readString(summary).contains(seed), seed);
        Files.writeString(summary, readString(summary).replace(seed,
                "\"scenarioSeed\" : " + (shard.shard().scenarioSeed() + 1)));
        CliRun alien = CliRun.of("report", "merge", shard0.toString(), shard1.toString(), foreign.toString(),
                "--out", out.toString());
        assertEquals(2, alien.exitCode(), alien.out() + alien.err());
        assertEquals(1, alien.err().lines().count(), alien.err());
        assertTrue(alien.err().startsWith("stratumlab report merge: " + foreign + ": scenario seed "),
                alien.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    private static long served(String result) {
        return delta("stratum_submits_total{result=\"" + result + "\"}");
    }

    private static long delta(String series) {
        return Math.round(Prometheus.value(countersAfter, series) - Prometheus.value(countersBefore, series));
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

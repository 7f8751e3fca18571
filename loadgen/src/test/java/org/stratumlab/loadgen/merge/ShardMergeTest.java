package org.stratumlab.loadgen.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.record.LatencyLogFile;
import org.stratumlab.loadgen.run.LoadConfig;
import org.stratumlab.loadgen.run.LoadRun;
import org.stratumlab.loadgen.run.Phase;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.loadgen.shard.Shard;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.results.TimeSeriesColumn;
import org.stratumlab.results.TimeSeriesRow;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.StratumServer;

/**
 * Merging shards' run folders, made by real runs against one server on loopback: a merge of one shard gives back
 * that shard's files and figures exactly; two shards of one run add up (counts, histograms, each notify receipt
 * once); and folders that are not every shard of one run are refused in one line naming the folder.
 */
@Timeout(120)
class ShardMergeTest {
    private static final String DIGEST = "5c".repeat(32);
    private static final String OTHER_DIGEST = "a7".repeat(32);

    @TempDir
    static Path dir;
    private static StratumServer server;
    private static Path alone;
    private static List<Path> pair;

    @BeforeAll
    static void runShards() throws Exception {
        // New jobs every 400 ms, broadcast to every miner: notify skew across the shards has something to measure.
        server = StratumServer.start(ServerConfig.builder().port(0).ioThreads(1).newJobOnSolution(false)
                .notifyOnSubscribe(true).blockIntervalNs(TimeUnit.MILLISECONDS.toNanos(400)).build());
        alone = dir.resolve("alone/shard-0");
        Runs.run(shard(new Shard(0, 1), DIGEST, alone, null));
        Instant startAt = Instant.now().plusSeconds(3);
        pair = List.of(dir.resolve("pair/shard-0"), dir.resolve("pair/shard-1"));
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<LoadRun.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                LoadConfig config = shard(new Shard(i, 2), DIGEST, pair.get(i), startAt);
                runs.add(both.submit(() -> Runs.run(config)));
            }
            for (Future<LoadRun.Result> run : runs) {
                run.get();
            }
        } finally {
            both.shutdownNow();
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Eight miners (four a shard of two) over two phases, every kind of bad share among their submits. */
    private static LoadConfig shard(Shard shard, String digest, Path out, Instant startAt) {
        FleetSettings fleet = Fleets.of(8, 20)
                .badShares("invalid=0.05,stale=0.05,duplicate=0.05,malformed=0.05")
                .build();
        List<Phase> phases = new ArrayList<>();
        for (String name : List.of("warm", "steady")) {
            phases.add(new Phase(name, TimeUnit.MILLISECONDS.toNanos(1500), fleet.miners(),
                    fleet.connectRatePerSecond(), fleet.solveRatePerSecond(), 0, fleet.hashrates(),
                    fleet.badShares(), 0, Phase.ServerAction.NONE));
        }
        try {
            Files.createDirectories(out); // as the run command claims its folder
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Runs.phased(fleet, server.localAddress(), null, phases, out).forShard(shard, digest)
                .startingAt(startAt);
    }

    @Test
    void aMergeOfOneShardGivesBackItsFilesAndFiguresExactly() throws IOException {
        Path out = Files.createDirectories(dir.resolve("alone-merged"));
        ShardMerge merge = ShardMerge.of(List.of(alone), null);
        merge.writeTo(out);
        Summary shard = SummaryFile.read(alone.resolve("summary.json"));
        Summary merged = SummaryFile.read(out.resolve("summary.json"));
        assertEquals(merge.summary(), merged, "what was written is what the merge made");
        assertTrue(shard.submits().sent() > 0 && shard.submits().rejectedTotal() > 0,
                shard.submits().toString());
        assertTrue(shard.latencyUs().notifySkew().count() > 0, "jobs were broadcast: " + shard.latencyUs());

        assertEquals(shard.scenario(), merged.scenario());
        assertEquals(shard.startedAt(), merged.startedAt());
        assertEquals(shard.durationS(), merged.durationS());
        assertEquals(shard.submits(), merged.submits());
        assertEquals(shard.miners(), merged.miners());
        assertEquals(shard.notifies(), merged.notifies());
        assertEquals(shard.latencyUs(), merged.latencyUs());
        assertEquals(shard.phases(), merged.phases());
        assertEquals(shard.generator(), merged.generator());
        assertEquals(shard.grinding(), merged.grinding());
        assertEquals(shard.errors(), merged.errors());
        assertEquals(shard.thresholds(), merged.thresholds());
        assertEquals(shard.startFailure(), merged.startFailure());
        assertEquals(shard.interrupted(), merged.interrupted());
        assertEquals(shard.plannedDurationS(), merged.plannedDurationS());
        assertEquals(shard.settings(), merged.settings());
        assertNull(merged.shard(), "a merge is not a shard");
        Summary.Merge from = merged.merge();
        assertEquals(1, from.shards());
        assertEquals(DIGEST, from.scenarioDigest());
        assertEquals(alone.toString(), from.from().get(0).dir());
        assertEquals(shard.machine(), from.from().get(0).machine(),
                "each shard's machine, its load included");

        assertEquals(TimeSeriesRow.read(alone.resolve(TimeSeriesColumn.FILE_NAME)),
                TimeSeriesRow.read(out.resolve(TimeSeriesColumn.FILE_NAME)));
        LatencyLogFile before = LatencyLogFile.read(alone.resolve(Metric.LATENCY_LOG_FILE));
        LatencyLogFile after = LatencyLogFile.read(out.resolve(Metric.LATENCY_LOG_FILE));
        assertEquals(before.baseEpochMs(), after.baseEpochMs());
        assertEquals(before.samples().size(), after.samples().size());
        for (int i = 0; i < before.samples().size(); i++) {
            for (Metric metric : Metric.values()) {
                Histogram b = before.samples().get(i).of(metric);
                Histogram a = after.samples().get(i).of(metric);
                assertEquals(b, a, metric + " of sample " + i);
                assertEquals(b.getStartTimeStamp(), a.getStartTimeStamp(), metric + " of sample " + i);
                assertEquals(b.getEndTimeStamp(), a.getEndTimeStamp(), metric + " of sample " + i);
            }
        }
        for (Metric metric : Metric.values()) {
            assertEquals(Files.readString(alone.resolve(metric.percentileFile())),
                    Files.readString(out.resolve(metric.percentileFile())), metric.percentileFile());
        }
    }

    @Test
    void twoShardsOfOneRunAddUp() throws IOException {
        Path out = Files.createDirectories(dir.resolve("pair-merged"));
        ShardMerge merge = ShardMerge.of(List.of(pair.get(1), pair.get(0)), null);
        merge.writeTo(out);
        Summary merged = merge.summary();
        List<Summary> shards = pair.stream().map(p -> SummaryFile.read(p.resolve("summary.json"))).toList();
        assertEquals(List.of(4L, 4L), shards.stream().map(s -> s.miners().target()).toList());
        assertEquals(8, merged.miners().target());
        assertEquals(shards.stream().mapToLong(s -> s.submits().sent()).sum(), merged.submits().sent());
        assertEquals(shards.stream().mapToLong(s -> s.submits().accepted()).sum(),
                merged.submits().accepted());
        assertEquals(shards.stream().mapToLong(s -> s.submits().rejectedTotal()).sum(),
                merged.submits().rejectedTotal());
        assertEquals(shards.stream().mapToLong(s -> s.notifies().received()).sum(),
                merged.notifies().received());
        for (int k = 0; k < 2; k++) {
            int phase = k;
            assertEquals(shards.stream().mapToLong(s -> s.phases().get(phase).submits().sent()).sum(),
                    merged.phases().get(phase).submits().sent(), "phase " + k);
        }

        // Latencies: the merged log's histograms are the shards' added, and the summary's figures are theirs.
        LatencyLogFile log = LatencyLogFile.read(out.resolve(Metric.LATENCY_LOG_FILE));
        for (Path shard : pair) {
            LatencyLogFile own = LatencyLogFile.read(shard.resolve(Metric.LATENCY_LOG_FILE));
            assertTrue(own.samples().get(0).of(Metric.CONNECT).getStartTimeStamp() >= own.baseEpochMs(),
                    "a shard that waited for its start logs no interval before it (HdrHistogram's tools skip one)");
        }
        for (Metric metric : List.of(Metric.SUBMIT, Metric.SUBMIT_SERVICE, Metric.CONNECT, Metric.SUBSCRIBE,
                Metric.LAG)) {
            Histogram sum = new Histogram(3);
            for (Path shard : pair) {
                LatencyLogFile.read(shard.resolve(Metric.LATENCY_LOG_FILE)).samples()
                        .forEach(s -> sum.add(s.of(metric)));
            }
            Histogram mergedTotal = new Histogram(3);
            log.samples().forEach(s -> mergedTotal.add(s.of(metric)));
            assertEquals(sum, mergedTotal, metric.tag());
            assertEquals(sum.getTotalCount(), merged.latencyUs().of(metric).count(), metric.tag());
            assertEquals(sum.getValueAtPercentile(99), merged.latencyUs().of(metric).p99(), metric.tag());
        }

        // Notify skew: every receipt the shards counted once, now measured from the first receipt of either.
        long skewCount = shards.stream().mapToLong(s -> s.latencyUs().notifySkew().count()).sum();
        assertTrue(skewCount > 0, "jobs were broadcast");
        assertEquals(skewCount, merged.latencyUs().notifySkew().count());
        assertTrue(merged.latencyUs().notifySkew().max() >= shards.stream()
                .mapToLong(s -> s.latencyUs().notifySkew().max()).max().orElseThrow());
        long jobs = Stream.of(pair.get(0), pair.get(1))
                .flatMap(p -> org.stratumlab.results.NotifyReceiptsFile
                        .read(p.resolve("notify-receipts.jsonl")).stream())
                .map(org.stratumlab.results.NotifyReceiptsFile.JobReceipts::powHash).distinct().count();
        assertEquals(jobs, merged.notifies().jobs());

        assertEquals(2, merged.merge().shards());
        assertNotNull(merged.merge().startAt());
        assertEquals(List.of(pair.get(0).toString(), pair.get(1).toString()),
                merged.merge().from().stream().map(Summary.MergedShard::dir).toList(), "by index");
    }

    @Test
    void foldersThatAreNotEveryShardOfOneRunAreRefusedInOneLineNamingTheFolder() throws IOException {
        assertEquals("shard 1 of 2 missing", refusal(List.of(pair.get(0))));
        Path again = copy(pair.get(0), dir.resolve("refused/again"));
        assertEquals(again + ": shard 0 of 2 again (" + pair.get(0) + " is shard 0 of 2 too)",
                refusal(List.of(pair.get(0), again, pair.get(1))));
        assertEquals(alone + ": one of 1 shards, against " + pair.get(0) + "'s 2: not the same sharded run",
                refusal(List.of(pair.get(0), alone)));
        Path foreign = copy(pair.get(1), dir.resolve("refused/foreign"));
        rewrite(foreign, DIGEST, OTHER_DIGEST);
        assertEquals(foreign + ": another scenario or other overrides (scenario digest a7a7a7a7a7a7… against "
                + pair.get(0) + "'s 5c5c5c5c5c5c…)", refusal(List.of(pair.get(0), foreign)));
        Path empty = Files.createDirectories(dir.resolve("refused/empty"));
        assertEquals(empty + ": not a run directory (no summary.json)", refusal(List.of(pair.get(0), empty)));
        assertEquals(dir.resolve("nowhere") + ": no such run directory",
                refusal(List.of(dir.resolve("nowhere"))));
    }

    private static String refusal(List<Path> dirs) {
        return assertThrows(IllegalArgumentException.class, () -> ShardMerge.of(dirs, null)).getMessage();
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    private static void rewrite(Path run, String from, String to) throws IOException {
        Path summary = run.resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replace(from, to));
    }
}

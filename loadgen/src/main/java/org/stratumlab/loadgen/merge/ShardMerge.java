package org.stratumlab.loadgen.merge;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.stratumlab.loadgen.record.LatencyLogWriter;
import org.stratumlab.loadgen.record.PercentileFiles;
import org.stratumlab.loadgen.scenario.ScenarioRun;
import org.stratumlab.loadgen.threshold.Threshold;
import org.stratumlab.results.Metric;
import org.stratumlab.results.NotifyReceiptsFile;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.results.TimeSeriesColumn;
import org.stratumlab.results.TimeSeriesRow;

/**
 * Merges the run folders of a sharded run's shards into one run folder, as exact as the shards' own records: the
 * same files a run writes ({@code summary.json}, {@code latency.hlog}, the {@code .hgrm} files,
 * {@code timeseries.csv}, {@code notify-receipts.jsonl}), made from the shards' added histograms and counts
 * ({@link AlignedSamples}, {@link CrossShardSkew}, {@link MergedSummary}), then judged by the scenario's
 * thresholds as a run judges its own ({@link ScenarioRun#judged}). The shards must be every shard of one run
 * ({@link ShardSet}); anything else is refused in one line before a file is written.
 *
 * <p>A merge of one shard gives back that shard's figures: its summary's counts and percentiles exactly.
 */
public final class ShardMerge {
    private final List<AlignedSamples.Sample> samples;
    private final CrossShardSkew.Result skew;
    private final long baseEpochMs;
    private final Summary summary;

    private ShardMerge(List<AlignedSamples.Sample> samples, CrossShardSkew.Result skew, long baseEpochMs,
            Summary summary) {
        this.samples = samples;
        this.skew = skew;
        this.baseEpochMs = baseEpochMs;
        this.summary = summary;
    }

    /**
     * Reads the shards, checks that they belong together and merges them, writing nothing yet.
     *
     * @param dirs the shards' run folders, in any order
     * @param invocation the command that asked for the merge, recorded in its summary
     * @return the merge
     * @throws IllegalArgumentException one line naming the folder that cannot be merged, or the shard missing
     */
    public static ShardMerge of(List<Path> dirs, Summary.Invocation invocation) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("give the run folders of every shard");
        }
        List<ShardFolder> folders = new ArrayList<>();
        for (Path dir : dirs) {
            folders.add(ShardFolder.read(dir));
        }
        List<ShardFolder> shards = ShardSet.byIndex(folders);
        List<AlignedSamples.Sample> samples = AlignedSamples.of(shards);
        CrossShardSkew.Result skew = CrossShardSkew.add(shards, samples);
        Summary merged = MergedSummary.of(shards, samples, skew, invocation);
        List<Threshold> rules = shards.get(0).summary().thresholds().stream()
                .map(t -> Threshold.parse(t.rule())).toList();
        return new ShardMerge(samples, skew, shards.stream().mapToLong(s -> s.log().baseEpochMs()).min()
                .orElseThrow(), ScenarioRun.judged(merged, rules));
    }

    /** @return the merged summary, its thresholds judged */
    public Summary summary() {
        return summary;
    }

    /**
     * @param out the merged run folder: it exists, and holds none of the files a run writes
     * @throws IOException if a file cannot be written (or is there already)
     */
    public void writeTo(Path out) throws IOException {
        writeLog(out, baseEpochMs, samples);
        writeTimeSeries(out, samples);
        writeReceipts(out, skew);
        SummaryFile.write(summary, out.resolve(SummaryFile.FILE_NAME));
    }

    private static void writeLog(Path out, long baseEpochMs, List<AlignedSamples.Sample> samples)
            throws IOException {
        Map<Metric, Histogram> totals = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            totals.put(metric, new Histogram(3));
        }
        try (LatencyLogWriter log = new LatencyLogWriter(out.resolve(Metric.LATENCY_LOG_FILE), baseEpochMs)) {
            for (AlignedSamples.Sample sample : samples) {
                for (Metric metric : Metric.values()) {
                    Histogram interval = sample.byMetric().get(metric);
                    log.write(metric, interval);
                    totals.get(metric).add(interval);
                }
            }
        }
        PercentileFiles.write(out, totals);
    }

    private static void writeTimeSeries(Path out, List<AlignedSamples.Sample> samples) throws IOException {
        try (BufferedWriter csv = Files.newBufferedWriter(out.resolve(TimeSeriesColumn.FILE_NAME))) {
            csv.write(TimeSeriesColumn.headerLine());
            csv.newLine();
            for (AlignedSamples.Sample sample : samples) {
                TimeSeriesRow row = sample.row();
                csv.write(row.toLine());
                csv.newLine();
            }
        }
    }

    private static void writeReceipts(Path out, CrossShardSkew.Result skew) throws IOException {
        try (NotifyReceiptsFile.Writer receipts = NotifyReceiptsFile.Writer
                .create(out.resolve(NotifyReceiptsFile.FILE_NAME))) {
            for (NotifyReceiptsFile.JobReceipts job : skew.receipts()) {
                receipts.write(job);
            }
        }
    }
}

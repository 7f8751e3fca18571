package org.stratumlab.loadgen.merge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.stratumlab.loadgen.record.LatencyLogFile;
import org.stratumlab.results.Metric;
import org.stratumlab.results.NotifyReceiptsFile;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.results.TimeSeriesColumn;
import org.stratumlab.results.TimeSeriesRow;

/**
 * One shard's run folder, read and checked: its {@code summary.json} (with its {@code shard}), {@code latency.hlog}
 * sample by sample, {@code timeseries.csv} (one row per sample, in the same order) and {@code notify-receipts.jsonl}.
 *
 * @param dir the folder, as given
 * @param summary its summary
 * @param log its latency log
 * @param rows its time series, one row per sample of the log
 * @param receipts when each job reached its miners
 */
record ShardFolder(Path dir, Summary summary, LatencyLogFile log, List<TimeSeriesRow> rows,
        List<NotifyReceiptsFile.JobReceipts> receipts) {

    /** @return which shard it is */
    Summary.Shard shard() {
        return summary.shard();
    }

    /**
     * @param dir a shard's run folder
     * @return what it holds
     * @throws IllegalArgumentException one line naming the folder (or its file) when it is not a shard's run folder
     */
    static ShardFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    dir + (Files.exists(dir) ? ": not a directory" : ": no such run directory"));
        }
        if (!Files.exists(dir.resolve(SummaryFile.FILE_NAME))) {
            throw new IllegalArgumentException(
                    dir + ": not a run directory (no " + SummaryFile.FILE_NAME + ")");
        }
        Summary summary = SummaryFile.read(dir.resolve(SummaryFile.FILE_NAME));
        if (summary.partial()) {
            throw new IllegalArgumentException(dir + ": a partial run (killed or still running; its last "
                    + "checkpoint is of " + summary.checkpointAt() + "): merge finished shards");
        }
        if (summary.merge() != null) {
            throw new IllegalArgumentException(dir + ": already a merge of " + summary.merge().shards()
                    + " shards, not a shard: give the shards' own folders");
        }
        if (summary.shard() == null) {
            throw new IllegalArgumentException(dir + ": not a shard: its " + SummaryFile.FILE_NAME
                    + " has no shard (a run made without --shard or --shards)");
        }
        LatencyLogFile log = LatencyLogFile.read(dir.resolve(Metric.LATENCY_LOG_FILE));
        List<TimeSeriesRow> rows = TimeSeriesRow.read(dir.resolve(TimeSeriesColumn.FILE_NAME));
        if (rows.size() != log.samples().size()) {
            throw new IllegalArgumentException(dir + ": " + TimeSeriesColumn.FILE_NAME + " has " + rows.size()
                    + " rows and " + Metric.LATENCY_LOG_FILE + " " + log.samples().size()
                    + " samples; a run writes one of each per sample");
        }
        return new ShardFolder(dir, summary, log, rows,
                NotifyReceiptsFile.read(dir.resolve(NotifyReceiptsFile.FILE_NAME)));
    }
}

package org.stratumlab.report;

import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.stratumlab.results.Metric;
import org.stratumlab.results.TimeSeriesColumn;

/**
 * Everything a report draws from one run directory: {@code summary.json} and {@code latency.hlog} (both required)
 * and {@code timeseries.csv} (optional: published runs may keep only the first two, docs/architecture.md).
 *
 * @param dir the run directory
 * @param summary its summary.json
 * @param series its timeseries.csv, if present
 * @param latencies the whole run's histogram per metric, from latency.hlog
 */
record RunData(Path dir, Summary summary, Optional<TimeSeries> series, Map<Metric, Histogram> latencies) {
    static final String SUMMARY = SummaryFile.FILE_NAME;
    static final String LATENCY_LOG = Metric.LATENCY_LOG_FILE;
    static final String TIME_SERIES = TimeSeriesColumn.FILE_NAME;

    /**
     * @param dir a run directory
     * @return its files, read and checked
     * @throws IllegalArgumentException naming the directory or the file when something is missing or malformed
     */
    static RunData load(Path dir) {
        requireRunDirectory(dir);
        Summary summary = SummaryFile.read(dir.resolve(SUMMARY));
        Map<Metric, Histogram> latencies = LatencyLog.read(dir.resolve(LATENCY_LOG));
        return new RunData(dir, summary, TimeSeries.read(dir.resolve(TIME_SERIES)),
                olderRunsCompleted(summary,
                        latencies));
    }

    /**
     * A run from before hostile miners existed has no submit-honest samples though every miner was honest: its
     * honest miners' latency is its submit latency (the summary reader does the same for summary.json).
     */
    private static Map<Metric, Histogram> olderRunsCompleted(Summary summary,
            Map<Metric, Histogram> latencies) {
        boolean allHonest = summary.latencyUs().of(Metric.SUBMIT_HONEST).count() == summary.latencyUs()
                .of(Metric.SUBMIT)
                .count();
        if (!allHonest || latencies.get(Metric.SUBMIT_HONEST).getTotalCount() > 0) {
            return latencies;
        }
        Map<Metric, Histogram> completed = new EnumMap<>(latencies);
        completed.put(Metric.SUBMIT_HONEST, latencies.get(Metric.SUBMIT));
        return Collections.unmodifiableMap(completed);
    }

    /** @throws IllegalArgumentException unless {@code dir} is a directory */
    static void requireRunDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    dir + (Files.exists(dir) ? ": not a directory" : ": no such run directory"));
        }
    }

    /** @return the directory's own name, to tell runs apart on a page */
    String name() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }
}

package org.stratumlab.loadgen.record;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.stratumlab.results.Metric;

/**
 * Writes {@code latency.hlog}, HdrHistogram's interval log in microseconds: a header naming the tags, then each
 * metric's interval histogram under its tag, and the {@link Metric#UNTAGGED_IN_LOG} histogram once more without a
 * tag, which is what {@code HistogramLogProcessor} reads when given no {@code -tag}. A run writes its samples
 * through it, and so does a merge of shards, so that both logs read alike ({@link LatencyLogFile} reads them).
 */
public final class LatencyLogWriter implements AutoCloseable {
    private final PrintStream stream;
    private final HistogramLogWriter log;

    /**
     * @param file the log to create
     * @param startEpochMs the run's start: the log's base and start time, from which its timestamps count
     * @throws IOException if the file cannot be created
     */
    public LatencyLogWriter(Path file, long startEpochMs) throws IOException {
        this.stream = new PrintStream(Files.newOutputStream(file), false, "US-ASCII");
        this.log = new HistogramLogWriter(stream);
        log.outputComment(header());
        log.outputLogFormatVersion();
        log.setBaseTime(startEpochMs);
        log.outputBaseTime(startEpochMs);
        log.outputStartTime(startEpochMs);
        log.outputLegend();
    }

    /**
     * Writes one metric's interval, with its start and end timestamps; every metric of a sample is written, empty
     * ones too, so that {@code HistogramLogProcessor -tag T} finds histograms for any tag.
     *
     * @param metric the metric
     * @param interval what it recorded in the interval (its tag is set here)
     */
    public void write(Metric metric, Histogram interval) {
        if (metric == Metric.UNTAGGED_IN_LOG) {
            interval.setTag(null);
            log.outputIntervalHistogram(interval);
        }
        interval.setTag(metric.tag());
        log.outputIntervalHistogram(interval);
    }

    private static String header() {
        StringBuilder tags = new StringBuilder();
        for (Metric metric : Metric.values()) {
            tags.append(tags.length() == 0 ? "" : ", ").append(metric.tag());
        }
        return "Stratum Lab load run: latencies in microseconds; tags: " + tags + "; untagged: "
                + Metric.UNTAGGED_IN_LOG.tag() + " again, for HistogramLogProcessor without -tag";
    }

    @Override
    public void close() {
        stream.close();
    }
}

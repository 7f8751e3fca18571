package org.stratumlab.loadgen.record;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.stratumlab.results.Metric;

/**
 * Each metric's whole-run histogram as HdrHistogram's percentile distribution ({@code submit.hgrm}, the format
 * wrk2 writes and HdrHistogram's plotter reads), in milliseconds: written at the end of a run, and of a merge of
 * shards from the added histograms.
 */
public final class PercentileFiles {
    private PercentileFiles() {
    }

    /**
     * @param dir the run folder
     * @param totals every metric's whole-run histogram, in microseconds
     * @throws IOException if a file cannot be written
     */
    public static void write(Path dir, Map<Metric, Histogram> totals) throws IOException {
        for (Metric metric : Metric.values()) {
            try (PrintStream file = new PrintStream(
                    Files.newOutputStream(dir.resolve(metric.percentileFile())),
                    false, "US-ASCII")) {
                totals.get(metric).outputPercentileDistribution(file, Metric.PERCENTILE_FILE_UNIT_RATIO);
            }
        }
    }
}

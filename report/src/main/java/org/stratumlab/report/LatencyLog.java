package org.stratumlab.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.stratumlab.results.Metric;

/**
 * Reads a run's {@code latency.hlog} (an HdrHistogram interval log, one tag per {@link Metric}) and adds each
 * tag's interval histograms into one histogram for the whole run: histograms add losslessly, so the spectrum drawn
 * is the run's exact distribution, not an average of per-second percentiles. Tags the report does not know are
 * skipped, so that a later writer may add metrics.
 */
final class LatencyLog {
    private LatencyLog() {
    }

    /**
     * @param file a latency.hlog
     * @return the whole run's histogram per metric; a metric without samples has an empty histogram
     * @throws IllegalArgumentException if the file is missing, unreadable or not an interval log
     */
    static Map<Metric, Histogram> read(Path file) {
        Map<Metric, Histogram> totals = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            totals.put(metric, new Histogram(3));
        }
        try (InputStream in = Files.newInputStream(file)) {
            addAll(new HistogramLogReader(in), totals);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": not found");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // HdrHistogram reports a bad line or a corrupt histogram with assorted runtime exceptions.
            throw new IllegalArgumentException(
                    file + ": not a readable HdrHistogram interval log (" + e + ")");
        }
        return Collections.unmodifiableMap(totals);
    }

    private static void addAll(HistogramLogReader reader, Map<Metric, Histogram> totals) {
        EncodableHistogram interval;
        while ((interval = reader.nextIntervalHistogram()) != null) {
            Metric metric = byTag(interval.getTag());
            if (metric == null) {
                continue;
            }
            if (!(interval instanceof Histogram histogram)) {
                throw new IllegalArgumentException("tag " + interval.getTag()
                        + " holds a DoubleHistogram, expected integer microseconds");
            }
            totals.get(metric).add(histogram);
        }
    }

    private static Metric byTag(String tag) {
        for (Metric metric : Metric.values()) {
            if (metric.tag().equals(tag)) {
                return metric;
            }
        }
        return null;
    }
}

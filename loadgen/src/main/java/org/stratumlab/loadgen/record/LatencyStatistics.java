package org.stratumlab.loadgen.record;

import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Summary;

/**
 * How a histogram of microseconds becomes the percentiles of {@code summary.json}: the one computation, used by a
 * run for its whole-run and per-phase figures and by a merge of shards for the same figures of the added
 * histograms, so that a merge of one shard reproduces that shard's figures exactly.
 */
public final class LatencyStatistics {
    private LatencyStatistics() {
    }

    /**
     * @param h a metric's histogram, in microseconds
     * @return its count, mean (to 0.1), p50, p90, p99, p99.9 and max; all 0 when it is empty
     */
    public static Summary.Percentiles of(Histogram h) {
        long count = h.getTotalCount();
        if (count == 0) {
            return Summary.Percentiles.NONE;
        }
        return new Summary.Percentiles(count, Math.round(h.getMean() * 10) / 10.0, h.getValueAtPercentile(50),
                h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
                h.getMaxValue());
    }

    /**
     * @param h an interval's histogram, in microseconds
     * @param percentile e.g. 99
     * @return the value at that percentile, 0 when the interval recorded nothing: a row of timeseries.csv
     */
    public static long percentile(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile);
    }

    /**
     * @param histograms a histogram for every metric
     * @return their percentiles, as summary.json's {@code latencyUs}
     */
    public static Summary.Latencies of(Map<Metric, Histogram> histograms) {
        Map<Metric, Summary.Percentiles> byMetric = new EnumMap<>(Metric.class);
        histograms.forEach((metric, h) -> byMetric.put(metric, of(h)));
        return Summary.Latencies.of(byMetric);
    }
}

package org.stratumlab.loadgen.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A run's whole-run HdrHistogram (microseconds) as one Prometheus classic histogram in seconds, counted when a
 * scrape asks: each recorded value goes to the first bucket whose upper bound it does not pass, so that
 * {@code _count} is the histogram's total count, the figure summary.json gives, and {@code _sum} is the count
 * times the mean summary.json gives (within HdrHistogram's 3 significant digits).
 *
 * <p>Classic histograms rather than summaries of quantiles: buckets add up across shards and over time windows
 * ({@code histogram_quantile(0.99, sum by (le) (rate(..._bucket[1m]))))}), quantiles do not.
 */
final class LatencyBuckets {
    /**
     * The buckets' upper bounds in seconds: steps of 1, 2 and 5 from 10 µs (a loopback reply) to 10 s (the default
     * submit timeout), then +Inf.
     */
    static final double[] UPPER_BOUNDS_S = {1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2,
            5e-2, 0.1, 0.2, 0.5, 1, 2, 5, 10, Double.POSITIVE_INFINITY};
    private static final long[] UPPER_BOUNDS_US = new long[UPPER_BOUNDS_S.length];

    static {
        for (int i = 0; i < UPPER_BOUNDS_S.length; i++) {
            UPPER_BOUNDS_US[i] = Double.isInfinite(UPPER_BOUNDS_S[i])
                    ? Long.MAX_VALUE
                    : Math.round(UPPER_BOUNDS_S[i] * 1e6);
        }
    }

    private LatencyBuckets() {
    }

    /**
     * @param micros a histogram of microseconds; read, not changed
     * @param labels the data point's labels
     * @return its buckets, count and sum in seconds
     */
    static HistogramDataPointSnapshot of(Histogram micros, Labels labels) {
        long[] counts = new long[UPPER_BOUNDS_US.length];
        double sumUs = 0;
        for (HistogramIterationValue value : micros.recordedValues()) {
            long at = value.getValueIteratedTo();
            long n = value.getCountAtValueIteratedTo();
            // HdrHistogram keeps a sample as a range of equivalent values (3 significant digits); the range's
            // lowest value decides its bucket, so that a sample recorded at a bound is in that bound's bucket.
            counts[bucketOf(micros.lowestEquivalentValue(at))] += n;
            sumUs += micros.medianEquivalentValue(at) * (double) n;
        }
        return HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(UPPER_BOUNDS_S, counts)).sum(sumUs / 1e6)
                .labels(labels).build();
    }

    private static int bucketOf(long micros) {
        int i = 0;
        while (micros > UPPER_BOUNDS_US[i]) {
            i++;
        }
        return i;
    }
}

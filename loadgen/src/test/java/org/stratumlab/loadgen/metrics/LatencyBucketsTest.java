package org.stratumlab.loadgen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** A run's HdrHistogram of microseconds as Prometheus buckets in seconds: each sample in the bucket it belongs to. */
class LatencyBucketsTest {
    @Test
    void aSampleAtABoundIsInThatBucketAndOneAboveItInTheNext() {
        Histogram micros = new Histogram(3);
        for (long us : new long[]{10, 11, 999, 1_000, 1_001, 5_000_000, 20_000_000}) {
            micros.recordValue(us);
        }

        HistogramDataPointSnapshot point = LatencyBuckets.of(micros, Labels.of("shard", "0"));

        assertEquals(7, point.getCount(), "the histogram's total count");
        ClassicHistogramBuckets buckets = point.getClassicBuckets();
        assertEquals(LatencyBuckets.UPPER_BOUNDS_S.length, buckets.size());
        assertEquals(1, countAt(buckets, 1e-5), "10 µs");
        assertEquals(1, countAt(buckets, 2e-5), "11 µs");
        assertEquals(2, countAt(buckets, 1e-3), "999 µs and 1 ms");
        assertEquals(1, countAt(buckets, 2e-3), "1.001 ms");
        assertEquals(1, countAt(buckets, 5), "5 s");
        assertEquals(1, countAt(buckets, Double.POSITIVE_INFINITY), "20 s, past the last bound");
        assertEquals(micros.getMean() * 7 / 1e6, point.getSum(), 1e-9,
                "the count times the mean, in seconds");
    }

    @Test
    void anEmptyHistogramHasEveryBucketAtZero() {
        HistogramDataPointSnapshot point = LatencyBuckets.of(new Histogram(3), Labels.EMPTY);

        assertEquals(0, point.getCount());
        assertEquals(0, point.getSum());
    }

    /** @return the samples in the bucket of that upper bound alone (the model's counts are not cumulative) */
    private static long countAt(ClassicHistogramBuckets buckets, double upperBound) {
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.getUpperBound(i) == upperBound) {
                return buckets.getCount(i);
            }
        }
        throw new AssertionError("no bucket " + upperBound);
    }
}

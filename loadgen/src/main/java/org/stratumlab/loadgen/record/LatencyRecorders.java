package org.stratumlab.loadgen.record;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;
import org.HdrHistogram.ValueRecorder;
import org.stratumlab.results.Metric;

/**
 * One HdrHistogram recorder per metric, for one writer: an event loop's set takes {@link SingleWriterRecorder}s
 * (recording touches nothing another writer touches), the set for every other thread takes {@link Recorder}s
 * (any number of writers). The interval sampler swaps out each recorder's interval histogram and adds the sets
 * together, which HdrHistogram does without loss.
 *
 * <p>Calling pattern: a miner takes its event loop's set once ({@link LoadMetrics#recordersFor}) and records
 * into it from that loop only; code on any other thread records through {@link LoadMetrics#record}. Latencies are
 * recorded in microseconds with 3 significant digits (values below 1 µs count as 1 µs).
 */
public final class LatencyRecorders {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final ValueRecorder[] byMetric = new ValueRecorder[Metric.values().length];
    /** The interval histograms handed back to each recorder at the next swap; the sampler's thread only. */
    private final Histogram[] recycled = new Histogram[Metric.values().length];
    private final boolean singleWriter;

    private LatencyRecorders(boolean singleWriter) {
        this.singleWriter = singleWriter;
        for (Metric metric : Metric.values()) {
            byMetric[metric.ordinal()] = singleWriter
                    ? new SingleWriterRecorder(SIGNIFICANT_DIGITS)
                    : new Recorder(SIGNIFICANT_DIGITS);
        }
    }

    /** @return a set that only one thread at a time may record into (an event loop's) */
    static LatencyRecorders singleWriter() {
        return new LatencyRecorders(true);
    }

    /** @return a set that any thread may record into */
    static LatencyRecorders anyWriter() {
        return new LatencyRecorders(false);
    }

    /**
     * @param metric what was measured
     * @param nanos the latency in nanoseconds
     */
    public void record(Metric metric, long nanos) {
        byMetric[metric.ordinal()].recordValue(Math.max(1, nanos / 1000));
    }

    /**
     * @param metric what was measured
     * @param nanos the latency in nanoseconds
     * @param count how many samples had it
     */
    public void record(Metric metric, long nanos, long count) {
        byMetric[metric.ordinal()].recordValueWithCount(Math.max(1, nanos / 1000), count);
    }

    /**
     * Swaps out a metric's interval: what was recorded since the last swap. The sampler's thread only.
     *
     * @param metric the metric
     * @return its interval histogram, valid until the next swap of the same metric
     */
    Histogram takeInterval(Metric metric) {
        int i = metric.ordinal();
        Histogram interval = singleWriter
                ? ((SingleWriterRecorder) byMetric[i]).getIntervalHistogram(recycled[i])
                : ((Recorder) byMetric[i]).getIntervalHistogram(recycled[i]);
        recycled[i] = interval;
        return interval;
    }

    /** Forgets what was recorded so far: the next interval starts now. */
    void reset() {
        for (ValueRecorder recorder : byMetric) {
            recorder.reset();
        }
    }
}

package org.stratumlab.loadgen.record;

import org.stratumlab.results.Metric;

import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one phase of a run measured: its latencies and the counters at its start and end. Filled by the
 * {@link IntervalSampler} on its thread.
 */
public final class PhaseTotals {
    private final String name;
    private final double startSeconds;
    private final LoadMetrics.Counts atStart;
    private final Map<Metric, Histogram> latencies = new EnumMap<>(Metric.class);
    private double endSeconds;
    private LoadMetrics.Counts atEnd;
    private LoadMetrics.Counts atScheduledEnd;

    PhaseTotals(String name, double startSeconds, LoadMetrics.Counts atStart) {
        this.name = name;
        this.startSeconds = startSeconds;
        this.atStart = atStart;
        this.atEnd = atStart;
        this.endSeconds = startSeconds;
        for (Metric metric : Metric.values()) {
            latencies.put(metric, new Histogram(3));
        }
    }

    void add(Metric metric, Histogram interval) {
        latencies.get(metric).add(interval);
    }

    void end(double seconds, LoadMetrics.Counts counts) {
        endSeconds = seconds;
        atEnd = counts;
    }

    void markScheduledEnd(LoadMetrics.Counts counts) {
        atScheduledEnd = counts;
    }

    /**
     * @return the counters when the phase's time was up, before the run closed its miners (the last phase's
     *         {@link #atEnd()} comes after that, when replies in flight have been awaited)
     */
    public LoadMetrics.Counts atScheduledEnd() {
        return atScheduledEnd != null ? atScheduledEnd : atEnd;
    }

    /** @return the phase's name */
    public String name() {
        return name;
    }

    /** @return when it started, seconds into the run */
    public double startSeconds() {
        return startSeconds;
    }

    /** @return how long it lasted in seconds */
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    /** @return the counters when it began */
    public LoadMetrics.Counts atStart() {
        return atStart;
    }

    /** @return the counters when it ended (or now, while it runs) */
    public LoadMetrics.Counts atEnd() {
        return atEnd;
    }

    /** @return its latencies by metric */
    public Map<Metric, Histogram> latencies() {
        return latencies;
    }
}

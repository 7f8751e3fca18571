package org.stratumlab.loadgen.record;

import org.stratumlab.results.Metric;
import org.stratumlab.results.Outcome;
import org.stratumlab.results.TimeSeriesColumn;
import org.stratumlab.results.TimeSeriesRow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Once a second: swaps out each metric's interval histogram, writes it to {@code latency.hlog} under its tag,
 * adds it to the run's totals, and writes one row of {@code timeseries.csv} (docs/architecture.md, what a run writes).
 * At the end it writes each metric's whole-run percentile distribution to its {@code .hgrm} file.
 * Counting happens on the hot path; rates are computed here (Aeron's RateReporter pattern).
 *
 * <p>Every interval of every metric is logged, empty ones too ({@link LatencyLogWriter} says why and how), and
 * each sample is one row ({@link org.stratumlab.results.TimeSeriesRow}): the k-th row and the k-th interval of
 * each tag are the same sample, which is how a merge of shards knows an interval's phase.
 *
 * <p>Called from one thread only (the run's sampling thread).
 */
public final class IntervalSampler implements AutoCloseable {

    private final LoadMetrics metrics;
    private final Path outDir;
    private final long startNs;
    private final long startEpochMs;
    private final LatencyLogWriter hlog;
    private final BufferedWriter csv;
    private final Map<Metric, Histogram> totals = new EnumMap<>(Metric.class);
    private final Map<Metric, Histogram> intervals = new EnumMap<>(Metric.class);
    private final List<PhaseTotals> phases = new ArrayList<>();
    /** The generator's lag from intervals that began after the warm-up. */
    private final Histogram lagAfterWarmUp = new Histogram(3);
    private long intervalStartNs;
    private LoadMetrics.Counts previous;
    private Interval last;

    /**
     * @param metrics what to sample
     * @param outDir where latency.hlog and timeseries.csv go
     * @param startNs the run's start (System.nanoTime)
     * @param startEpochMs the run's start (wall clock), for the hlog's base time
     * @throws IOException if the files cannot be created
     */
    public IntervalSampler(LoadMetrics metrics, Path outDir, long startNs, long startEpochMs)
            throws IOException {
        this.metrics = metrics;
        this.outDir = outDir;
        this.startNs = startNs;
        Files.createDirectories(outDir);
        this.startEpochMs = startEpochMs;
        this.hlog = new LatencyLogWriter(outDir.resolve(Metric.LATENCY_LOG_FILE), startEpochMs);
        this.csv = Files.newBufferedWriter(outDir.resolve(TimeSeriesColumn.FILE_NAME));
        csv.write(TimeSeriesColumn.headerLine());
        csv.newLine();
        for (Metric metric : Metric.values()) {
            totals.put(metric, new Histogram(3));
            intervals.put(metric, new Histogram(3));
        }
        // The first interval starts now, not when the recorders were made (a moment before the log's start
        // time): HistogramLogProcessor skips an interval that starts before the log does.
        metrics.resetLatencies();
        this.previous = metrics.counts();
        this.intervalStartNs = startNs;
    }

    /**
     * Takes one interval's sample and writes it.
     *
     * @return what the interval held, for the progress line
     */
    public Interval sample() {
        for (Metric metric : Metric.values()) {
            Histogram interval = metrics.takeInterval(metric, intervals.get(metric));
            hlog.write(metric, interval);
            totals.get(metric).add(interval);
            if (metric == Metric.LAG && LagWarmUp.isAfter(interval.getStartTimeStamp(), startEpochMs)) {
                lagAfterWarmUp.add(interval);
            }
            if (!phases.isEmpty()) {
                phases.get(phases.size() - 1).add(metric, interval);
            }
        }
        LoadMetrics.Counts now = metrics.counts();
        Histogram submit = intervals.get(Metric.SUBMIT);
        long sampledNs = System.nanoTime();
        last = new Interval((sampledNs - startNs) / 1e9, (sampledNs - intervalStartNs) / 1e9, now, previous,
                LatencyStatistics.percentile(submit, 50), LatencyStatistics.percentile(submit, 99),
                LatencyStatistics.percentile(intervals.get(Metric.LAG), 99));
        writeRow(last);
        previous = now;
        intervalStartNs = sampledNs;
        if (!phases.isEmpty()) {
            phases.get(phases.size() - 1).end(last.elapsedSeconds(), now);
        }
        return last;
    }

    /**
     * Starts a phase: what is sampled from now on counts towards it. Call right after a {@link #sample()}, so
     * that the previous phase ends exactly there.
     *
     * @param name the phase's name
     */
    public void beginPhase(String name) {
        double elapsed = (System.nanoTime() - startNs) / 1e9;
        phases.add(new PhaseTotals(name, elapsed, previous));
    }

    /** Notes the connections and subscriptions at the moment the current phase's time is up. */
    public void markPhaseEnd() {
        if (!phases.isEmpty()) {
            phases.get(phases.size() - 1).markScheduledEnd(metrics.counts());
        }
    }

    /**
     * @param runNs how long the run lasted
     * @return the generator's lag after the warm-up when the run lasted at least twice the warm-up, else null
     *         (judge the whole run)
     */
    public Histogram lagAfterWarmUp(long runNs) {
        return LagWarmUp.applies(runNs) ? lagAfterWarmUp : null;
    }

    /** @return every phase begun so far, in order */
    public List<PhaseTotals> phases() {
        return phases;
    }

    /**
     * Writes each metric's whole-run histogram as HdrHistogram's percentile distribution ({@code submit.hgrm},
     * the format wrk2 writes and HdrHistogram's plotter reads), in milliseconds. Call after the last sample.
     *
     * @throws IOException if a file cannot be written
     */
    public void writePercentileFiles() throws IOException {
        PercentileFiles.write(outDir, totals);
    }

    private void writeRow(Interval i) {
        LoadMetrics.Counts n = i.now();
        LoadMetrics.Counts p = i.before();
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, delta(n, p, outcome));
        }
        try {
            csv.write(new TimeSeriesRow(i.elapsedSeconds(), n.connected(), n.subscribed(),
                    n.sent() - p.sent(),
                    outcomes, n.notifiesReceived() - p.notifiesReceived(), i.submitP50Us(), i.submitP99Us(),
                    i.intervalSeconds(), i.lagP99Us(),
                    phases.isEmpty() ? "" : phases.get(phases.size() - 1).name()).toLine());
            csv.newLine();
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long delta(LoadMetrics.Counts now, LoadMetrics.Counts before, Outcome outcome) {
        return now.of(outcome) - before.of(outcome);
    }

    /** @return each metric's histogram over the whole run so far */
    public Map<Metric, Histogram> totals() {
        return totals;
    }

    @Override
    public void close() throws IOException {
        hlog.close();
        csv.close();
    }

    /**
     * One second of a run.
     *
     * @param elapsedSeconds since the start
     * @param intervalSeconds how long the interval lasted
     * @param now the counters at the end of the interval
     * @param before the counters at its start
     * @param submitP50Us the interval's median submit latency
     * @param submitP99Us the interval's p99 submit latency
     * @param lagP99Us the interval's p99 generator lag (0 when nothing was sent)
     */
    public record Interval(double elapsedSeconds, double intervalSeconds, LoadMetrics.Counts now,
            LoadMetrics.Counts before,
            long submitP50Us, long submitP99Us, long lagP99Us) {
    }
}

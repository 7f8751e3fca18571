package org.stratumlab.loadgen.record;

import org.stratumlab.results.LatencyFormat;
import org.stratumlab.results.Outcome;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live status of a run: on a terminal one line rewritten each second; otherwise a plain line every
 * {@code plainIntervalNs} of the run's time (a log should not get a line per second): at 5 s, 10 s, 15 s with
 * the default of 5 s. The lines go by the samples' scheduled times, not by when a sample was taken, so that a
 * sample taken a little late never pushes a line to the next second.
 *
 * <p>Called from the sampling thread only.
 */
public final class ProgressLine {
    /** How often a run shows a plain line when not on a terminal: every 5 s, as the README says. */
    public static final long PLAIN_INTERVAL_NS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final PrintWriter out;
    private final boolean terminal;
    private final double totalSeconds;
    private final long targetMiners;
    private final long plainIntervalNs;
    private long plainLinesShown;

    /**
     * @param out where to print
     * @param terminal whether {@code out} is a terminal (rewrite in place)
     * @param totalSeconds the run's planned duration
     * @param targetMiners the miners the run opens
     * @param plainIntervalNs how often to print when not on a terminal, in the run's time
     */
    public ProgressLine(PrintWriter out, boolean terminal, double totalSeconds, long targetMiners,
            long plainIntervalNs) {
        this.out = out;
        this.terminal = terminal;
        this.totalSeconds = totalSeconds;
        this.targetMiners = targetMiners;
        if (plainIntervalNs <= 0) {
            throw new IllegalArgumentException("progress interval must be positive, was " + plainIntervalNs);
        }
        this.plainIntervalNs = plainIntervalNs;
    }

    /**
     * @param interval the second just sampled
     * @param scheduledNs when the sample was due, from the run's start
     * @param duePerSecond the solution events a second the subscribed miners' schedules ask for now, or NaN
     */
    public void show(IntervalSampler.Interval interval, long scheduledNs, double duePerSecond) {
        if (terminal) {
            out.print("\r" + format(interval, duePerSecond) + "\u001b[K");
            out.flush();
        } else if (scheduledNs / plainIntervalNs > plainLinesShown) {
            plainLinesShown = scheduledNs / plainIntervalNs;
            out.println(format(interval, duePerSecond));
            out.flush();
        }
    }

    /** Ends the in-place line so that what follows starts on its own line. */
    public void finish() {
        if (terminal) {
            out.println();
        }
    }

    /** The achieved rate beside the one due, and the generator's lag: a generator falling behind shows here. */
    String format(IntervalSampler.Interval i, double duePerSecond) {
        LoadMetrics.Counts n = i.now();
        LoadMetrics.Counts p = i.before();
        String due = Double.isNaN(duePerSecond)
                ? ""
                : String.format(Locale.ROOT, " of %.0f due", duePerSecond);
        return String.format(Locale.ROOT,
                "%5.0fs/%.0fs  connected %d/%d  subscribed %d  submits/s %d%s  lag p99 %s  accepted %d  rejected %d  "
                        + "unanswered %d  p99 %s",
                i.elapsedSeconds(), totalSeconds, n.connected(), targetMiners, n.subscribed(),
                n.sent() - p.sent(), due, LatencyFormat.of(i.lagP99Us()),
                n.of(Outcome.ACCEPTED), n.rejected(), n.of(Outcome.UNANSWERED),
                LatencyFormat.of(i.submitP99Us()));
    }
}

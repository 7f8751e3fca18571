package org.stratumlab.loadgen.record;

import org.stratumlab.results.LatencyFormat;
import org.stratumlab.results.Outcome;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live status of a run: on a terminal one line rewritten each second; otherwise a plain line every
 * {@code plainIntervalSeconds} (a log should not get a line per second).
 *
 * <p>Called from the sampling thread only.
 */
public final class ProgressLine {
    private final PrintWriter out;
    private final boolean terminal;
    private final double totalSeconds;
    private final long targetMiners;
    private final double plainIntervalSeconds;
    private double lastPlainSeconds = Double.NEGATIVE_INFINITY;

    /**
     * @param out where to print
     * @param terminal whether {@code out} is a terminal (rewrite in place)
     * @param totalSeconds the run's planned duration
     * @param targetMiners the miners the run opens
     * @param plainIntervalSeconds how often to print when not on a terminal
     */
    public ProgressLine(PrintWriter out, boolean terminal, double totalSeconds, long targetMiners,
            double plainIntervalSeconds) {
        this.out = out;
        this.terminal = terminal;
        this.totalSeconds = totalSeconds;
        this.targetMiners = targetMiners;
        this.plainIntervalSeconds = plainIntervalSeconds;
    }

    /** @param interval the second just sampled */
    public void show(IntervalSampler.Interval interval) {
        if (terminal) {
            out.print("\r" + format(interval) + "\u001b[K");
            out.flush();
        } else if (interval.elapsedSeconds() - lastPlainSeconds >= plainIntervalSeconds) {
            lastPlainSeconds = interval.elapsedSeconds();
            out.println(format(interval));
        }
    }

    /** Ends the in-place line so that what follows starts on its own line. */
    public void finish() {
        if (terminal) {
            out.println();
        }
    }

    String format(IntervalSampler.Interval i) {
        LoadMetrics.Counts n = i.now();
        LoadMetrics.Counts p = i.before();
        return String.format(Locale.ROOT,
                "%5.0fs/%.0fs  connected %d/%d  subscribed %d  submits/s %d  accepted %d  rejected %d  unanswered %d  "
                        + "p99 %s",
                i.elapsedSeconds(), totalSeconds, n.connected(), targetMiners, n.subscribed(),
                n.sent() - p.sent(),
                n.of(Outcome.ACCEPTED), n.rejected(), n.of(Outcome.UNANSWERED),
                LatencyFormat.of(i.submitP99Us()));
    }
}

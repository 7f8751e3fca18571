package org.stratumlab.results;

import java.util.Locale;

/**
 * How every output writes a latency: the console's progress line and table, the reports and the index. Three
 * significant figures at most and a unit that keeps the number short: {@code 850 µs}, {@code 1.23 ms},
 * {@code 12.3 ms}, {@code 2.05 s}; {@code –} for a metric that recorded nothing.
 */
public final class LatencyFormat {
    /** What an empty metric shows instead of a misleading {@code 0 µs}. */
    public static final String NONE = "–";

    private LatencyFormat() {
    }

    /**
     * @param us a latency in microseconds
     * @return it with a readable unit
     */
    public static String of(double us) {
        if (us < 1_000) {
            return String.format(Locale.ROOT, "%.0f µs", us);
        }
        if (us < 1_000_000) {
            return threeFigures(us / 1_000) + " ms";
        }
        return threeFigures(us / 1_000_000) + " s";
    }

    /**
     * @param p a metric's percentiles
     * @param statistic which one
     * @return the statistic with its unit, or {@link #NONE} when nothing was recorded
     */
    public static String of(Summary.Percentiles p, String statistic) {
        return p.isEmpty() ? NONE : of(p.statistic(statistic));
    }

    /**
     * @param value a positive number
     * @return it with two decimals below 10, one below 100, none above: three significant figures for 1..999
     */
    public static String threeFigures(double value) {
        String pattern = value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, value);
    }
}

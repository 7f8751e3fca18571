package org.stratumlab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps data values onto an axis as a fraction (0 at the axis' start, 1 at its end) and names the ticks to draw.
 * Values outside the domain are clamped, so that a line never leaves its plot.
 */
interface Scale {
    /** @return where {@code value} lies on the axis, 0..1 */
    double fraction(double value);

    /** @return the ticks, from the axis' start to its end */
    List<Tick> ticks();

    /**
     * A linear scale over [min, max] widened to round numbers, with about five round ticks (steps of 1, 2 or 5
     * times a power of ten).
     */
    static Scale linear(double min, double max) {
        return LinearScale.nice(min, max);
    }

    /** A base-10 log scale from the decade at or below {@code min} to the decade at or above {@code max}. */
    static Scale log(double min, double max) {
        return new LogScale(min, max);
    }

    /**
     * HdrHistogram's percentile axis: the position is log10(1 / (1 - percentile)), so 90%, 99%, 99.9% … are evenly
     * spaced. Data on this axis is given as that position ("nines"), see {@link #nines(double)}.
     *
     * @param maxNines the axis' end: 3 ends at 99.9%
     */
    static Scale percentile(int maxNines) {
        List<Tick> ticks = new ArrayList<>();
        for (int nines = 0; nines <= maxNines; nines++) {
            ticks.add(new Tick(nines, percentileLabel(nines)));
        }
        return new LinearScale(0, maxNines, ticks);
    }

    /** @return the percentile at a whole number of nines: 0%, 90%, 99%, 99.9%, 99.99% … */
    static String percentileLabel(int nines) {
        return switch (nines) {
            case 0 -> "0%";
            case 1 -> "90%";
            case 2 -> "99%";
            default -> "99." + "9".repeat(nines - 2) + "%";
        };
    }

    /** @return a percentile level (0..100) as a position on {@link #percentile(int)}'s axis */
    static double nines(double percentile) {
        return Math.log10(100 / (100 - Math.min(percentile, 100 - 1e-9)));
    }

    /**
     * One tick.
     *
     * @param value where, in data units
     * @param label its text, empty for an unlabelled grid line
     */
    record Tick(double value, String label) {
    }
}

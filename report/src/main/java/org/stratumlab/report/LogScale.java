package org.stratumlab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 log {@link Scale} over whole decades. Every decade is labelled; over a short range (three decades or
 * fewer) the 2 and 5 of each decade are labelled too, so that the reader is never left with a single label.
 */
final class LogScale implements Scale {
    private static final int MAX_DECADES_WITH_MINOR_LABELS = 3;

    private final double lowExponent;
    private final double highExponent;

    LogScale(double min, double max) {
        if (!(min > 0) || !(max > 0)) {
            throw new IllegalArgumentException(
                    "a log scale needs positive bounds, was [" + min + ", " + max + "]");
        }
        this.lowExponent = Math.floor(Math.log10(min));
        double high = Math.ceil(Math.log10(max));
        this.highExponent = high > lowExponent ? high : lowExponent + 1;
    }

    @Override
    public double fraction(double value) {
        if (!(value > 0)) {
            return 0;
        }
        double position = (Math.log10(value) - lowExponent) / (highExponent - lowExponent);
        return Math.max(0, Math.min(1, position));
    }

    @Override
    public List<Tick> ticks() {
        boolean minorLabels = highExponent - lowExponent <= MAX_DECADES_WITH_MINOR_LABELS;
        List<Tick> ticks = new ArrayList<>();
        for (double exponent = lowExponent; exponent < highExponent; exponent++) {
            double decade = Math.pow(10, exponent);
            ticks.add(new Tick(decade, Format.axis(decade)));
            ticks.add(new Tick(2 * decade, minorLabels ? Format.axis(2 * decade) : ""));
            ticks.add(new Tick(5 * decade, minorLabels ? Format.axis(5 * decade) : ""));
        }
        double top = Math.pow(10, highExponent);
        ticks.add(new Tick(top, Format.axis(top)));
        return ticks;
    }
}

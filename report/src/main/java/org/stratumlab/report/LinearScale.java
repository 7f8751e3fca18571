package org.stratumlab.report;

import java.util.ArrayList;
import java.util.List;

/** A linear {@link Scale}: fixed ticks, or round ones chosen by {@link #nice}. */
final class LinearScale implements Scale {
    private static final int TARGET_TICKS = 5;

    private final double min;
    private final double max;
    private final List<Tick> ticks;

    LinearScale(double min, double max, List<Tick> ticks) {
        if (!(max > min)) {
            throw new IllegalArgumentException("empty domain [" + min + ", " + max + "]");
        }
        this.min = min;
        this.max = max;
        this.ticks = List.copyOf(ticks);
    }

    /** @return a scale over [min, max] widened to multiples of a round step, with a tick at each step */
    static LinearScale nice(double min, double max) {
        if (!(max > min)) {
            max = min + 1;
        }
        double step = niceStep((max - min) / TARGET_TICKS);
        double start = Math.floor(min / step) * step;
        double end = Math.ceil(max / step) * step;
        List<Tick> ticks = new ArrayList<>();
        long steps = Math.round((end - start) / step);
        for (long i = 0; i <= steps; i++) {
            double value = start + i * step;
            ticks.add(new Tick(value, Format.axis(value)));
        }
        return new LinearScale(start, end, ticks);
    }

    /** @return 1, 2 or 5 times a power of ten, at least {@code rough} */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double mantissa = rough / power;
        double nice = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10;
        return nice * power;
    }

    @Override
    public double fraction(double value) {
        return Math.max(0, Math.min(1, (value - min) / (max - min)));
    }

    @Override
    public List<Tick> ticks() {
        return ticks;
    }
}

package org.stratumlab.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Turns a latency histogram into its percentile spectrum, the way HdrHistogram's own plots show it: x is the
 * percentile on the "1/(1-percentile)" log axis ({@link Scale#percentile}), y the latency in milliseconds.
 */
final class Spectrum {
    /** HdrHistogram's usual resolution for percentile output (HistogramLogProcessor's default). */
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final int MIN_NINES = 2;
    private static final int MAX_NINES = 6;
    private static final double US_PER_MS = 1_000;

    private Spectrum() {
    }

    /** @return the spectrum of {@code histogram} (microseconds) in milliseconds; empty if it has no samples */
    static Series of(String name, String color, Histogram histogram) {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return new Series(name, color, false, new double[0], new double[0]);
        }
        // 100% lies at infinity on this axis; the samples support levels up to 1 - 1/count, where the line ends
        // at the maximum. HdrHistogram iterates past that level (repeating the maximum): those points are dropped.
        double end = Math.log10(count);
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double x = Scale.nines(value.getPercentileLevelIteratedTo());
            if (x >= end) {
                break;
            }
            points.add(new double[]{x, value.getValueIteratedTo() / US_PER_MS});
        }
        points.add(new double[]{end, histogram.getMaxValue() / US_PER_MS});
        return new Series(name, color, false, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }

    /** @return how many nines the percentile axis needs for these histograms' sample sizes (2 to 6) */
    static int nines(Collection<Histogram> histograms) {
        long count = histograms.stream().mapToLong(Histogram::getTotalCount).max().orElse(0);
        int nines = (int) Math.ceil(Math.log10(Math.max(count, 1)));
        return Math.max(MIN_NINES, Math.min(MAX_NINES, nines));
    }

    /** @return a log latency axis in milliseconds that holds every series' positive values */
    static Scale latencyScale(Collection<Series> series) {
        double min = series.stream().mapToDouble(Series::minPositiveY).min().orElse(Double.POSITIVE_INFINITY);
        double max = series.stream().mapToDouble(Series::maxY).max().orElse(0);
        if (!(max > 0)) {
            return Scale.log(0.1, 10);
        }
        return Scale.log(Math.min(min, max), max);
    }
}

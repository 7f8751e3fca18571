package org.stratumlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SpectrumTest {
    @Test
    void spectrumRunsFromTheMinimumToTheMaximumInMilliseconds() {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(180, 980);
        h.recordValueWithCount(900, 16);
        h.recordValueWithCount(3000, 4);
        Series s = Spectrum.of("submit", "#000", h);
        assertEquals(0, s.xs()[0], 1e-12);
        assertEquals(0.18, s.ys()[0], 0.001);
        assertEquals(3.0, s.ys()[s.ys().length - 1], 0.003);
        // The maximum is drawn where 1000 samples end: 99.9%, three nines.
        assertEquals(3, s.xs()[s.xs().length - 1], 1e-9);
        for (int i = 1; i < s.xs().length; i++) {
            assertTrue(s.xs()[i] >= s.xs()[i - 1], "x must not go back");
            assertTrue(s.ys()[i] >= s.ys()[i - 1], "a spectrum never falls");
        }
        // At 99% the latency is the 900 us group's.
        assertTrue(valueAt(s, 2) > 0.89 && valueAt(s, 2) < 0.91, "p99 = " + valueAt(s, 2));
    }

    @Test
    void anEmptyHistogramHasNoPoints() {
        assertTrue(Spectrum.of("x", "#000", new Histogram(3)).isEmpty());
    }

    @Test
    void theAxisHasAsManyNinesAsTheSamplesSupport() {
        Histogram small = new Histogram(3);
        small.recordValueWithCount(1, 50);
        Histogram large = new Histogram(3);
        large.recordValueWithCount(1, 52_100);
        assertEquals(2, Spectrum.nines(List.of(small)));
        assertEquals(5, Spectrum.nines(List.of(small, large)));
    }

    private static double valueAt(Series s, double nines) {
        double value = 0;
        for (int i = 0; i < s.xs().length && s.xs()[i] <= nines + 1e-9; i++) {
            value = s.ys()[i];
        }
        return value;
    }
}

package org.stratumlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleTest {
    @Test
    void percentileAxisLabelsEachNine() {
        List<String> labels = Scale.percentile(5).ticks().stream().map(Scale.Tick::label).toList();
        assertEquals(List.of("0%", "90%", "99%", "99.9%", "99.99%", "99.999%"), labels);
    }

    @Test
    void percentilesAreEvenlySpacedByNines() {
        assertEquals(0, Scale.nines(0), 1e-12);
        assertEquals(1, Scale.nines(90), 1e-12);
        assertEquals(3, Scale.nines(99.9), 1e-9);
        Scale axis = Scale.percentile(4);
        assertEquals(0.5, axis.fraction(Scale.nines(99)), 1e-9);
    }

    @Test
    void linearScaleRoundsToNiceTicks() {
        Scale scale = Scale.linear(0, 243);
        List<Double> values = scale.ticks().stream().map(Scale.Tick::value).toList();
        assertEquals(List.of(0.0, 50.0, 100.0, 150.0, 200.0, 250.0), values);
        assertEquals(0.4, scale.fraction(100), 1e-12);
    }

    @Test
    void linearScaleOfAConstantStillHasARange() {
        Scale scale = Scale.linear(0, 0);
        assertEquals(0, scale.fraction(0));
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"),
                scale.ticks().stream().map(Scale.Tick::label).toList());
    }

    @Test
    void logScaleSpansWholeDecadesAndClampsZero() {
        Scale scale = Scale.log(0.18, 95);
        assertEquals(0, scale.fraction(0.1), 1e-12);
        assertEquals(1, scale.fraction(100), 1e-12);
        assertEquals(1.0 / 3, scale.fraction(1), 1e-12);
        assertEquals(0, scale.fraction(0));
        assertEquals(List.of("0.1", "0.2", "0.5", "1", "2", "5", "10", "20", "50", "100"),
                scale.ticks().stream().map(Scale.Tick::label).filter(l -> !l.isEmpty()).toList());
    }

    @Test
    void aWideLogScaleLabelsOnlyDecades() {
        List<String> labels = Scale.log(0.001, 10).ticks().stream().map(Scale.Tick::label)
                .filter(l -> !l.isEmpty()).toList();
        assertEquals(List.of("0.001", "0.01", "0.1", "1", "10"), labels);
    }
}

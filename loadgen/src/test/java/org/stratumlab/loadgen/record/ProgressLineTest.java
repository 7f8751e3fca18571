package org.stratumlab.loadgen.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

    @Test
    void plainLinesComeEveryFiveSecondsOfTheRunEvenWhenSamplesAreLate() {
        StringWriter text = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(text), false, 20, 10,
                ProgressLine.PLAIN_INTERVAL_NS);
        LoadMetrics.Counts counts = new LoadMetrics().counts();
        for (int second = 1; second <= 20; second++) {
            // Each sample a little later than due, as a busy machine takes them: 1.013 s, 2.026 s, ...
            double takenAt = second * 1.013;
            progress.show(new IntervalSampler.Interval(takenAt, 1, counts, counts, 0, 0, 0),
                    second * SECOND_NS, Double.NaN);
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals(4, lines.size(), text.toString());
        List<String> shownAt = lines.stream().map(l -> l.strip().split("s/")[0]).toList();
        assertEquals(List.of("5", "10", "15", "20"), shownAt, text.toString());
    }
}

package org.stratumlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A legend too wide for one row wraps to a second one instead of running its entries into each other. */
class LineChartTest {
    private static final Pattern LEGEND = Pattern
            .compile("<text class=\"legend\" x=\"([0-9.]+)\" y=\"([0-9.]+)\"");

    @Test
    void aLegendTooWideForOneRowWrapsInsteadOfOverlapping() {
        List<Series> lines = List.of(series("A: results/octopus-endpoint/20261202T0144"),
                series("B: results/octopus-endpoint/20261202T0300"),
                series("C: a third run's long folder name"));
        String svg = new LineChart("t", new LineChart.Axis(Scale.linear(0, 10), "x (s)"),
                new LineChart.Axis(Scale.linear(0, 10), "y (ms)")).render(lines);
        Matcher m = LEGEND.matcher(svg);
        double previousEnd = -1;
        double previousY = -1;
        int rows = 0;
        while (m.find()) {
            double x = Double.parseDouble(m.group(1));
            double y = Double.parseDouble(m.group(2));
            if (y != previousY) {
                rows++;
                previousEnd = -1;
            }
            assertTrue(x > previousEnd, "entries of one row must not overlap: " + svg);
            assertTrue(y > 0 && y < 44, "every row between the chart's top and the plot: " + y);
            previousEnd = x + 7 * 42; // about the widest name's length at the legend's font
            previousY = y;
        }
        assertEquals(3, rows, "two such names do not fit in 640 px side by side: " + svg);
    }

    private static Series series(String name) {
        return new Series(name, "#000000", false, new double[]{0, 10}, new double[]{1, 2});
    }
}

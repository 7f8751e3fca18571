package org.stratumlab.report;

import java.util.List;

/**
 * A line chart as one inline SVG: grid, ticks, axis titles with units, one polyline per {@link Series} and a
 * legend above the plot. Used for the percentile spectra and for everything over time.
 */
final class LineChart {
    private static final double LEGEND_Y = 22;
    /** A rough width of one legend character at the legend's font size: there is no text measuring in SVG. */
    private static final double CHAR_WIDTH = 7;
    /** The height of one legend row. */
    private static final double LEGEND_ROW = 14;

    private final String title;
    private final Axis x;
    private final Axis y;
    private final Frame frame = new Frame(70);

    /**
     * @param title what the chart shows (its accessible name)
     * @param x the horizontal axis
     * @param y the vertical axis
     */
    LineChart(String title, Axis x, Axis y) {
        this.title = title;
        this.x = x;
        this.y = y;
    }

    /** @return the chart with these lines; a chart without data says so in the plot */
    String render(List<Series> series) {
        return render(series, List.of());
    }

    /**
     * @param series the lines
     * @param markers vertical lines at these x values, each with its label at the top (phase starts)
     * @return the chart
     */
    String render(List<Series> series, List<Marker> markers) {
        Svg svg = new Svg(Frame.WIDTH, Frame.HEIGHT, title);
        frame.xAxis(svg, x.scale(), x.title());
        frame.yAxis(svg, y.scale(), y.title());
        for (Marker marker : markers) {
            double px = frame.x(x.scale().fraction(marker.x()));
            svg.line(px, frame.top(), px, frame.bottom(), "phase");
            svg.text(px + 3, frame.top() + 10, "start", "phase-label", marker.label());
        }
        boolean any = false;
        for (Series line : series) {
            any |= draw(svg, line);
        }
        if (!any) {
            frame.note(svg, "no samples in this run");
        }
        legend(svg, series);
        return svg.close();
    }

    private boolean draw(Svg svg, Series line) {
        int n = line.xs().length;
        if (n == 0) {
            return false;
        }
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = frame.x(x.scale().fraction(line.xs()[i]));
            py[i] = frame.y(y.scale().fraction(line.ys()[i]));
        }
        if (n == 1) {
            svg.dot(px[0], py[0], line.color());
        } else {
            svg.polyline(px, py, line.color(), line.dashed());
        }
        return true;
    }

    /** The legend above the plot, in rows: an entry that would run past the chart's right edge starts a row. */
    private void legend(Svg svg, List<Series> series) {
        double[] xs = new double[series.size()];
        int[] rows = new int[series.size()];
        double at = frame.left();
        int row = 0;
        for (int i = 0; i < series.size(); i++) {
            double width = 28 + legendName(series.get(i)).length() * CHAR_WIDTH;
            if (at > frame.left() && at + width > Frame.WIDTH) {
                at = frame.left();
                row++;
            }
            xs[i] = at;
            rows[i] = row;
            at += width + 18;
        }
        // A second row sits between the first and the plot; a third would need a taller margin (not seen yet).
        double firstRowY = LEGEND_Y - LEGEND_ROW * Math.max(0, row - 1);
        for (int i = 0; i < series.size(); i++) {
            Series line = series.get(i);
            double y = firstRowY + LEGEND_ROW * rows[i];
            svg.swatch(xs[i], y - 4, line.color(), line.dashed());
            svg.text(xs[i] + 28, y, "start", "legend", legendName(line));
        }
    }

    private static String legendName(Series line) {
        return line.isEmpty() ? line.name() + " (no samples)" : line.name();
    }

    /**
     * A vertical line across the plot.
     *
     * @param x where, in the x axis's units
     * @param label what begins there
     */
    record Marker(double x, String label) {
    }

    /**
     * One axis of a chart.
     *
     * @param scale how values map onto it
     * @param title its title, with the unit, e.g. "latency (ms)"
     */
    record Axis(Scale scale, String title) {
    }
}

package org.stratumlab.report;

import java.util.List;

/**
 * A horizontal bar chart as one inline SVG: one bar per category, labelled on the left, with its count and its
 * share of the total at the bar's end. Horizontal, because category names read better than under vertical bars
 * and a zero-count category still has a row.
 */
final class BarChart {
    private static final double BAR_SHARE_OF_ROW = 0.62;
    /** Past this share of the axis a bar's label goes inside the bar, so it cannot run off the chart. */
    private static final double LABEL_INSIDE_FROM = 0.78;

    private final String title;
    private final String valueTitle;
    private final Frame frame = new Frame(96);

    /**
     * @param title what the chart shows (its accessible name)
     * @param valueTitle the value axis' title, with the unit
     */
    BarChart(String title, String valueTitle) {
        this.title = title;
        this.valueTitle = valueTitle;
    }

    /** @return the chart with one bar per entry, top to bottom */
    String render(List<Bar> bars) {
        long max = bars.stream().mapToLong(Bar::count).max().orElse(0);
        long total = bars.stream().mapToLong(Bar::count).sum();
        Scale scale = Scale.linear(0, Math.max(max, 1));
        Svg svg = new Svg(Frame.WIDTH, Frame.HEIGHT, title);
        frame.xAxis(svg, scale, valueTitle);
        double row = (frame.bottom() - frame.top()) / Math.max(bars.size(), 1);
        for (int i = 0; i < bars.size(); i++) {
            draw(svg, bars.get(i), scale, frame.top() + i * row, row, total);
        }
        svg.line(frame.left(), frame.top(), frame.left(), frame.bottom(), "axis");
        return svg.close();
    }

    private void draw(Svg svg, Bar bar, Scale scale, double rowTop, double row, long total) {
        double height = row * BAR_SHARE_OF_ROW;
        double top = rowTop + (row - height) / 2;
        double middle = top + height / 2 + 4;
        double fraction = scale.fraction(bar.count());
        double end = frame.x(fraction);
        String value = Format.count(bar.count())
                + (total > 0 ? " (" + Format.percent((double) bar.count() / total) + ")" : "");
        svg.text(frame.left() - 8, middle, "end", "tick", bar.label());
        svg.rect(frame.left(), top, end - frame.left(), height, bar.color(), bar.label() + ": " + value);
        if (fraction > LABEL_INSIDE_FROM) {
            svg.text(end - 6, middle, "end", "bar-value inside", value);
        } else {
            svg.text(end + 6, middle, "start", "bar-value", value);
        }
    }

    /**
     * One category.
     *
     * @param label its name
     * @param count its count
     * @param color a CSS colour
     */
    record Bar(String label, long count, String color) {
    }
}

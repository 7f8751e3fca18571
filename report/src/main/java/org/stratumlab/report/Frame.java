package org.stratumlab.report;

/**
 * The geometry every chart shares: a fixed viewBox, margins for tick labels and axis titles, and drawing of the
 * grid, the ticks and the axis titles. Fractions (0..1, from a {@link Scale}) go in, viewBox coordinates come out.
 */
final class Frame {
    static final int WIDTH = 640;
    static final int HEIGHT = 340;
    private static final double RIGHT = 34;
    private static final double TOP = 44;
    private static final double BOTTOM = 56;

    private final double left;

    /** @param left the left margin: room for the y tick labels */
    Frame(double left) {
        this.left = left;
    }

    double left() {
        return left;
    }

    double top() {
        return TOP;
    }

    double right() {
        return WIDTH - RIGHT;
    }

    double bottom() {
        return HEIGHT - BOTTOM;
    }

    /** @return the viewBox x of a fraction of the x axis */
    double x(double fraction) {
        return left + fraction * (right() - left);
    }

    /** @return the viewBox y of a fraction of the y axis (0 at the bottom) */
    double y(double fraction) {
        return bottom() - fraction * (bottom() - TOP);
    }

    /** Draws vertical grid lines at the x ticks, their labels, and the axis title under them. */
    void xAxis(Svg svg, Scale scale, String title) {
        for (Scale.Tick tick : scale.ticks()) {
            double x = x(scale.fraction(tick.value()));
            svg.line(x, TOP, x, bottom(), tick.label().isEmpty() ? "grid minor" : "grid");
            if (!tick.label().isEmpty()) {
                svg.text(x, bottom() + 16, "middle", "tick", tick.label());
            }
        }
        svg.line(left, bottom(), right(), bottom(), "axis");
        svg.text((left + right()) / 2, HEIGHT - 12, "middle", "axis-title", title);
    }

    /** Draws horizontal grid lines at the y ticks, their labels, and the axis title turned along the axis. */
    void yAxis(Svg svg, Scale scale, String title) {
        for (Scale.Tick tick : scale.ticks()) {
            double y = y(scale.fraction(tick.value()));
            svg.line(left, y, right(), y, tick.label().isEmpty() ? "grid minor" : "grid");
            if (!tick.label().isEmpty()) {
                svg.text(left - 6, y + 4, "end", "tick", tick.label());
            }
        }
        svg.line(left, TOP, left, bottom(), "axis");
        svg.verticalText(16, (TOP + bottom()) / 2, "axis-title", title);
    }

    /** Writes a note in the middle of the plot, e.g. when there is nothing to draw. */
    void note(Svg svg, String text) {
        svg.text((left + right()) / 2, (TOP + bottom()) / 2, "middle", "note", text);
    }
}

package org.stratumlab.report;

import java.util.List;
import java.util.Optional;
import org.stratumlab.results.JmhRun;
import org.stratumlab.results.JmhRun.Result;

/**
 * A horizontal bar chart of JMH scores as an SVG file of its own (the pow-bench results page links it): one group
 * per table row, one bar per run in the run's colour, each with its error bar (score ± error) and its value, on a
 * linear axis from 0. Drawn with the same {@link Svg} as the run reports.
 */
final class BenchBarChart {
    private static final String[] COLOURS = {"#4472c4", "#ed7d31", "#70ad47", "#7f3fbf", "#a5a5a5"};
    private static final int WIDTH = 820;
    private static final int LABEL_WIDTH = 230;
    private static final int PLOT_WIDTH = 480;
    private static final int BAR = 14;
    private static final int GAP = 10;
    private static final int TOP = 40;
    private static final int TICKS = 4;

    private BenchBarChart() {
    }

    /**
     * @param runs the runs, one colour each
     * @param method the benchmark method
     * @param threads the thread count
     * @param rows row keys "params|impl" as {@link BenchResultsPage#rows} makes them
     * @return the SVG document
     */
    static String render(List<JmhRun> runs, String method, int threads, List<String> rows) {
        double max = 0;
        String unit = "";
        for (JmhRun run : runs) {
            for (String row : rows) {
                Optional<Result> r = result(run, method, threads, row);
                if (r.isPresent()) {
                    max = Math.max(max, r.get().score() + errorOf(r.get()));
                    unit = r.get().unit();
                }
            }
        }
        max = max <= 0 ? 1 : niceCeiling(max);
        int groupHeight = runs.size() * (BAR + 2) + GAP;
        int height = TOP + rows.size() * groupHeight + 40;
        String title = method + (threads == 1 ? "" : " (" + threads + " threads)") + ", " + unit
                + " (lower is better); error bars: 99.9% confidence";
        Svg svg = Svg.standalone(WIDTH, height, title);
        svg.text(10, 16, "start", "title", title);
        for (int i = 0; i < runs.size(); i++) {
            int x = LABEL_WIDTH + i * 150;
            svg.rect(x, 24, 10, 10, colour(i), runs.get(i).label());
            svg.text(x + 14, 33, "start", "tick", runs.get(i).label());
        }
        for (int row = 0; row < rows.size(); row++) {
            String key = rows.get(row);
            int y = TOP + row * groupHeight;
            String label = key.substring(key.indexOf('|') + 1);
            String other = key.substring(0, key.indexOf('|'));
            svg.text(10, y + BAR, "start", "tick", label + (other.isEmpty() ? "" : " (" + other + ")"));
            for (int i = 0; i < runs.size(); i++) {
                Optional<Result> r = result(runs.get(i), method, threads, key);
                int barY = y + i * (BAR + 2);
                if (r.isEmpty()) {
                    svg.text(LABEL_WIDTH + 4, barY + BAR - 3, "start", "tick", "n/a");
                } else {
                    bar(svg, r.get(), max, barY, colour(i));
                }
            }
        }
        axis(svg, max, TOP + rows.size() * groupHeight);
        return svg.close() + "\n";
    }

    private static void axis(Svg svg, double max, int axisY) {
        svg.line(LABEL_WIDTH, axisY, LABEL_WIDTH + PLOT_WIDTH, axisY, "axis");
        for (int tick = 0; tick <= TICKS; tick++) {
            double x = LABEL_WIDTH + PLOT_WIDTH * (double) tick / TICKS;
            svg.line(x, axisY, x, axisY + 4, "axis");
            svg.text(x, axisY + 16, "middle", "tick", BenchResultsPage.format(max * tick / TICKS));
        }
    }

    private static void bar(Svg svg, Result r, double max, int y, String colour) {
        double scale = PLOT_WIDTH / max;
        double error = errorOf(r);
        svg.rect(LABEL_WIDTH, y, Math.max(1, r.score() * scale), BAR, colour, BenchResultsPage.score(r));
        if (error > 0) {
            svg.whisker(LABEL_WIDTH + Math.max(0, r.score() - error) * scale,
                    LABEL_WIDTH + (r.score() + error) * scale, y + BAR / 2.0, BAR - 4);
        }
        svg.text(LABEL_WIDTH + (r.score() + error) * scale + 6, y + BAR - 3, "start", "tick",
                BenchResultsPage.score(r));
    }

    private static String colour(int run) {
        return COLOURS[run % COLOURS.length];
    }

    private static double errorOf(Result r) {
        return Double.isNaN(r.error()) ? 0 : r.error();
    }

    /** Rounds up to 1, 2, 4, 5 or 8 times a power of ten, so that the four ticks are round numbers. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 4, 5, 8, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static Optional<Result> result(JmhRun run, String method, int threads, String key) {
        return BenchResultsPage.find(run, method, threads, key.substring(0, key.indexOf('|')),
                key.substring(key.indexOf('|') + 1));
    }
}

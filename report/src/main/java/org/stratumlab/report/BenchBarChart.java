package org.stratumlab.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stratumlab.results.JmhRun;
import org.stratumlab.results.JmhRun.Result;

/**
 * A horizontal bar chart in plain SVG (no scripts, no fonts to fetch): one group per table row, one bar per run
 * in the run's colour, each with its error bar (score ± error) and its value, on a linear axis from 0.
 */
final class BenchBarChart {
    private static final String[] COLOURS = {"#4472c4", "#ed7d31", "#70ad47", "#7f3fbf", "#a5a5a5"};
    private static final int WIDTH = 820;
    private static final int LABEL_WIDTH = 230;
    private static final int PLOT_WIDTH = 480;
    private static final int BAR = 14;
    private static final int GAP = 10;
    private static final int TOP = 40;

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
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(10, 16, method + (threads == 1 ? "" : " (" + threads + " threads)") + ", " + unit
                + " (lower is better); error bars: 99.9% confidence", "bold"));
        for (int i = 0; i < runs.size(); i++) {
            int x = LABEL_WIDTH + i * 150;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"24\" width=\"10\" height=\"10\" fill=\"%s\"/>%n",
                    x, COLOURS[i % COLOURS.length]));
            svg.append(text(x + 14, 33, runs.get(i).label(), null));
        }
        for (int row = 0; row < rows.size(); row++) {
            String key = rows.get(row);
            int y = TOP + row * groupHeight;
            String label = key.substring(key.indexOf('|') + 1);
            String other = key.substring(0, key.indexOf('|'));
            svg.append(text(10, y + BAR, label + (other.isEmpty() ? "" : " (" + other + ")"), null));
            for (int i = 0; i < runs.size(); i++) {
                Optional<Result> r = result(runs.get(i), method, threads, key);
                int barY = y + i * (BAR + 2);
                if (r.isEmpty()) {
                    svg.append(text(LABEL_WIDTH + 4, barY + BAR - 3, "n/a", null));
                    continue;
                }
                bar(svg, r.get(), max, barY, COLOURS[i % COLOURS.length]);
            }
        }
        int axisY = TOP + rows.size() * groupHeight;
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", LABEL_WIDTH, axisY,
                LABEL_WIDTH + PLOT_WIDTH, axisY));
        for (int tick = 0; tick <= 4; tick++) {
            double value = max * tick / 4;
            int x = LABEL_WIDTH + PLOT_WIDTH * tick / 4;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", x, axisY, x,
                    axisY + 4));
            svg.append(text(x - 10, axisY + 16, BenchResultsPage.format(value), null));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, Result r, double max, int y, String colour) {
        double scale = PLOT_WIDTH / max;
        double width = Math.max(1, r.score() * scale);
        double error = errorOf(r);
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>%n",
                LABEL_WIDTH, y, width, BAR, colour, Format.html(BenchResultsPage.score(r))));
        if (error > 0) {
            double low = LABEL_WIDTH + Math.max(0, r.score() - error) * scale;
            double high = LABEL_WIDTH + (r.score() + error) * scale;
            double middle = y + BAR / 2.0;
            svg.append(String.format(Locale.ROOT,
                    "<path d=\"M%.1f %.1f H%.1f M%.1f %d V%d M%.1f %d V%d\" stroke=\"black\" fill=\"none\"/>%n",
                    low, middle, high, low, y + 2, y + BAR - 2, high, y + 2, y + BAR - 2));
        }
        double labelX = LABEL_WIDTH + (r.score() + error) * scale + 6;
        svg.append(text((int) labelX, y + BAR - 3, BenchResultsPage.score(r), null));
    }

    private static double errorOf(Result r) {
        return Double.isNaN(r.error()) ? 0 : r.error();
    }

    /** Rounds up to 1, 2 or 5 times a power of ten, so that the four ticks are round numbers. */
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

    private static String text(int x, int y, String content, String weight) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\"%s>%s</text>%n", x, y,
                weight == null ? "" : " font-weight=\"" + weight + "\"", Format.html(content));
    }

}

package org.stratumlab.report;

import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.stratumlab.results.Metric;
import org.stratumlab.results.TimeSeriesColumn;

/**
 * The charts of one run's report, built from its {@link RunData}: latency spectra, notify skew, throughput,
 * miners and submit latency over time, outcomes by reason, and the simulator's heap and descriptors
 * ({@link ServerResourceCharts}). Colours stay fixed per metric and outcome, so
 * that reports read alike.
 */
final class RunCharts {
    /** The latencies drawn together on one spectrum; notify skew has its own chart. */
    static final List<Metric> SPECTRUM_METRICS = List.of(Metric.SUBMIT, Metric.SUBMIT_SERVICE,
            Metric.SUBSCRIBE,
            Metric.CONNECT);
    static final String PERCENTILE_TITLE = "percentile (log scale of 1/(1 - percentile))";
    private static final Map<Metric, String> COLOR_BY_METRIC = Map.of(Metric.SUBMIT, "#1f77b4",
            Metric.SUBMIT_SERVICE, "#ff7f0e", Metric.SUBSCRIBE, "#9467bd", Metric.CONNECT, "#2ca02c",
            Metric.NOTIFY_SKEW, "#d62728", Metric.SUBMIT_HONEST, "#17becf");
    private static final String SPECTRUM_CAPTION = "Each point: that share of samples took at most this long. "
            + "90%, 99%, 99.9% … are evenly spaced, so the tail gets the room it deserves; the line ends at "
            + "the maximum.";

    private RunCharts() {
    }

    /** @return every chart of the run, in page order; the over-time charts only if timeseries.csv exists */
    static List<Chart> of(RunData run) {
        List<Chart> charts = new ArrayList<>();
        charts.add(latencySpectrum(run.latencies()));
        charts.add(notifySkew(run.latencies().get(Metric.NOTIFY_SKEW)));
        List<LineChart.Marker> phases = phaseMarkers(run.summary());
        run.series().ifPresent(series -> {
            charts.add(throughput(series, phases));
            charts.add(miners(series, phases));
            charts.add(submitLatencyOverTime(series, phases));
        });
        charts.add(outcomes(run.summary().submits()));
        charts.addAll(ServerResourceCharts.of(run.summary(), phases));
        return charts;
    }

    static String color(Metric metric) {
        return COLOR_BY_METRIC.get(metric);
    }

    static Chart latencySpectrum(Map<Metric, Histogram> latencies) {
        List<Series> lines = new ArrayList<>();
        List<Metric> drawn = new ArrayList<>(SPECTRUM_METRICS);
        if (hasHostileMiners(latencies)) {
            drawn.add(1, Metric.SUBMIT_HONEST);
        }
        for (Metric metric : drawn) {
            lines.add(Spectrum.of(metric.tag(), color(metric), latencies.get(metric)));
        }
        int nines = Spectrum.nines(drawn.stream().map(latencies::get).toList());
        return new Chart("Latency percentile spectrum",
                spectrumChart("Latency percentile spectrum", lines, nines,
                        "latency (ms, log scale)"),
                SPECTRUM_CAPTION + " submit counts from each solution's intended "
                        + "time (no coordinated omission); submit-honest likewise, for the miners outside the hostile "
                        + "group only (drawn when there is one); submit-service from the submit's write."
                        + coinciding(drawn, latencies));
    }

    /** The share within which two lines are drawn on top of each other at this chart's size. */
    private static final double COINCIDE_WITHIN = 0.02;

    /**
     * Lines that coincide hide each other: say which, so that a reader does not take a hidden line for a missing
     * one (submit and submit-service do whenever the generator was never late).
     */
    static String coinciding(List<Metric> drawn, Map<Metric, Histogram> latencies) {
        StringBuilder note = new StringBuilder();
        for (int i = 0; i < drawn.size(); i++) {
            for (int j = i + 1; j < drawn.size(); j++) {
                Histogram a = latencies.get(drawn.get(i));
                Histogram b = latencies.get(drawn.get(j));
                if (a.getTotalCount() > 0 && b.getTotalCount() > 0 && coincide(a, b)) {
                    note.append(" ").append(drawn.get(i).tag()).append(" and ").append(drawn.get(j).tag())
                            .append(" coincide (within 2 % at every percentile shown): one line hides the other.");
                }
            }
        }
        return note.toString();
    }

    private static boolean coincide(Histogram a, Histogram b) {
        for (double percentile : new double[]{50, 90, 99, 99.9, 100}) {
            double x = a.getValueAtPercentile(percentile);
            double y = b.getValueAtPercentile(percentile);
            if (Math.abs(x - y) > COINCIDE_WITHIN * Math.max(x, y)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Honest miners' submits are all the submits unless part of the fleet was hostile; only then is their own
     * line worth drawing.
     */
    static boolean hasHostileMiners(Map<Metric, Histogram> latencies) {
        Histogram honest = latencies.get(Metric.SUBMIT_HONEST);
        return honest != null && honest.getTotalCount() > 0
                && honest.getTotalCount() != latencies.get(Metric.SUBMIT).getTotalCount();
    }

    static Chart notifySkew(Histogram skew) {
        Series line = Spectrum.of(Metric.NOTIFY_SKEW.tag(), color(Metric.NOTIFY_SKEW), skew);
        return new Chart("Notify skew",
                spectrumChart("Notify skew percentile spectrum", List.of(line), Spectrum.nines(List.of(skew)),
                        "skew (ms, log scale)"),
                "For each job, each miner's receipt time minus the first miner's: how long the last miners "
                        + "wait for a new job. Zero skews (the first receiver) sit on the bottom edge.");
    }

    /** @return a spectrum chart of these lines over a percentile axis of {@code nines} nines */
    static String spectrumChart(String title, List<Series> lines, int nines, String yTitle) {
        LineChart chart = new LineChart(title, new LineChart.Axis(Scale.percentile(nines), PERCENTILE_TITLE),
                new LineChart.Axis(Spectrum.latencyScale(lines), yTitle));
        return chart.render(lines);
    }

    /** @return a marker at the start of every phase but the first, for the charts over time */
    static List<LineChart.Marker> phaseMarkers(Summary summary) {
        List<Summary.Phase> phases = summary.phases();
        List<LineChart.Marker> markers = new ArrayList<>();
        for (int i = 1; i < phases.size(); i++) {
            markers.add(new LineChart.Marker(phases.get(i).startS(), phases.get(i).name()));
        }
        return markers;
    }

    static Chart throughput(TimeSeries series, List<LineChart.Marker> phases) {
        List<Series> lines = List.of(line("submits/s", "#1f77b4", series.perSecond(TimeSeriesColumn.SUBMITS)),
                line("accepted/s", "#2ca02c", series.perSecond(TimeSeriesColumn.ACCEPTED)));
        return new Chart("Throughput over time", timeChart("Submits and accepted submits per second", lines,
                "submits per second", phases),
                "Submits sent and submits accepted in each second of the run"
                        + phaseNote(phases));
    }

    private static String phaseNote(List<LineChart.Marker> phases) {
        return phases.isEmpty() ? "." : "; dashed lines mark where each phase begins.";
    }

    static Chart miners(TimeSeries series, List<LineChart.Marker> phases) {
        List<Series> lines = List.of(
                line("connected", "#2ca02c", series.values(TimeSeriesColumn.CONNECTIONS)),
                line("subscribed", "#9467bd", series.values(TimeSeriesColumn.SUBSCRIBED)));
        return new Chart("Miners over time",
                timeChart("Connected and subscribed miners", lines, "miners", phases),
                "Open connections and subscribed miners at the end of each second" + phaseNote(phases));
    }

    static Chart submitLatencyOverTime(TimeSeries series, List<LineChart.Marker> phases) {
        List<Series> lines = List.of(
                line("p50", "#1f77b4", ms(series.values(TimeSeriesColumn.SUBMIT_P50_US))),
                line("p99", "#d62728", ms(series.values(TimeSeriesColumn.SUBMIT_P99_US))));
        return new Chart("Submit latency over time", timeChart("Submit latency per second", lines,
                "submit latency (ms)", phases),
                "Median and 99th percentile of the submits answered in each second"
                        + phaseNote(phases));
    }

    static Chart outcomes(Summary.Submits submits) {
        List<BarChart.Bar> bars = List.of(new BarChart.Bar("accepted", submits.accepted(), "#2ca02c"),
                new BarChart.Bar("stale", submits.rejected().stale(), "#ff7f0e"),
                new BarChart.Bar("incorrect", submits.rejected().incorrect(), "#d62728"),
                new BarChart.Bar("duplicate", submits.rejected().duplicate(), "#9467bd"),
                new BarChart.Bar("other", submits.rejected().other(), "#8c564b"),
                new BarChart.Bar("errors", submits.errors(), "#a50f15"),
                new BarChart.Bar("unanswered", submits.unanswered(), "#7f7f7f"));
        return new Chart("Outcomes by reason",
                new BarChart("Submit outcomes by reason", "submits (count)").render(bars),
                "Every submit sent ends in exactly one of these; the share is of all " + Format.count(
                        submits.sent()) + " submits sent.");
    }

    /** @return a chart of these lines over the run's time, with the phases' starts marked */
    static String timeChart(String title, List<Series> lines, String yTitle,
            List<LineChart.Marker> phases) {
        double end = lines.stream().mapToDouble(Series::maxX).max().orElse(0);
        double top = lines.stream().mapToDouble(Series::maxY).max().orElse(0);
        LineChart chart = new LineChart(title,
                new LineChart.Axis(Scale.linear(0, end), "time since start (s)"),
                new LineChart.Axis(Scale.linear(0, top), yTitle));
        return chart.render(lines, phases);
    }

    private static Series line(String name, String color, TimeSeries.Points points) {
        return new Series(name, color, false, points.elapsedS(), points.values());
    }

    private static TimeSeries.Points ms(TimeSeries.Points us) {
        double[] ms = new double[us.values().length];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = us.values()[i] / 1_000;
        }
        return new TimeSeries.Points(us.elapsedS(), ms);
    }
}

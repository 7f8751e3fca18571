package org.stratumlab.report;

import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.stratumlab.results.Metric;

/**
 * The HTML of a comparison of two runs, A and B: both runs' headers side by side, each key figure and outcome of
 * A and B with the change from A to B (green when B is better, red when worse), and each latency's percentile
 * spectrum with A and B overlaid on the same axes.
 */
final class ComparePage {
    private static final String COLOR_A = "#1f77b4";
    private static final String COLOR_B = "#e66101";
    private static final int LEGEND_NAME_CHARS = 32;

    private ComparePage() {
    }

    /** @return the whole document */
    static String html(RunData a, RunData b) {
        String title = "Stratum Lab comparison: " + a.name() + " vs " + b.name();
        StringBuilder body = new StringBuilder();
        body.append(Page.heading(1, title));
        body.append(Page.paragraph("", "A is " + a.dir() + ", B is " + b.dir()
                + ". Changes are relative to A: (B - A) / A."));
        body.append(differences(a.summary(), b.summary()));
        body.append(Page.heading(2, "Runs")).append(runs(a, b));
        body.append("<div class=\"tables\">\n<section>\n").append(Page.heading(2, "Key figures"))
                .append(figures(KeyFigure.of(a.summary()), KeyFigure.of(b.summary())))
                .append("</section>\n<section>\n").append(Page.heading(2, "Outcomes"))
                .append(figures(outcomes(a.summary()), outcomes(b.summary()))).append("</section>\n</div>\n");
        body.append(thresholdsSideBySide(a.summary(), b.summary()));
        body.append(Page.heading(2, "Latency percentile spectra, A solid, B dashed"));
        body.append(Page.charts(spectra(a, b)));
        return Page.document(title, body.toString());
    }

    /**
     * A warning when the two runs are not the same experiment: another scenario, other overrides or another
     * machine make a change of figures say little about the endpoint.
     */
    static String differences(Summary a, Summary b) {
        List<String> warnings = new java.util.ArrayList<>();
        if (!a.scenario().equals(b.scenario())) {
            warnings.add("they are different scenarios (" + a.scenario() + ", " + b.scenario() + ")");
        }
        List<String> overridesA = a.invocation() == null ? List.of() : a.invocation().overrides();
        List<String> overridesB = b.invocation() == null ? List.of() : b.invocation().overrides();
        if (!overridesA.equals(overridesB)) {
            warnings.add("their --set overrides differ (A: " + describe(overridesA) + "; B: "
                    + describe(overridesB)
                    + ")");
        }
        if (!a.machine().describe().equals(b.machine().describe())) {
            warnings.add("they ran on different machines (" + a.machine().describe() + "; "
                    + b.machine().describe() + ")");
        }
        if (warnings.isEmpty()) {
            return "";
        }
        return "<p><span class=\"verdict fail\">NOT THE SAME EXPERIMENT</span> "
                + Format.html("A and B may not be comparable: " + String.join("; ", warnings) + ".")
                + "</p>\n";
    }

    private static String describe(List<String> overrides) {
        return overrides.isEmpty() ? "none" : String.join(", ", overrides);
    }

    /** Each rule of either run with both verdicts; a rule whose verdict changed is marked. */
    static String thresholdsSideBySide(Summary a, Summary b) {
        java.util.Map<String, Summary.ThresholdResult[]> byRule = new java.util.LinkedHashMap<>();
        for (Summary.ThresholdResult t : a.thresholds()) {
            byRule.computeIfAbsent(t.rule(), r -> new Summary.ThresholdResult[2])[0] = t;
        }
        for (Summary.ThresholdResult t : b.thresholds()) {
            byRule.computeIfAbsent(t.rule(), r -> new Summary.ThresholdResult[2])[1] = t;
        }
        if (byRule.isEmpty()) {
            return "";
        }
        Table table = new Table("rule", "A", "B", "verdict");
        long flipped = 0;
        for (var entry : byRule.entrySet()) {
            Summary.ThresholdResult before = entry.getValue()[0];
            Summary.ThresholdResult after = entry.getValue()[1];
            String verdict;
            String verdictClass = "";
            if (before == null || after == null) {
                verdict = before == null ? "only in B" : "only in A";
            } else if (before.passed() == after.passed()) {
                verdict = before.passed() ? "passed in both" : "failed in both";
            } else {
                flipped++;
                verdict = after.passed() ? "now passes" : "now fails";
                verdictClass = after.passed() ? "pass" : "fail";
            }
            table.row(List.of(new Table.Cell(entry.getKey()), new Table.Cell(verdictOf(before), "num"),
                    new Table.Cell(verdictOf(after), "num"), new Table.Cell(verdict, verdictClass)));
        }
        return Page.heading(2, "Thresholds" + (flipped > 0 ? " (" + flipped + " changed verdict)" : ""))
                + table.close();
    }

    private static String verdictOf(Summary.ThresholdResult t) {
        return t == null ? "-" : RunPage.measured(t) + (t.passed() ? " (pass)" : " (FAIL)");
    }

    private static String runs(RunData a, RunData b) {
        Table table = new Table("", "A", "B");
        row(table, "directory", a, b, RunData::name);
        row(table, "scenario", a, b, run -> run.summary().scenario());
        row(table, "started", a, b, run -> Format.dateTime(run.summary().startedAtInstant()));
        row(table, "duration", a, b, run -> Format.number(run.summary().durationS()) + " s");
        row(table, "machine", a, b, run -> run.summary().machine().describe());
        row(table, "JDK", a, b, run -> run.summary().jdk());
        row(table, "transport", a, b, run -> run.summary().transport());
        row(table, "miners (target)", a, b, run -> Format.count(run.summary().miners().target()));
        row(table, "thresholds", a, b, run -> thresholds(run.summary().thresholds()));
        return table.close();
    }

    private static void row(Table table, String name, RunData a, RunData b, Function<RunData, String> value) {
        table.row(name, value.apply(a), value.apply(b));
    }

    private static String thresholds(List<Summary.ThresholdResult> thresholds) {
        if (thresholds.isEmpty()) {
            return "none";
        }
        long passed = thresholds.stream().filter(Summary.ThresholdResult::passed).count();
        return passed + " of " + thresholds.size() + " passed";
    }

    /** @return the table of figures of A and B, with the change of each */
    static String figures(List<KeyFigure> a, List<KeyFigure> b) {
        Table table = new Table("figure", "A", "B", "change");
        for (int i = 0; i < a.size(); i++) {
            KeyFigure before = a.get(i);
            KeyFigure after = b.get(i);
            int verdict = before.verdict(after);
            String changeClass = verdict > 0 ? "num better" : verdict < 0 ? "num worse" : "num";
            table.row(List.of(new Table.Cell(before.name()), new Table.Cell(before.formatted(), "num"),
                    new Table.Cell(after.formatted(), "num"),
                    new Table.Cell(Format.change(before.value(), after.value()), changeClass)));
        }
        return table.close();
    }

    private static List<KeyFigure> outcomes(Summary s) {
        Summary.Submits submits = s.submits();
        return List.of(outcome("accepted", submits.accepted(), KeyFigure.Better.HIGHER),
                outcome("rejected: stale", submits.rejected().stale(), KeyFigure.Better.LOWER),
                outcome("rejected: incorrect", submits.rejected().incorrect(), KeyFigure.Better.LOWER),
                outcome("rejected: duplicate", submits.rejected().duplicate(), KeyFigure.Better.LOWER),
                outcome("rejected: other", submits.rejected().other(), KeyFigure.Better.LOWER),
                outcome("errors", submits.errors(), KeyFigure.Better.LOWER),
                outcome("unanswered", submits.unanswered(), KeyFigure.Better.LOWER));
    }

    private static KeyFigure outcome(String name, long count, KeyFigure.Better better) {
        return new KeyFigure(name, count, KeyFigure.Kind.COUNT, better);
    }

    /** @return "A: name", shortened so that two fit in a legend */
    private static String legend(String letter, RunData run) {
        String name = run.name();
        return letter + ": "
                + (name.length() > LEGEND_NAME_CHARS
                        ? name.substring(0, LEGEND_NAME_CHARS - 1) + "…"
                        : name);
    }

    private static List<Chart> spectra(RunData a, RunData b) {
        List<Chart> charts = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (metric == Metric.SUBMIT_HONEST && !RunCharts.hasHostileMiners(a.latencies())
                    && !RunCharts.hasHostileMiners(b.latencies())) {
                continue; // the same as submit
            }
            Histogram histogramA = a.latencies().get(metric);
            Histogram histogramB = b.latencies().get(metric);
            if (histogramA.getTotalCount() == 0 && histogramB.getTotalCount() == 0) {
                continue; // neither run recorded it (older runs have no generator lag)
            }
            List<Series> lines = List.of(Spectrum.of(legend("A", a), COLOR_A, histogramA),
                    Spectrum.of(legend("B", b), COLOR_B, histogramB).dashed(legend("B", b)));
            String title = metric.tag() + " latency, A vs B";
            String yTitle = (metric == Metric.NOTIFY_SKEW ? "skew" : "latency") + " (ms, log scale)";
            String svg = RunCharts.spectrumChart(title, lines,
                    Spectrum.nines(List.of(histogramA, histogramB)), yTitle);
            charts.add(new Chart(metric.tag(), svg, "Percentile spectrum of " + metric.tag() + ": A "
                    + Format.count(histogramA.getTotalCount()) + " samples, B "
                    + Format.count(histogramB.getTotalCount()) + " samples."));
        }
        return charts;
    }
}

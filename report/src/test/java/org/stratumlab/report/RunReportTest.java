package org.stratumlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
    /** Spectrum, notify skew, throughput, miners, submit latency over time, outcomes. */
    private static final int CHARTS = 6;

    @TempDir
    Path tmp;

    private String render(RunFixture fixture) throws IOException {
        Path dir = fixture.write(tmp.resolve("run"));
        Path report = RunReport.render(dir);
        assertEquals(dir.resolve("report.html"), report);
        return Files.readString(report);
    }

    @Test
    void reportIsSelfContained() throws IOException {
        String html = render(new RunFixture());
        Html.assertSelfContained(html);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<style>"), "inline CSS expected");
    }

    @Test
    void theHeaderShowsTheStealTimeBesideTheLoadAverage() throws IOException {
        String old = render(new RunFixture());
        assertTrue(old.contains("steal time (all cores)"), old);
        assertTrue(old.matches("(?s).*steal time \\(all cores\\)</t[hd]>\\s*<td[^>]*>not recorded.*"), old);
        RunFixture fixture = new RunFixture();
        fixture.stealPercent = 2.5;
        String html = render(fixture);
        assertTrue(html.contains("0.10 0.20 0.30 at the start, 0.40 0.50 0.60 at the end"), html);
        assertTrue(html.contains("2.50 % of the run&#39;s CPU time went to other guests of the hypervisor"),
                html);
    }

    @Test
    void theHeaderNamesTheShardOfAShardedRun() throws IOException {
        assertFalse(render(new RunFixture()).contains("of a sharded run"), "an unsharded run names none");
        RunFixture fixture = new RunFixture();
        fixture.shard = new int[]{1, 3};
        String html = render(fixture);
        assertTrue(html.matches("(?s).*shard</t[hd]>\\s*<td[^>]*>shard 1 of 3 of a sharded run.*"), html);
    }

    @Test
    void reportHoldsOneSvgPerChartEachWithData() throws IOException {
        String html = render(new RunFixture());
        List<String> svgs = Html.svgs(html);
        assertEquals(CHARTS, svgs.size());
        assertEquals(CHARTS, Html.count(html, "<svg"));
        svgs.forEach(Html::assertHasData);
    }

    @Test
    void everyChartHasAxisTitlesWithUnits() throws IOException {
        List<String> svgs = Html.svgs(render(new RunFixture()));
        for (String svg : svgs) {
            assertTrue(Html.count(svg, "class=\"axis-title\"") >= 1, svg);
        }
        String spectrum = svgs.get(0);
        assertTrue(spectrum.contains("latency (ms, log scale)"), spectrum);
        assertTrue(spectrum.contains("percentile (log scale of 1/(1 - percentile))"), spectrum);
        for (String tick : List.of(">0%<", ">90%<", ">99%<", ">99.9%<")) {
            assertTrue(spectrum.contains(tick), tick + " in " + spectrum);
        }
        assertTrue(svgs.get(2).contains("time since start (s)"));
        assertTrue(svgs.get(2).contains("submits per second"));
        assertTrue(svgs.get(5).contains("submits (count)"));
    }

    @Test
    void spectrumHasOneLineAndLegendPerMetric() throws IOException {
        String spectrum = Html.svgs(render(new RunFixture())).get(0);
        assertEquals(4, Html.count(spectrum, "<polyline"));
        for (String metric : List.of(">submit<", ">submit-service<", ">connect<", ">subscribe<")) {
            assertTrue(spectrum.contains(metric), metric);
        }
    }

    @Test
    void spectrumDrawsTheHonestMinersApartOnlyWhenSomeWereHostile() throws IOException {
        RunFixture fixture = new RunFixture();
        fixture.hostileMiners = true;
        String spectrum = Html.svgs(render(fixture)).get(0);
        assertEquals(5, Html.count(spectrum, "<polyline"));
        assertTrue(spectrum.contains(">submit-honest<"), spectrum);
    }

    @Test
    void aRunFromBeforeHostileMinersReadsAsAllHonest() throws IOException {
        RunFixture fixture = new RunFixture();
        fixture.beforeHostileMiners = true;
        String spectrum = Html.svgs(render(fixture)).get(0);
        assertEquals(4, Html.count(spectrum, "<polyline"));
        assertFalse(spectrum.contains(">submit-honest<"), spectrum);
    }

    @Test
    void outcomesChartHasABarAndCountPerReason() throws IOException {
        String outcomes = Html.svgs(render(new RunFixture())).get(5);
        assertEquals(7, Html.count(outcomes, "<rect class=\"data\""));
        for (String label : List.of("accepted", "stale", "incorrect", "duplicate", "other", "errors",
                "unanswered")) {
            assertTrue(outcomes.contains(">" + label + "<"), label);
        }
        assertTrue(outcomes.contains("900 (90.00%)"), outcomes);
        assertTrue(outcomes.contains("40 (4.00%)"), outcomes);
    }

    @Test
    void keyFiguresAppear() throws IOException {
        RunFixture fixture = new RunFixture();
        fixture.sent = 12_345;
        fixture.accepted = 12_000;
        fixture.submitP99Us = 1_260;
        fixture.notifySkewP99Us = 3_380;
        String html = render(fixture);
        for (String figure : List.of("12,345", "12,000", "97.21%", "1,234.5/s", "252 µs", "1.26 ms",
                "2.52 ms",
                "3.38 ms", "Test CPU, 2 cores, Linux amd64", "17.0.15", "2026-11-24 10:00:00 UTC", "10 s")) {
            assertTrue(html.contains(figure), figure + " missing");
        }
    }

    @Test
    void textFromTheFilesIsEscaped() throws IOException {
        RunFixture fixture = new RunFixture();
        fixture.scenario = "<b>bold</b> & \"quoted\" <script>x</script>";
        fixture.thresholds = new Object[][]{{"submit.p99 < 5ms & <i>", 900, true}};
        String html = render(fixture);
        assertFalse(html.contains("<b>bold"), "unescaped scenario");
        assertFalse(html.contains("<script>"), "unescaped scenario");
        assertFalse(html.contains("<i>"), "unescaped rule");
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;"), "escaped scenario");
        assertTrue(html.contains("submit.p99 &lt; 5ms &amp; &lt;i&gt;"), "escaped rule");
    }

    @Test
    void thresholdsTableShowsRuleMeasuredValueAndVerdict() throws IOException {
        RunFixture fixture = new RunFixture();
        fixture.thresholds = new Object[][]{{"submit.p99 < 5ms", 900, true}, {"unanswered == 0", 3, false},
                {"accepted_ratio >= 0.99", 0.9, false},
                {"submit_honest.p99{phase:steady} < 5ms", 2585, true}};
        String html = render(fixture);
        assertTrue(html.contains("<h2>Thresholds</h2>"), html);
        assertTrue(html.contains("<td>submit.p99 &lt; 5ms</td><td class=\"num\">900 µs</td>"
                + "<td class=\"pass\">pass</td>"), html);
        assertTrue(
                html.contains("<td>unanswered == 0</td><td class=\"num\">3</td><td class=\"fail\">FAIL</td>"),
                html);
        assertTrue(html.contains("<td class=\"num\">0.900</td>"), html);
        assertTrue(
                html.contains(
                        "<td>submit_honest.p99{phase:steady} &lt; 5ms</td><td class=\"num\">2.59 ms</td>"),
                html);
        assertTrue(html.contains("FAILED</span> 2 of 4 thresholds passed"), html);
    }

    @Test
    void phasesAreShownSideBySide() throws IOException {
        RunFixture fixture = new RunFixture();
        fixture.phases = 2;
        String html = render(fixture);
        assertTrue(html.contains("<h2>Phases</h2>"), html);
        // phase-2: 200 sent in 5 s, 180 accepted, 14 incorrect, 2 stale, 2 other; submit p50 400 µs, p99 2 ms.
        assertTrue(html.contains("<td>phase-2</td><td class=\"num\">5 s</td><td class=\"num\">5 s</td>"
                + "<td class=\"num\">40</td><td class=\"num\">180</td><td class=\"num\">14</td>"
                + "<td class=\"num\">2</td><td class=\"num\">2</td><td class=\"num\">0</td>"
                + "<td class=\"num\">400 µs</td><td class=\"num\">2.00 ms</td>"), html);
        fixture.phases = 1;
        assertFalse(render(fixture).contains("<h2>Phases</h2>"), "one phase: the key figures say it all");
    }

    @Test
    void linesThatCoincideAreNamedInTheCaption() {
        org.HdrHistogram.Histogram submit = new org.HdrHistogram.Histogram(3);
        org.HdrHistogram.Histogram service = new org.HdrHistogram.Histogram(3);
        org.HdrHistogram.Histogram connect = new org.HdrHistogram.Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            submit.recordValue(100 + i);
            service.recordValue(100 + i); // the same samples: a generator that was never late
            connect.recordValue(5000 + i);
        }
        java.util.Map<org.stratumlab.results.Metric, org.HdrHistogram.Histogram> latencies = java.util.Map.of(
                org.stratumlab.results.Metric.SUBMIT, submit, org.stratumlab.results.Metric.SUBMIT_SERVICE,
                service, org.stratumlab.results.Metric.CONNECT, connect);
        assertEquals(
                " submit and submit-service coincide (within 2 % at every percentile shown): one line hides "
                        + "the other.",
                RunCharts.coinciding(java.util.List.of(org.stratumlab.results.Metric.SUBMIT,
                        org.stratumlab.results.Metric.SUBMIT_SERVICE, org.stratumlab.results.Metric.CONNECT),
                        latencies));
    }

    @Test
    void everyChartOverTimeMarksWherePhasesBegin() throws IOException {
        RunFixture fixture = new RunFixture();
        fixture.phases = 3;
        String html = render(fixture);
        long overTime = Html.svgs(html).stream().filter(svg -> svg.contains("time since start (s)")).count();
        assertEquals(3, overTime, "throughput, miners and submit latency over time");
        for (String svg : Html.svgs(html)) {
            if (svg.contains("time since start (s)")) {
                assertEquals(2, Html.count(svg, "class=\"phase\""), "phase-2 and phase-3 begin: " + svg);
                assertTrue(svg.contains(">phase-3<"), svg);
            }
        }
    }

    @Test
    void withoutThresholdsThereIsNoThresholdsTable() throws IOException {
        String html = render(new RunFixture());
        assertFalse(html.contains("<h2>Thresholds</h2>"));
        assertFalse(html.contains("class=\"verdict"));
    }

    @Test
    void withoutTimeSeriesTheChartsOverTimeAreLeftOut() throws IOException {
        Path dir = new RunFixture().write(tmp.resolve("run"));
        Files.delete(dir.resolve("timeseries.csv"));
        String html = Files.readString(RunReport.render(dir));
        assertEquals(3, Html.svgs(html).size());
        assertTrue(html.contains("timeseries.csv is not in this run directory"), html);
    }

    @Test
    void rendersTheLoadGeneratorsOwnFiles() throws IOException {
        // A sample of what IntervalSampler writes: extra columns and tags are fine, missing ones are not.
        Path dir = new RunFixture().write(tmp.resolve("run"));
        Files.writeString(dir.resolve("timeseries.csv"), Files.readString(dir.resolve("timeseries.csv"))
                .replace("submit_p99_us\n", "submit_p99_us,extra\n").replaceAll("(\\d)\n", "$1,7\n"));
        assertEquals(CHARTS, Html.svgs(Files.readString(RunReport.render(dir))).size());
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path missing = tmp.resolve("nope");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunReport.render(missing));
        assertEquals(missing + ": no such run directory", e.getMessage());
    }

    @Test
    void aMissingSummaryIsNamed() throws IOException {
        Path dir = new RunFixture().write(tmp.resolve("run"));
        Files.delete(dir.resolve("summary.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunReport.render(dir));
        assertEquals(dir.resolve("summary.json") + ": not found", e.getMessage());
    }

    @Test
    void aMissingLatencyLogIsNamed() throws IOException {
        Path dir = new RunFixture().write(tmp.resolve("run"));
        Files.delete(dir.resolve("latency.hlog"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunReport.render(dir));
        assertEquals(dir.resolve("latency.hlog") + ": not found", e.getMessage());
    }

    @Test
    void aSummaryWithoutAKeyNamesFileAndKey() throws IOException {
        Path dir = new RunFixture().write(tmp.resolve("run"));
        Files.writeString(dir.resolve("summary.json"), Files.readString(dir.resolve("summary.json"))
                .replace("\"sent\"", "\"sentx\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunReport.render(dir));
        assertEquals(dir.resolve("summary.json") + ": submits.sent is missing", e.getMessage());
    }

    @Test
    void aSummaryThatIsNotJsonIsOneLine() throws IOException {
        Path dir = new RunFixture().write(tmp.resolve("run"));
        Files.writeString(dir.resolve("summary.json"), "{\"scenario\": \n oops");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunReport.render(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("summary.json") + ": not valid JSON"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aMalformedTimeSeriesNamesLineAndColumn() throws IOException {
        Path dir = new RunFixture().write(tmp.resolve("run"));
        Files.writeString(dir.resolve("timeseries.csv"), Files.readString(dir.resolve("timeseries.csv"))
                .replace("3.0,120", "3.0,lots"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunReport.render(dir));
        assertEquals(dir.resolve("timeseries.csv") + ": line 4, column connections: 'lots' is not a number",
                e.getMessage());
    }

    @Test
    void aCorruptLatencyLogIsNamed() throws IOException {
        Path dir = new RunFixture().write(tmp.resolve("run"));
        Files.writeString(dir.resolve("latency.hlog"), "Tag=submit,0.000,1.000,0.1,HISTFAAAAnotbase64!!\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunReport.render(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("latency.hlog") + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anInterruptedRunSaysHowFarItGot() throws IOException {
        RunFixture fixture = new RunFixture();
        fixture.interruptedOf = 600.0;
        String html = render(fixture);
        assertTrue(html.contains("INTERRUPTED</span> interrupted after 10 s of 600 s"), html);
        assertFalse(html.contains("DID NOT GET GOING"), html);
    }

    @Test
    void aRunThatNeverGotGoingSaysWhyWithTheReasonCounts() throws IOException {
        RunFixture fixture = new RunFixture();
        fixture.startFailure = "no miner could connect (connect failed: ECONNREFUSED 40)";
        String html = render(fixture);
        assertTrue(
                html.contains(
                        "DID NOT GET GOING</span> no miner could connect (connect failed: ECONNREFUSED 40)"),
                html);
        assertTrue(html.contains("<td>connect failed: ECONNREFUSED</td><td class=\"num\">40</td>"), html);
        assertFalse(html.contains("INTERRUPTED"), html);
    }

    @Test
    void aRunThatGotGoingHasNoEndBanner() throws IOException {
        String html = render(new RunFixture());
        assertFalse(html.contains("INTERRUPTED"), html);
        assertFalse(html.contains("DID NOT GET GOING"), html);
        assertFalse(html.contains("Miners that did not get going"), html);
    }
}

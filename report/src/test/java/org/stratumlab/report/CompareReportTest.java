package org.stratumlab.report;

import org.stratumlab.results.SummaryFile;
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

class CompareReportTest {
    @TempDir
    Path tmp;

    private String compare(RunFixture a, RunFixture b) throws IOException {
        Path out = CompareReport.render(a.write(tmp.resolve("runs/a")), b.write(tmp.resolve("runs/b")),
                tmp.resolve("compare.html"));
        return Files.readString(out);
    }

    private static RunFixture slower() {
        RunFixture b = new RunFixture();
        b.scenario = "smoke <window 8>";
        b.sent = 1100;
        b.accepted = 1080;
        b.submitP99Us = 990;
        b.notifySkewP99Us = 3000;
        return b;
    }

    @Test
    void showsEachKeyFigureOfBothRunsWithItsChange() throws IOException {
        String html = compare(new RunFixture(), slower());
        assertTrue(
                html.contains("<td>submits sent</td><td class=\"num\">1,000</td><td class=\"num\">1,100</td>"
                        + "<td class=\"num better\">+10.0%</td>"),
                html);
        assertTrue(
                html.contains("<td>submit p99</td><td class=\"num\">900 µs</td><td class=\"num\">990 µs</td>"
                        + "<td class=\"num worse\">+10.0%</td>"),
                html);
        assertTrue(html.contains("<td>notify skew p99</td><td class=\"num\">4.00 ms</td>"
                + "<td class=\"num\">3.00 ms</td><td class=\"num better\">-25.0%</td>"), html);
        assertTrue(html.contains("<td>rejected: stale</td><td class=\"num\">40</td><td class=\"num\">40</td>"
                + "<td class=\"num\">0.0%</td>"), html);
        for (KeyFigure figure : KeyFigure.of(SummaryFile.read(tmp.resolve("runs/a/summary.json")))) {
            assertTrue(html.contains("<td>" + figure.name() + "</td>"), figure.name());
        }
    }

    @Test
    void overlaysTheSpectraOfBothRunsPerMetric() throws IOException {
        String html = compare(new RunFixture(), slower());
        Html.assertSelfContained(html);
        List<String> svgs = Html.svgs(html);
        assertEquals(5, svgs.size());
        for (String svg : svgs) {
            Html.assertHasData(svg);
            assertEquals(2, Html.count(svg, "<polyline"), svg);
            assertEquals(1, Html.count(svg, "stroke-dasharray=\"6 4\" points="), "B is dashed");
            assertTrue(svg.contains(">99.9%<"), svg);
        }
    }

    @Test
    void aRunWithHostileMinersAgainstAnOlderRunAddsTheHonestMinersSpectrumWithDataOnBothSides()
            throws IOException {
        RunFixture older = new RunFixture();
        older.beforeHostileMiners = true;
        RunFixture hostile = slower();
        hostile.hostileMiners = true;
        List<String> svgs = Html.svgs(compare(older, hostile));
        assertEquals(6, svgs.size());
        String honest = svgs.stream().filter(svg -> svg.contains("submit-honest latency")).findFirst()
                .orElseThrow();
        assertEquals(2, Html.count(honest, "<polyline"), honest);
        Html.assertHasData(honest);
    }

    @Test
    void saysWhichThresholdsChangedVerdict() throws IOException {
        RunFixture a = new RunFixture();
        a.thresholds = new Object[][]{{"submit.p99 < 5ms", 900, true}, {"unanswered == 0", 0, true}};
        RunFixture b = new RunFixture();
        b.thresholds = new Object[][]{{"submit.p99 < 5ms", 6100, false}, {"unanswered == 0", 0, true}};
        String html = compare(a, b);
        assertTrue(html.contains("<h2>Thresholds (1 changed verdict)</h2>"), html);
        assertTrue(html.contains("<td>submit.p99 &lt; 5ms</td><td class=\"num\">900 µs (pass)</td>"
                + "<td class=\"num\">6.10 ms (FAIL)</td><td class=\"fail\">now fails</td>"), html);
        assertTrue(
                html.contains("<td class=\"\">passed in both</td>")
                        || html.contains("<td>passed in both</td>"),
                html);
        assertFalse(html.contains("NOT THE SAME EXPERIMENT"), "same scenario, overrides and machine");
    }

    @Test
    void warnsWhenTheRunsAreNotTheSameExperiment() throws IOException {
        RunFixture shortened = new RunFixture();
        shortened.overrides = new String[]{"phases.0.duration=2s"};
        String html = compare(new RunFixture(), shortened);
        assertTrue(html.contains("NOT THE SAME EXPERIMENT"), html);
        assertTrue(html.contains("their --set overrides differ (A: none; B: phases.0.duration=2s)"), html);
        assertTrue(compare(new RunFixture(), slower()).contains("they are different scenarios"));
    }

    @Test
    void namesBothRunsAndEscapesThem() throws IOException {
        String html = compare(new RunFixture(), slower());
        assertTrue(html.contains("<td>scenario</td><td>smoke</td><td>smoke &lt;window 8&gt;</td>"), html);
        assertFalse(html.contains("<window 8>"));
        assertTrue(html.contains("<h1>Stratum Lab comparison: a vs b</h1>"), html);
    }

    @Test
    void defaultOutputIsNextToTheFirstRun() {
        Path out = CompareReport.defaultOutFile(tmp.resolve("runs/smoke-1"), tmp.resolve("other/smoke-2"));
        assertEquals(tmp.resolve("runs/compare-smoke-1-vs-smoke-2.html").toAbsolutePath(), out);
    }

    @Test
    void aMissingRunIsNamed() throws IOException {
        Path a = new RunFixture().write(tmp.resolve("a"));
        Path missing = tmp.resolve("b");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompareReport.render(a, missing, tmp.resolve("out.html")));
        assertEquals(missing + ": no such run directory", e.getMessage());
    }
}

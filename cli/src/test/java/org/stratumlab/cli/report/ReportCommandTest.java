package org.stratumlab.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.CliRun;

class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void helpShowsTheThreeUses() {
        CliRun run = CliRun.of("report", "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("--compare"), run.out());
        assertTrue(run.out().contains("--out"), run.out());
        assertTrue(run.out().contains("index"), run.out());
        assertTrue(run.out().contains("compare-<A>-vs-<B>.html"), run.out());
    }

    @Test
    void indexHelpExplainsWhatItSkips() {
        CliRun run = CliRun.of("report", "index", "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("DIR/runs/ is skipped"), run.out());
    }

    @Test
    void rendersARunDirectory() throws IOException {
        Path dir = writeRun(tmp.resolve("run-1"));
        CliRun run = CliRun.of("report", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("wrote " + dir.resolve("report.html") + "\n", run.out());
        assertTrue(Files.readString(dir.resolve("report.html")).contains("Stratum Lab run: cli-test"));
    }

    @Test
    void aMissingDirectoryIsOneLineNamingItAndExitTwo() {
        Path missing = tmp.resolve("no-such-run");
        CliRun run = CliRun.of("report", missing.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(missing + ": no such run directory"), run.err());
    }

    @Test
    void aMalformedSummaryIsOneLineAndExitTwo() throws IOException {
        Path dir = writeRun(tmp.resolve("run-1"));
        Files.writeString(dir.resolve("summary.json"), "{}");
        CliRun run = CliRun.of("report", dir.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(dir.resolve("summary.json") + ": scenario is missing"), run.err());
    }

    @Test
    void comparesTwoRunsIntoTheGivenFile() throws IOException {
        Path a = writeRun(tmp.resolve("a"));
        Path b = writeRun(tmp.resolve("b"));
        Path out = tmp.resolve("a-vs-b.html");
        CliRun run = CliRun.of("report", "--compare", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(out).contains("<td class=\"num\">0.0%</td>"));
    }

    @Test
    void comparesNextToTheFirstRunByDefault() throws IOException {
        Path a = writeRun(tmp.resolve("runs/a"));
        Path b = writeRun(tmp.resolve("runs/b"));
        CliRun run = CliRun.of("report", "--compare", a.toString(), b.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(tmp.resolve("runs/compare-a-vs-b.html")), run.out());
    }

    @Test
    void indexWritesTheReadme() throws IOException {
        writeRun(tmp.resolve("results/smoke-1"));
        CliRun run = CliRun.of("report", "index", tmp.resolve("results").toString());
        assertEquals(0, run.exitCode(), run.err());
        String md = Files.readString(tmp.resolve("results/README.md"));
        assertTrue(md.contains("| cli-test | 2026-11-24 10:00 |"), md);
        assertTrue(md.contains("[summary](smoke-1/summary.json)"), md);
    }

    @Test
    void indexOfAMissingFolderIsExitTwo() {
        CliRun run = CliRun.of("report", "index", tmp.resolve("nope").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no such results folder"), run.err());
    }

    @Test
    void attacksWritesItsTableAndAMissingFolderIsExitTwo() throws IOException {
        writeRun(tmp.resolve("results/smoke-1"));
        CliRun run = CliRun.of("report", "attacks", tmp.resolve("results").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("wrote " + tmp.resolve("results/attacks/README.md") + "\n", run.out());
        assertTrue(Files.readString(tmp.resolve("results/attacks/README.md"))
                .contains("_No published attack runs yet._"));
        CliRun missing = CliRun.of("report", "attacks", tmp.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such results folder"), missing.err());
    }

    @Test
    void nothingToDoIsAUsageError() {
        CliRun run = CliRun.of("report");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("give a run directory, --compare A B, or 'index DIR'"), run.err());
    }

    @Test
    void outWithoutCompareIsAUsageError() throws IOException {
        Path dir = writeRun(tmp.resolve("run-1"));
        CliRun run = CliRun.of("report", dir.toString(), "--out", "x.html");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--out goes with --compare"), run.err());
    }

    /** A minimal run directory: the report's own tests cover the content; these check the command's wiring. */
    private static Path writeRun(Path dir) throws IOException {
        Files.createDirectories(dir);
        String latency = "{\"count\": 100, \"mean\": 200.0, \"p50\": 180, \"p90\": 300, \"p99\": 900, "
                + "\"p999\": 2100, \"max\": 3000}";
        Files.writeString(dir.resolve("summary.json"), "{\"scenario\": \"cli-test\", "
                + "\"startedAt\": \"2026-11-24T10:00:00Z\", \"durationS\": 5.0, "
                + "\"machine\": {\"cpu\": \"Test CPU\", \"cores\": 2, \"os\": \"Linux\"}, \"jdk\": \"17\", "
                + "\"miners\": {\"target\": 10, \"connectedMax\": 10, \"subscribed\": 10, \"neverAnswered\": 0, "
                + "\"reconnects\": 0}, \"submits\": {\"sent\": 100, \"accepted\": 90, \"rejected\": {\"stale\": 4, "
                + "\"incorrect\": 3, \"duplicate\": 2, \"other\": 1}, \"errors\": 0, \"unanswered\": 0}, "
                + "\"notifies\": {\"jobs\": 5, \"received\": 50}, \"latencyUs\": {\"submit\": " + latency
                + ", \"submitService\": " + latency + ", \"connect\": " + latency + ", \"subscribe\": "
                + latency
                + ", \"notifySkew\": " + latency + "}, \"thresholds\": []}");
        try (OutputStream file = Files.newOutputStream(dir.resolve("latency.hlog"));
                PrintStream out = new PrintStream(file, false, StandardCharsets.US_ASCII)) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputLegend();
            for (String tag : new String[]{"submit", "submit-service", "connect", "subscribe",
                    "notify-skew"}) {
                Histogram h = new Histogram(3);
                for (int i = 1; i <= 100; i++) {
                    h.recordValue(30L * i);
                }
                h.setTag(tag);
                log.outputIntervalHistogram(0, 1, h);
            }
        }
        return dir;
    }
}

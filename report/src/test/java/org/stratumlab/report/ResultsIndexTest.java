package org.stratumlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsIndexTest {
    @TempDir
    Path results;

    private static RunFixture run(String scenario, String startedAt) {
        RunFixture fixture = new RunFixture();
        fixture.scenario = scenario;
        fixture.startedAt = Instant.parse(startedAt);
        return fixture;
    }

    private List<String> tableRows() throws IOException {
        String md = Files.readString(ResultsIndex.write(results));
        return md.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| Scenario")).toList();
    }

    @Test
    void tableListsEveryRunSortedByScenarioThenDateWithLinks() throws IOException {
        RunReport.render(run("smoke", "2026-11-25T09:00:00Z").write(results.resolve("smoke-2")));
        run("smoke", "2026-11-24T10:00:00Z").write(results.resolve("smoke-1"));
        run("farm-10k", "2026-11-26T08:30:00Z").write(results.resolve("deeper/farm"));
        List<String> rows = tableRows();
        assertEquals(3, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(0)
                .startsWith("| farm-10k | 2026-11-26 08:30 | 10 s | - | Test CPU, 2 cores, Linux amd64 | "
                        + "17.0.15 | 100.0/s | 90.00% | 900 µs | 4.00 ms | - | [summary](deeper/farm/summary.json) |"),
                rows.get(0));
        assertTrue(rows.get(1).startsWith("| smoke | 2026-11-24 10:00 |"), rows.get(1));
        assertTrue(rows.get(1).endsWith("[summary](smoke-1/summary.json) |"), rows.get(1));
        assertTrue(rows.get(2).endsWith("[report](smoke-2/report.html) |"), rows.get(2));
    }

    @Test
    void headerNamesTheColumns() throws IOException {
        run("smoke", "2026-11-24T10:00:00Z").write(results.resolve("smoke-1"));
        String md = Files.readString(ResultsIndex.write(results));
        assertTrue(md.contains(
                "| Scenario | Date (UTC) | Duration | Overrides | Machine | JDK | Submits/s | Accepted "
                        + "| Submit p99 | Notify skew p99 | Thresholds | Report |\n|---|"),
                md);
    }

    @Test
    void aShortenedRunShowsItsOverrides() throws IOException {
        RunFixture shortened = run("smoke", "2026-11-24T10:00:00Z");
        shortened.overrides = new String[]{"phases.0.duration=2s", "target.embedded.window=8"};
        shortened.write(results.resolve("smoke-1"));
        assertTrue(tableRows().get(0).contains("| phases.0.duration=2s, target.embedded.window=8 |"),
                tableRows().get(0));
    }

    @Test
    void unpublishedRunsAreLeftOut() throws IOException {
        run("smoke", "2026-11-24T10:00:00Z").write(results.resolve("runs/smoke-scratch"));
        run("smoke", "2026-11-24T10:00:00Z").write(results.resolve("smoke-1"));
        List<String> rows = tableRows();
        assertEquals(1, rows.size());
        assertFalse(rows.get(0).contains("runs/"), rows.get(0));
    }

    @Test
    void thresholdsAreSummed() throws IOException {
        RunFixture failing = run("smoke", "2026-11-24T10:00:00Z");
        failing.thresholds = new Object[][]{{"submit.p99 < 5ms", 900, true}, {"unanswered == 0", 2, false}};
        failing.write(results.resolve("smoke-1"));
        RunFixture passing = run("smoke", "2026-11-24T11:00:00Z");
        passing.thresholds = new Object[][]{{"submit.p99 < 5ms", 900, true}};
        passing.write(results.resolve("smoke-2"));
        List<String> rows = tableRows();
        assertTrue(rows.get(0).contains("| **1 of 2 failed** |"), rows.get(0));
        assertTrue(rows.get(1).contains("| all 1 passed |"), rows.get(1));
    }

    @Test
    void cellsAndLinksCannotBreakTheTable() throws IOException {
        run("a|b <i>x</i>", "2026-11-24T10:00:00Z").write(results.resolve("odd name (1)"));
        String row = tableRows().get(0);
        assertTrue(row.startsWith("| a\\|b \\<i\\>x\\</i\\> |"), row);
        assertTrue(row.endsWith("[summary](odd%20name%20%281%29/summary.json) |"), row);
    }

    @Test
    void textAroundTheTableIsKeptAndTheTableReplaced() throws IOException {
        run("smoke", "2026-11-24T10:00:00Z").write(results.resolve("smoke-1"));
        ResultsIndex.write(results);
        Path readme = results.resolve("README.md");
        Files.writeString(readme, "# My results\n\nIntro.\n\n" + Files.readString(readme).substring(
                Files.readString(readme).indexOf(ResultsIndex.BEGIN))
                + "\n## Notes\n\nfarm-10k misses its p99.\n");
        run("farm", "2026-11-24T10:00:00Z").write(results.resolve("farm-1"));
        String md = Files.readString(ResultsIndex.write(results));
        assertTrue(md.startsWith("# My results\n\nIntro.\n\n" + ResultsIndex.BEGIN), md);
        assertTrue(md.endsWith(ResultsIndex.END + "\n\n## Notes\n\nfarm-10k misses its p99.\n"), md);
        assertEquals(1, Html.count(md, ResultsIndex.BEGIN));
        assertEquals(2, md.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| Scenario"))
                .count());
    }

    @Test
    void aReadmeWithoutMarkersGetsTheTableAppended() throws IOException {
        Files.writeString(results.resolve("README.md"), "# Hand written\n");
        run("smoke", "2026-11-24T10:00:00Z").write(results.resolve("smoke-1"));
        String md = Files.readString(ResultsIndex.write(results));
        assertTrue(md.startsWith("# Hand written\n\n" + ResultsIndex.BEGIN), md);
    }

    @Test
    void anEmptyFolderSaysSo() throws IOException {
        String md = Files.readString(ResultsIndex.write(results));
        assertTrue(md.contains("_No published runs yet._"), md);
    }

    @Test
    void aMalformedSummaryIsNamed() throws IOException {
        Path dir = run("smoke", "2026-11-24T10:00:00Z").write(results.resolve("smoke-1"));
        Files.writeString(dir.resolve("summary.json"), "[]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultsIndex.write(results));
        assertEquals(dir.resolve("summary.json") + ": not a JSON object", e.getMessage());
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = results.resolve("nope");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultsIndex.write(missing));
        assertEquals(missing + ": no such results folder", e.getMessage());
    }
}

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
import org.stratumlab.results.RunSet;
import org.stratumlab.results.RunSetFile;

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
                .startsWith(
                        "| farm-10k | 2026-11-26 08:30 | 1 run | 10 s | - | Test CPU, 2 cores, Linux amd64 | "
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
                "| Scenario | Date (UTC) | Runs | Duration | Overrides | Machine | JDK | Submits/s | Accepted "
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
    void aRepeatedRunIsOneRowWithTheMedianAndTheSpreadOfEachFigure() throws IOException {
        Path set = results.resolve("smoke/20261201T100000Z");
        for (int k = 1; k <= 3; k++) {
            run("smoke", "2026-12-01T10:0" + k + ":00Z").write(set.resolve("run-" + k));
        }
        RunSetFile.write(set(3, 3, "3 of 3 runs passed"), set.resolve(RunSet.FILE_NAME));
        RunSetReport.write(set);
        run("smoke", "2026-11-24T10:00:00Z").write(results.resolve("smoke/20261124T100000Z"));
        List<String> rows = tableRows();
        assertEquals(2, rows.size(), "the runs of the set get no rows of their own: " + rows);
        assertTrue(rows.get(0).contains("| 1 run |"), rows.get(0));
        assertEquals(
                "| smoke | 2026-12-01 10:01 | 3 runs | 15 s | phases.0.duration=5s | Test CPU, 2 cores, Linux "
                        + "amd64 | 17.0.15 | 366.5/s (360.0/s\u2013370.1/s) | 100.00% | 2.04 ms (1.90 ms\u201330.0 ms) | "
                        + "5.61 ms | 3 of 3 runs passed | [3 runs](smoke/20261201T100000Z/README.md) |",
                rows.get(1));
    }

    @Test
    void aSetWithAFailedRunSaysSoInBold() throws IOException {
        Path set = Files.createDirectories(results.resolve("smoke/set"));
        RunSetFile.write(set(3, 2, "2 of 3 runs passed: run 2 failed submit.p99 < 25ms"),
                set.resolve(RunSet.FILE_NAME));
        String row = tableRows().get(0);
        assertTrue(row.endsWith("| **2 of 3 runs passed** | [runs.json](smoke/set/runs.json) |"), row);
    }

    @Test
    void theSetsPageListsEachFigureAndEachRunWithItsLoadAndStealTime() throws IOException {
        Path set = Files.createDirectories(results.resolve("smoke/set"));
        RunSetFile.write(set(3, 2, "2 of 3 runs passed: run 2 failed submit.p99 < 25ms"),
                set.resolve(RunSet.FILE_NAME));
        String md = Files.readString(RunSetReport.write(set));
        assertTrue(md.contains("2 of 3 runs passed: run 2 failed submit.p99 \\< 25ms."), md);
        assertTrue(md.startsWith("# smoke: 3 runs\n"), md);
        assertTrue(md.contains("| submit.p99 | 2.04 ms | 1.90 ms | 30.0 ms | 2.04 ms | 30.0 ms | 1.90 ms |"),
                md);
        assertTrue(md.contains("| run-2 | 2026-12-01 10:02 | 15 s | 0.5 0.3 0.3 | 0.9 0.4 0.3 | - | failed "
                + "submit.p99 \\< 25ms | - |"), md);
        assertTrue(md.contains(
                "| run-1 | 2026-12-01 10:01 | 15 s | 0.10 0.20 0.30 | 0.50 0.30 0.31 | 0.12 % | passed"),
                md);
    }

    @Test
    void everyPublishedResultIsIndexedWithHowManyRunsStandBehindIt() throws IOException {
        Path published = Path.of("..", "results");
        List<ResultsIndex.Entry> entries = ResultsIndex.find(published);
        assertTrue(entries.size() >= 5, entries.toString());
        List<String> rows = ResultsIndex.block(entries).lines().filter(l -> l.startsWith("| ")
                && !l.startsWith("| Scenario")).toList();
        assertEquals(entries.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String runs = entries.get(i).set() == null
                    ? "1 run"
                    : RunSetReport.runs(entries.get(i).set().runs().size());
            assertTrue(rows.get(i).contains("| " + runs + " |"), rows.get(i));
        }
    }

    private static RunSet set(int runs, int passed, String verdict) {
        return new RunSet(RunSet.CURRENT_SCHEMA_VERSION, "smoke", null, "2026-12-01T10:01:00Z",
                "Test CPU, 2 cores, Linux amd64", "17.0.15", List.of("phases.0.duration=5s"), List.of(), runs,
                passed, passed == runs ? 0 : 1, verdict,
                List.of(new RunSet.Run("run-1", 0, "passed", true, "2026-12-01T10:01:00Z", 15.2,
                        "0.10 0.20 0.30",
                        "0.50 0.30 0.31", 0.12),
                        new RunSet.Run("run-2", passed == runs ? 0 : 1,
                                passed == runs ? "passed" : "failed submit.p99 < 25ms", true,
                                "2026-12-01T10:02:00Z", 15.1, "0.5 0.3 0.3", "0.9 0.4 0.3", null),
                        new RunSet.Run("run-3", 0, "passed", true, "2026-12-01T10:03:00Z", 15.3, "", "",
                                0.0)),
                List.of(RunSet.Figure.of("submits_per_s", "", List.of(366.5, 360.0, 370.1)),
                        RunSet.Figure.of("accepted_ratio", "", List.of(1.0, 1.0, 1.0)),
                        RunSet.Figure.of("submit.p99", "us", List.of(2040.0, 30000.0, 1900.0)),
                        RunSet.Figure.of("notify_skew.p99", "us", List.of(5610.0, 5610.0, 5610.0))));
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = results.resolve("nope");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultsIndex.write(missing));
        assertEquals(missing + ": no such results folder", e.getMessage());
    }
}

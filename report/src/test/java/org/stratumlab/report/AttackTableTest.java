package org.stratumlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attacks table reads each attack run's baseline and attack phases, the simulator's counters and the soak. */
class AttackTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path results;

    /** An attack run: its baseline phase's p99s are 2 ms, its attack phase's 3 ms. */
    private void attackRun(String scenario, String startedAt, Path dir, boolean nodeLimits)
            throws IOException {
        RunFixture fixture = new RunFixture();
        fixture.scenario = scenario;
        fixture.startedAt = Instant.parse(startedAt);
        fixture.phases = 3;
        fixture.unanswered = 2;
        fixture.write(dir);
        ObjectNode summary = fixture.summary();
        ArrayNode phases = (ArrayNode) summary.get("phases");
        ((ObjectNode) phases.get(0)).put("name", "connect");
        ((ObjectNode) phases.get(1)).put("name", "baseline");
        ((ObjectNode) phases.get(2)).put("name", "attack");
        ((ObjectNode) summary.get("settings").get("server")).put("nodeLimits", nodeLimits);
        ObjectNode server = summary.putObject("server");
        server.putObject("closedBy").put("limit", 0).put("idle", 120).put("line_too_long", 3);
        server.put("submits", 1000).put("notifiesSent", 5000).put("notifiesDropped", 40)
                .put("bytesReceived", 1)
                .put("bytesSent", 2);
        Files.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(summary));
    }

    private List<String> rows(String md) {
        return md.lines().filter(line -> line.startsWith("| attack-")).toList();
    }

    @Test
    void eachAttackScenarioGetsItsLatestRunWithBaselineAndAttackSideBySide() throws IOException {
        attackRun("attack-slowloris", "2026-12-01T10:00:00Z", results.resolve("attack-slowloris/old"), false);
        attackRun("attack-slowloris", "2026-12-02T10:00:00Z", results.resolve("attack-slowloris/new"), false);
        attackRun("attack-giant-batch", "2026-12-02T11:00:00Z", results.resolve("attack-giant-batch/a"),
                true);
        new RunFixtureRun("smoke").write(results.resolve("smoke/a"));
        String md = Files.readString(AttackTable.write(results));
        List<String> rows = rows(md);
        assertEquals(2, rows.size(), md);
        assertEquals(
                "| attack-giant-batch | 2026-12-02 11:00 | simulator as the node (no defences) | 2.00 ms → 3.00 ms "
                        + "| 1.50× | 2.00 ms → 3.00 ms | 1.50× | - | idle 120, line too long 3; 40 notifies dropped for slow "
                        + "readers | 2 | - | [summary](../attack-giant-batch/a/summary.json) |",
                rows.get(0));
        assertTrue(rows.get(1).startsWith("| attack-slowloris | 2026-12-02 10:00 | simulator |"),
                rows.get(1));
        assertTrue(rows.get(1).endsWith("[summary](../attack-slowloris/new/summary.json) |"), rows.get(1));
    }

    @Test
    void theSoaksReadingsFollowTheTableAndTextAroundTheMarkersIsKept() throws IOException {
        attackRun("attack-churn", "2026-12-02T10:00:00Z", results.resolve("attack-churn/a"), false);
        RunFixture soak = new RunFixture();
        soak.scenario = "soak";
        soak.serverResources = true;
        soak.write(results.resolve("soak/a"));
        Path file = AttackTable.write(results);
        Files.writeString(file, "# Mine\n\nWhat we learnt.\n\n" + Files.readString(file).substring(
                Files.readString(file).indexOf(AttackTable.BEGIN)) + "\nMore notes.\n");
        String md = Files.readString(AttackTable.write(results));
        assertTrue(md.startsWith("# Mine\n\nWhat we learnt.\n\n" + AttackTable.BEGIN), md);
        assertTrue(md.endsWith(AttackTable.END + "\n\nMore notes.\n"), md);
        assertTrue(md.contains("### Soak: the simulator's heap over 0 minutes"), md);
        assertTrue(md.contains("| start | 0.0 | - | 30.00 | 64.0 | 40 | 0 | 0 |"), md);
        assertTrue(md.contains("| 2 | 4.0 | steady | 41.00 | 64.0 | 240 | 200 | 400 |"), md);
        assertTrue(md.contains("| end | 9.5 | - | 31.00 | 64.0 | 41 | 0 | 0 |"), md);
    }

    @Test
    void withoutAttackRunsTheTableSaysSo() throws IOException {
        String md = Files.readString(AttackTable.write(results));
        assertTrue(md.contains("_No published attack runs yet._"), md);
    }

    /** A plain run of another scenario, which the table leaves out. */
    private record RunFixtureRun(String scenario) {
        void write(Path dir) throws IOException {
            RunFixture fixture = new RunFixture();
            fixture.scenario = scenario;
            fixture.write(dir);
        }
    }
}

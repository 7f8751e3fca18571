package org.stratumlab.loadgen.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.attack.AttackKind;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;

/**
 * A scenario with a baseline of honest miners alone and an attack phase beside the same miners runs end to end
 * against the embedded simulator: no honest submit is lost, the attackers' section of summary.json accounts for
 * every connection, and the attack's threshold metrics read it.
 */
@Timeout(90)
class AttackScenarioTest {
    @TempDir
    static Path dir;
    private static Summary summary;

    @BeforeAll
    static void run() throws Exception {
        Path file = ScenarioFiles.write(dir, "attack.yaml", """
                name: attack-test
                target:
                  embedded: {subscribe-timeout: 500ms, max-line-bytes: 1k}
                miners:
                  attack: {kind: line-over-limit, rate: 20}
                phases:
                  - {name: baseline, duration: 2s, miners: 20, solve-rate: 2}
                  - {name: attack, duration: 3s, attackers: 10}
                thresholds:
                  - attack.closed_by_server > 0
                  - attack.opened > 10
                """);
        Scenario scenario = ScenarioLoader.load(file, List.of());
        Path out = dir.resolve("out");
        ScenarioRun.run(scenario, out, new PrintWriter(new StringWriter(), true), false);
        summary = SummaryFile.read(out.resolve(SummaryFile.FILE_NAME));
    }

    @Test
    void everyHonestSubmitIsAnsweredBesideTheAttack() {
        assertEquals(0, summary.submits().unanswered(), summary.submits().toString());
        assertTrue(summary.submits().sent() > 0);
        assertEquals(2, summary.phases().size());
        assertEquals(List.of("baseline", "attack"),
                summary.phases().stream().map(Summary.Phase::name).toList());
        for (Summary.Phase phase : summary.phases()) {
            assertTrue(phase.submits().sent() > 0, phase.name());
            assertEquals(0, phase.submits().unanswered(), phase.name());
        }
        assertEquals(20, summary.miners().subscribed(), "the same honest miners in both phases");
        assertEquals(0, summary.miners().reconnects(), "no honest miner lost its connection to the attack");
    }

    @Test
    void theAttackSectionAccountsForEveryConnection() {
        Summary.Attack attack = summary.attack();
        assertNotNull(attack, "summary.json has the attack");
        assertEquals(AttackKind.LINE_OVER_LIMIT.label(), attack.kind());
        assertEquals(10, attack.attackersMax());
        long ends = attack.ends().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(attack.opened(), ends, attack.describe());
        assertTrue(attack.closedByServer() > 10, attack.describe());
        assertTrue(summary.thresholds().stream().allMatch(Summary.ThresholdResult::passed),
                summary.thresholds().toString());
    }
}

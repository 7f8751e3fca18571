package org.stratumlab.cli.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stratumlab.cli.CliRun;
import org.stratumlab.loadgen.attack.AttackKind;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;

/**
 * {@code loadgen --attack}: the help of loadgen and run lists every attack kind with the warning, the README's
 * table lists the same kinds, bad attack options are one line with exit 2, and a short attack runs a baseline and
 * then the attack, and prints the honest p99 of both side by side.
 */
class AttackOptionsTest {
    @TempDir
    Path out;

    @Test
    void theHelpOfLoadgenAndRunListsEveryKindWithTheWarning() {
        for (String command : new String[]{"loadgen", "run"}) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exitCode(), run.err());
            String help = run.out().replaceAll("\\s+", " ");
            assertTrue(help.contains(AttackKind.WARNING), command + ": the warning");
            for (AttackKind kind : AttackKind.values()) {
                assertTrue(help.contains(" " + kind.label() + ": "), command + " lacks " + kind.label());
            }
        }
        String loadgen = CliRun.of("loadgen", "--help").out();
        for (String option : new String[]{"--attack", "--attackers", "--attack-rate", "--baseline"}) {
            assertTrue(loadgen.contains(option), option);
        }
    }

    @Test
    void theReadmeTableListsEveryKindAndTheWarning() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains(AttackKind.WARNING), "README carries the warning");
        for (AttackKind kind : AttackKind.values()) {
            assertTrue(readme.contains("| `" + kind.label() + "` |"),
                    "README's attack table lacks " + kind.label());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--attack bogus|--attack: 'bogus' is not an attack kind; one of slowloris, churn",
            "--attack churn --attackers 0|--attackers: must be at least 1",
            "--attack slowloris --attack-rate 0|--attack-rate: attack rate must be positive (0 only for churn)",
            "--attack slowloris --attack-rate -1|--attack-rate",
            "--attackers 5|--attackers, --attack-rate and --baseline need --attack",
            "--attack churn --baseline 0s|--baseline"})
    void badAttackOptionsAreOneLineWithExitCodeTwo(String args, String named) {
        CliRun run = CliRun.of(("loadgen " + args).split(" "));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(named), "'" + named + "' not named in: " + run.err());
    }

    @Test
    @Timeout(60)
    void anAttackRunsAfterABaselineAndPrintsBothHonestP99s() throws Exception {
        Path dir = out.resolve("attack");
        CliRun run = CliRun.of("loadgen", "--miners", "5", "--solve-rate", "5", "--baseline", "2s",
                "--duration",
                "2s", "--attack", "malformed-flood", "--attackers", "3", "--attack-rate", "20",
                "--allow-shortfall", "--out",
                dir.toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(
                run.out().matches(
                        "(?s).*honest   submit_honest p99  baseline [^ ]+ [^ ]*s  attack [^ ]+ [^ ]*s\\R.*"),
                run.out());
        Summary summary = SummaryFile.read(dir.resolve(SummaryFile.FILE_NAME));
        assertEquals(0, summary.submits().unanswered());
        Summary.Attack attack = summary.attack();
        assertEquals("malformed-flood", attack.kind());
        assertEquals(3, attack.opened(), attack.describe());
        assertEquals(3, attack.ended("still_open"), attack.describe());
        assertTrue(attack.answers().getOrDefault("error:-32700", 0L) > 10, attack.describe());
    }
}

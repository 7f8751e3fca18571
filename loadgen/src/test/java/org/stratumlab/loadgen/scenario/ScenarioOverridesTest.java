package org.stratumlab.loadgen.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.run.Phase;
import org.stratumlab.loadgen.threshold.Threshold;

/**
 * {@code --set key.path=value} overrides any value of a scenario file (so that CI can shorten a scenario), and a
 * bad override is one line that names it.
 */
class ScenarioOverridesTest {
    private static final long S = TimeUnit.SECONDS.toNanos(1);

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void writeScenario() {
        file = ScenarioFiles.write(dir, "base.yaml", """
                name: base
                target:
                  embedded:
                    window: 2
                phases:
                  - name: ramp
                    duration: 30s
                    miners: 10
                  - name: steady
                    duration: 60s
                    server:
                      difficulty: 8
                thresholds:
                  - submit.p99 < 5ms
                  - errors == 0
                """);
    }

    @Test
    void aPhaseDurationCanBeShortened() throws Exception {
        Scenario s = load("phases.0.duration=1s");
        assertEquals(S, s.phases().get(0).durationNs());
        assertEquals(60 * S, s.phases().get(1).durationNs(), "the other phase is as written");
    }

    @Test
    void anEmbeddedServerValueCanBeChanged() throws Exception {
        Scenario s = load("target.embedded.window=8");
        assertEquals(8, s.embedded().window());
    }

    @Test
    void aThresholdCanBeReplacedWithTextThatHoldsSpacesAndOperators() throws Exception {
        Scenario s = load("thresholds.0=unanswered == 0");
        assertEquals(List.of("unanswered == 0", "errors == 0"),
                s.thresholds().stream().map(Threshold::rule).toList());
    }

    @Test
    void aListIndexMayBeWrittenInBrackets() throws Exception {
        Scenario s = load("phases[1].miners=5", "thresholds[1]=sent > 3");
        assertEquals(5, s.phases().get(1).miners());
        assertEquals("sent > 3", s.thresholds().get(1).rule());
    }

    @Test
    void aKeyAbsentFromTheFileCanBeAdded() throws Exception {
        Scenario s = load("seed=9", "phases.1.server.window=4", "miners.worker-prefix=ci");
        assertEquals(9, s.fleet().seed());
        assertEquals(new Phase.ServerAction(false, BigInteger.valueOf(8), null, 4),
                s.phases().get(1).server());
        assertEquals("ci", s.fleet().workerPrefix());
    }

    @Test
    void laterOverridesWinAndAnEmptyValueRemovesTheKey() throws Exception {
        Scenario s = load("phases.0.duration=1s", "phases.0.duration=2s", "name=");
        assertEquals(2 * S, s.phases().get(0).durationNs());
        assertEquals("base", s.name(), "without a name, the file's name");
    }

    @Test
    void overridesAreCheckedLikeTheFile() throws Exception {
        assertRejected(file
                + ": phases[0].duration: '5' is not a duration: a number and a unit (ns, us, ms, s, m, h),"
                + " e.g. 500ms or 10s", "phases.0.duration=5");
        assertRejected(file + ": target: give 'embedded' or 'external', not both",
                "target.external=127.0.0.1:9");
        assertRejected(file + ": phases: phase 'steady' acts on the server, which needs the embedded target",
                "target.embedded=", "target.external=127.0.0.1:9");
        assertNull(load("target.embedded=", "target.external=127.0.0.1:9", "phases.1.server=").embedded());
    }

    @Test
    void anEmptyListEntryCanBeFilledIn() throws Exception {
        Path blank = ScenarioFiles.write(dir, "blank.yaml", "phases:\n  -\n");
        Scenario s = ScenarioLoader.load(blank, List.of("phases.0.duration=1s", "phases.0.miners=3"));
        assertEquals(3, s.phases().get(0).miners());
    }

    @Test
    void anUnknownKeyIsNamedWithTheOverride() {
        assertRejected(file
                + " with --set target.embedded.nope=1: unknown key 'nope' in target.embedded; known keys: "
                + "block-interval, dialect, difficulty, heartbeat, height, host, idle-timeout, io-threads, "
                + "max-connections, max-line-bytes, metrics-host, metrics-port, new-job-on-solution, node-limits, "
                + "notify-on-subscribe, password, port, pow, process, resource-interval, secret, seed, subscribe-timeout, transport, window",
                "target.embedded.nope=1");
        assertRejected(
                file + " with --set nope=1: unknown key 'nope' at the top level; known keys: description, expect, "
                        + "miners, name, phases, seed, target, thresholds",
                "nope=1");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithTheOverride() {
        assertRejected(
                file + " with --set phases[1].miners=abc: phases[1].miners: expected a whole number, was 'abc'",
                "phases[1].miners=abc");
    }

    @Test
    void anIndexOutsideTheListIsRejected() {
        assertRejected("--set 'phases.5.duration=1s': '5' is not an index of a list of 2",
                "phases.5.duration=1s");
        assertRejected("--set 'phases.x.duration=1s': 'x' is not an index of a list of 2",
                "phases.x.duration=1s");
        assertRejected("--set 'thresholds.-1=errors == 0': '-1' is not an index of a list of 2",
                "thresholds.-1=errors == 0");
    }

    @Test
    void anOverrideWithoutAnEqualsSignOrKeyIsRejected() {
        assertRejected("--set 'phases.0.duration': expected key.path=value", "phases.0.duration");
        assertRejected("--set '=1s': expected key.path=value", "=1s");
    }

    @Test
    void aPathThroughAPlainValueIsRejected() {
        assertRejected("--set 'name.first=x': 'name' holds a value, not keys", "name.first=x");
        assertRejected("--set 'thresholds.0.limit=1': '0' holds a value, not keys", "thresholds.0.limit=1");
    }

    @Test
    void aPlainValueInPlaceOfASectionIsRejected() {
        assertRejected(file + " with --set target=3: target: expected keys (a mapping)", "target=3");
    }

    @Test
    void aValueThatIsNotYamlIsRejected() {
        assertRejected("--set 'seed=[1': the value is not YAML", "seed=[1");
    }

    private Scenario load(String... overrides) throws ScenarioException {
        return ScenarioLoader.load(file, List.of(overrides));
    }

    private void assertRejected(String message, String... overrides) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load(overrides));
        assertEquals(message, e.getMessage());
    }
}

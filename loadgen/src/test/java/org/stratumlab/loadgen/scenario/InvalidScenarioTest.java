package org.stratumlab.loadgen.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every problem a scenario file can have is one line that names the file, then the line or the key, then what
 * is wrong (Hyperfoil's InvalidBenchmarkTest). The messages are checked whole.
 */
class InvalidScenarioTest {
    private static final String TOP_LEVEL_KEYS = "description, expect, miners, name, phases, seed, target, thresholds";
    private static final String PHASE_KEYS = "attackers, bad-shares, connect-rate, duration, hashrate, hashrate-dist, "
            + "hostile-rate, miners, name, server, session-lifetime, solve-rate";
    private static final String EMBEDDED_KEYS = "block-interval, dialect, difficulty, heartbeat, height, host, "
            + "idle-timeout, io-threads, max-connections, max-line-bytes, metrics-host, metrics-port, new-job-on-solution, "
            + "node-limits, notify-on-subscribe, password, port, pow, process, resource-interval, secret, seed, subscribe-timeout, transport, window";
    private static final String METRICS = "{submit|submit_honest|submit_service|connect|subscribe|notify_skew|lag}."
            + "{p50|p90|p99|p999|max|mean|count}, sent, accepted, rejected, rejected.stale, rejected.incorrect, "
            + "rejected.duplicate, rejected.other, errors, unanswered, never_answered, reconnects, connected.max, "
            + "subscribed.max, jobs, notifies, unexpected_errors, owed, unground, accepted_ratio, rejected_ratio, stale_ratio, unanswered_ratio, "
            + "error_ratio, submits_per_s, accepted_per_s, server_heap.peak_mib, server_direct.peak_mib, server_heap.slope_mib_per_h, "
            + "server_heap.slope_ci95_mib_per_h, server_heap.slope_upper95_mib_per_h, server_fds.growth, "
            + "server_state.growth, server_closed.limit, server_closed.idle, server_closed.line_too_long, "
            + "server_closed.invalid_utf8, server_closed.subscribe_timeout, server_closed.queue_cap, server_closed, "
            + "server_notifies_dropped, attack.opened, attack.connect_failed, attack.answered, "
            + "attack.closed_by_server, attack.still_open";
    private static final String TWO_PHASES = ScenarioFiles.ONE_PHASE + """
              - duration: 1s
            """;

    @TempDir
    Path dir;

    @Test
    void anUnknownTopLevelKeyNamesItsLineAndTheKnownKeys() {
        assertRejected(" line 2: unknown key 'nme' at the top level; known keys: " + TOP_LEVEL_KEYS, """
                seed: 3
                nme: typo
                """ + ScenarioFiles.ONE_PHASE);
    }

    @Test
    void anUnknownPhaseKeyNamesItsLineAndThePhase() {
        assertRejected(" line 5: unknown key 'minres' in phases[1]; known keys: " + PHASE_KEYS, """
                phases:
                  - duration: 1s
                    miners: 2
                  - duration: 1s
                    minres: 3
                    connect-rate: 5
                """);
    }

    @Test
    void anUnknownEmbeddedServerKeyNamesItsLineAndSection() {
        assertRejected(" line 4: unknown key 'windo' in target.embedded; known keys: " + EMBEDDED_KEYS, """
                target:
                  embedded:
                    difficulty: 2
                    windo: 3
                    block-interval: 1s
                """ + ScenarioFiles.ONE_PHASE);
    }

    @Test
    void unknownKeysInTheOtherSectionsAreNamedToo() {
        assertRejected(" line 2: unknown key 'embeded' in target; known keys: embedded, external", """
                target:
                  embeded: {}
                """ + ScenarioFiles.ONE_PHASE);
        assertRejected(
                " line 2: unknown key 'prefix' in miners; known keys: attack, grind-threads, hostile, hostile-shares, "
                        + "io-threads, password, pow, source-addresses, submit-timeout, subscribe-timeout, transport, worker-prefix",
                """
                        miners:
                          prefix: x
                        """ + ScenarioFiles.ONE_PHASE);
        assertRejected(
                " line 2: unknown key 'all-subscibed' in expect; known keys: all-subscribed, generator-keeps-up",
                """
                        expect:
                          all-subscibed: false
                        """ + ScenarioFiles.ONE_PHASE);
        assertRejected(
                " line 6: unknown key 'restrat' in phases[1].server; known keys: block-interval, difficulty, "
                        + "down, kill, restart, window",
                TWO_PHASES + """
                            server:
                              restrat: true
                        """);
    }

    @Test
    void aValueOfTheWrongTypeNamesItsLineAndKey() {
        assertRejected(
                " line 3: phases[0].miners: expected a whole number, was 'abc'",
                """
                        phases:
                          - duration: 1s
                            miners: abc
                        """);
    }

    @Test
    void aDurationWithoutAUnitIsRejected() {
        assertRejected(
                ": phases[0].duration: '10' is not a duration: a number and a unit (ns, us, ms, s, m, h), "
                        + "e.g. 500ms or 10s",
                """
                        phases:
                          - duration: 10
                            miners: 2
                        """);
    }

    @Test
    void everyPhaseNeedsADuration() {
        assertRejected(": phases[1].duration: every phase needs a duration", ScenarioFiles.ONE_PHASE + """
                  - miners: 3
                """);
    }

    @Test
    void theFirstPhaseNeedsANumberOfMiners() {
        assertRejected(": phases[0].miners: the first phase needs a number of miners", """
                phases:
                  - duration: 1s
                """);
    }

    @Test
    void aPhaseMayNotGiveBothSolveRateAndHashrate() {
        assertRejected(": phases[0].solve-rate: give solve-rate or hashrate, not both", """
                phases:
                  - duration: 1s
                    miners: 2
                    solve-rate: 1
                    hashrate: 5
                """);
    }

    @Test
    void anUnknownHashrateDistributionIsNamedWithItsKey() {
        assertRejected(
                ": phases[0].hashrate-dist: unknown hashrate distribution 'gamma:2': fixed, uniform:a..b, "
                        + "lognormal:median,sigma or zipf:s",
                """
                        phases:
                          - duration: 1s
                            miners: 2
                            hashrate: 5
                            hashrate-dist: gamma:2
                        """);
    }

    @Test
    void aMalformedBadShareMixIsNamedWithItsKey() {
        assertRejected(
                ": phases[0].bad-shares: 'wrong=1' is not kind=probability with kind one of invalid, stale, "
                        + "duplicate, malformed",
                """
                        phases:
                          - duration: 1s
                            miners: 2
                            bad-shares: wrong=1
                        """);
        assertRejected(": phases[0].bad-shares: bad-share probabilities add up to more than 1", """
                phases:
                  - duration: 1s
                    miners: 2
                    bad-shares: invalid=0.7,stale=0.7
                """);
    }

    @Test
    void aDifficultyOfZeroIsRejectedForTheServerAndForAPhase() {
        assertRejected(": target.embedded.difficulty: difficulty must be at least 1, was 0", """
                target:
                  embedded:
                    difficulty: 0
                """ + ScenarioFiles.ONE_PHASE);
        assertRejected(": phases[1].server.difficulty: difficulty must be at least 1, was 0", TWO_PHASES + """
                    server:
                      difficulty: 0
                """);
    }

    @Test
    void aWindowOfZeroIsRejectedForTheServerAndForAPhase() {
        assertRejected(": target.embedded: window must be in 1..1024, was 0", """
                target:
                  embedded:
                    window: 0
                """ + ScenarioFiles.ONE_PHASE);
        assertRejected(": phases[1].server.window: must be in 1..1024, was 0", TWO_PHASES + """
                    server:
                      window: 0
                """);
    }

    @Test
    void aTargetIsEmbeddedOrExternalNotBoth() {
        assertRejected(": target: give 'embedded' or 'external', not both", """
                target:
                  embedded:
                    difficulty: 2
                  external: 127.0.0.1:9
                """ + ScenarioFiles.ONE_PHASE);
    }

    @Test
    void anExternalTargetMustBeHostAndPort() {
        assertRejected(": target.external: 'localhost' is not host:port", external("localhost"));
        assertRejected(": target.external: '127.0.0.1:x' has no numeric port", external("127.0.0.1:x"));
        assertRejected(": target.external: port 70000 is outside 1..65535", external("127.0.0.1:70000"));
        assertRejected(": target.external: port 0 is outside 1..65535", external("127.0.0.1:0"));
        assertRejected(": target.external: unknown host in 'nohost.invalid:9'", external("nohost.invalid:9"));
    }

    @Test
    void aServerActionNeedsTheEmbeddedTarget() {
        assertRejected(": phases: phase 'phase-2' acts on the server, which needs the embedded target",
                external("127.0.0.1:9") + """
                          - duration: 1s
                            server:
                              restart: true
                        """);
    }

    @Test
    void aKillNeedsTheEmbeddedServerInItsOwnJvm() {
        assertRejected(": phases[1].server.kill: needs the embedded server in its own JVM "
                + "(target.embedded.process: separate)", TWO_PHASES + """
                            server:
                              kill: true
                        """);
        assertRejected(": phases[1].server.down: only with kill: true", TWO_PHASES + """
                    server:
                      down: 2s
                """);
        assertRejected(": phases[1].server.kill: a kill comes back on its own: leave restart out",
                TWO_PHASES + """
                            server:
                              kill: true
                              restart: true
                        """);
    }

    @Test
    void anUnknownThresholdMetricIsALoadTimeError() {
        assertRejected(
                ": thresholds[1]: threshold 'foo.p99 < 5ms': unknown metric 'foo.p99'; known: " + METRICS,
                ScenarioFiles.ONE_PHASE + """
                        thresholds:
                          - unanswered == 0
                          - foo.p99 < 5ms
                        """);
    }

    @Test
    void aLatencyThresholdNeedsAUnit() {
        assertRejected(
                ": thresholds[0]: threshold 'submit.p99 < 5': submit.p99 is a latency: give the value a unit "
                        + "(us, ms or s)",
                ScenarioFiles.ONE_PHASE + """
                        thresholds:
                          - submit.p99 < 5
                        """);
    }

    @Test
    void aCountThresholdTakesNoUnit() {
        assertRejected(
                ": thresholds[0]: threshold 'unanswered == 0ms': unanswered is not a latency: give a plain "
                        + "number",
                ScenarioFiles.ONE_PHASE + """
                        thresholds:
                          - unanswered == 0ms
                        """);
    }

    @Test
    void aMalformedThresholdShowsTheForm() {
        assertRejected(": thresholds[0]: threshold 'submit.p99 5ms' is not '<metric> <op> <value>', e.g. "
                + "'submit.p99 < 5ms', 'unanswered == 0', 'submit.p99{phase:steady} < 5ms' or "
                + "'submit.p99{phase:attack} < 2 * submit.p99{phase:baseline}'",
                ScenarioFiles.ONE_PHASE + """
                        thresholds:
                          - submit.p99 5ms
                        """);
        assertRejected(": thresholds[0]: empty rule", ScenarioFiles.ONE_PHASE + """
                thresholds:
                  -
                """);
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() {
        assertRejected(": the file is empty", "");
        assertRejected(": the file is empty", "# only a comment\n");
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        assertRejected(" line 2: mapping values are not allowed here", """
                name: x
                  bad: - y
                """ + ScenarioFiles.ONE_PHASE);
    }

    @Test
    void aFileThatIsNotAMappingIsRejected() {
        assertRejected(
                " line 1: expected keys (a mapping) at the top level",
                "- a\n- b\n");
    }

    @Test
    void aMissingFileIsSaidToBeMissing() {
        Path missing = dir.resolve("missing.yaml");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(missing, List.of()));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void aScenarioNeedsAPhaseWithMiners() {
        assertRejected(": phases: a scenario needs at least one phase", "name: x\n");
        assertRejected(": phases: no phase has any miners", """
                phases:
                  - duration: 1s
                    miners: 0
                """);
        assertRejected(": phases[0]: empty phase", "phases:\n  -\n");
    }

    @Test
    void aResourceIntervalIsADuration() {
        assertRejected(
                ": target.embedded.resource-interval: 'often' is not a duration: a number and a unit (ns, "
                        + "us, ms, s, m, h), e.g. 500ms or 10s",
                """
                        target:
                          embedded:
                            resource-interval: often
                        """ + ScenarioFiles.ONE_PHASE);
    }

    @Test
    void otherBadValuesAreNamedWithTheirKey() {
        assertRejected(": name: 'a b' must be letters, digits, '.', '_' or '-' (it names the output folder)",
                "name: a b\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(": target.embedded.process: 'other' is not same, separate or auto", """
                target:
                  embedded:
                    process: other
                """ + ScenarioFiles.ONE_PHASE);
        assertRejected(": target.embedded.dialect: unknown dialect 'nope', expected one of conflux, doc", """
                target:
                  embedded:
                    dialect: nope
                """ + ScenarioFiles.ONE_PHASE);
        assertRejected(": target.embedded.max-line-bytes: '8x' is not a size: bytes, or a number with k or m",
                """
                        target:
                          embedded:
                            max-line-bytes: 8x
                        """ + ScenarioFiles.ONE_PHASE);
        assertRejected(
                ": miners.io-threads: must be in 1..1024 (an event loop per core is what helps), was 0",
                "miners:\n  io-threads: 0\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(
                ": miners.io-threads: must be in 1..1024 (an event loop per core is what helps), was 100000",
                "miners:\n  io-threads: 100000\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(": miners.source-addresses: '127.0.0.9-127.0.0.1' is not an IPv4 range like "
                + "127.0.0.1-127.0.0.8 (only the last number may differ, upwards)",
                "miners:\n  source-addresses: 127.0.0.9-127.0.0.1\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(
                ": phases[0].session-lifetime: '5' is not a duration: a number and a unit (ns, us, ms, s, m, "
                        + "h), e.g. 500ms or 10s",
                ScenarioFiles.ONE_PHASE + "    session-lifetime: 5\n");
        assertRejected(": miners.hostile: the hostile fraction must be in 0..1, got 1.5",
                "miners:\n  hostile: 1.5\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(": miners.hostile-shares: needs miners.hostile, the share of miners that send them",
                "miners:\n  hostile-shares: invalid=1\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(": miners.hostile-shares: 'bogus=1' is not kind=probability with kind one of invalid, "
                + "stale, duplicate, malformed",
                "miners:\n  hostile: 0.1\n  hostile-shares: bogus=1\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(": miners.attack.kind: 'bogus' is not an attack kind; one of "
                + org.stratumlab.loadgen.attack.AttackKind.labels(),
                "miners:\n  attack: {kind: bogus}\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(
                ": miners.attack.kind: give one of " + org.stratumlab.loadgen.attack.AttackKind.labels(),
                "miners:\n  attack: {rate: 1}\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(": miners.attack: attack rate must be positive (0 only for churn), was 0.0",
                "miners:\n  attack: {kind: slowloris, rate: 0}\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(": phases[0].attackers: needs miners.attack, what the attackers do",
                ScenarioFiles.ONE_PHASE + "    attackers: 5\n");
        assertRejected(": miners.pow: unknown PoW algorithm 'sha256': one of keccak, octopus",
                "miners:\n  pow: sha256\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(
                ": miners.pow: octopus disagrees with target.embedded.pow=keccak: the miners would grind "
                        + "what the server does not check (leave miners.pow out)",
                "miners:\n  pow: octopus\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(": phases[0].solve-rate: '5..x' is not a rate or a ramp like 5..50",
                "phases:\n  - duration: 1s\n    miners: 1\n    solve-rate: 5..x\n");
        assertRejected(": phases[0].solve-rate: '5..-1' must not be negative",
                "phases:\n  - duration: 1s\n    miners: 1\n    solve-rate: 5..-1\n");
        assertRejected(": miners.grind-threads: must be at least 1",
                "miners:\n  grind-threads: 0\n" + ScenarioFiles.ONE_PHASE);
        assertRejected(": phases[0]: phase 'phase-1': miners must not be negative, was -1", """
                phases:
                  - duration: 1s
                    miners: -1
                """);
    }

    @Test
    void phaseNamesMustBeUniqueAndWritableInAThreshold() {
        assertRejected(
                ": phases[1].name: 'warm up' must be letters, digits, '.', '_' or '-' (thresholds name a "
                        + "phase as {phase:NAME})",
                """
                        phases:
                          - duration: 1s
                            miners: 2
                          - name: warm up
                            duration: 1s
                        """);
        assertRejected(
                ": phases[1].name: 'steady' names an earlier phase too; each phase needs a name of its own",
                """
                        phases:
                          - name: steady
                            duration: 1s
                            miners: 2
                          - name: steady
                            duration: 1s
                        """);
    }

    @Test
    void aThresholdScopedToAnUnknownPhaseNamesThePhases() {
        assertRejected(
                ": thresholds[0]: threshold 'submit.p99{phase:stedy} < 5ms': no phase is named 'stedy'; "
                        + "phases: ramp, steady",
                """
                        phases:
                          - name: ramp
                            duration: 1s
                            miners: 2
                          - name: steady
                            duration: 1s
                        thresholds:
                          - submit.p99{phase:stedy} < 5ms
                        """);
    }

    @Test
    void aRelativeThresholdWhoseBaselineIsAnUnknownPhaseNamesThePhases() {
        assertRejected(
                ": thresholds[0]: threshold 'submit.p99{phase:steady} < 2 * submit.p99{phase:basline}': no phase "
                        + "is named 'basline'; phases: ramp, steady",
                """
                        phases:
                          - name: ramp
                            duration: 1s
                            miners: 2
                          - name: steady
                            duration: 1s
                        thresholds:
                          - submit.p99{phase:steady} < 2 * submit.p99{phase:basline}
                        """);
    }

    @Test
    void moreMinersThanLoopbackHoldsNameThePhaseThatAsksAndTheLimit() {
        assertRejected(
                ": phases[1].miners: 100000000 is more than one process can connect on loopback: at most "
                        + "3570000 (127.0.0.1-127.0.0.255, 14000 connections each); run several generator processes",
                """
                        phases:
                          - duration: 1s
                            miners: 10
                          - duration: 1s
                            miners: 100000000
                        """);
    }

    private static String external(String hostPort) {
        return "target:\n  external: " + hostPort + "\n" + ScenarioFiles.ONE_PHASE;
    }

    /** @param afterFile the message after the file's path (": ..." or " line N: ...") */
    private void assertRejected(String afterFile, String yaml) {
        Path file = ScenarioFiles.write(dir, "broken.yaml", yaml);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(file, List.of()),
                yaml);
        assertEquals(file + afterFile, e.getMessage(), yaml);
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }
}

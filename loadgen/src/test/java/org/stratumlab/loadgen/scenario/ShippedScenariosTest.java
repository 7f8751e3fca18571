package org.stratumlab.loadgen.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.stratumlab.results.Summary;
import org.stratumlab.loadgen.attack.AttackKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stratumlab.loadgen.run.Phase;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.threshold.Threshold;

/**
 * The scenario library in {@code scenarios/} as shipped: every file loads, says what question it answers, opens
 * with how to run it, and holds the values its description promises. The files are read where they are, found by
 * walking up from the working directory to the repository root, so a broken library fails the build.
 */
class ShippedScenariosTest {
    private static final List<String> LIBRARY = List.of("smoke", "solo-farm", "farm-10k", "notify-storm",
            "stale-race", "hostile-mix", "reconnect-storm", "node-limits");

    /** A scenario run as shards (its name says so) targets one external endpoint that its script starts. */
    private static boolean sharded(String name) {
        return name.endsWith("-sharded");
    }

    static Stream<Path> shippedFiles() throws IOException {
        try (Stream<Path> files = Files.list(scenariosDir())) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theLibraryHoldsTheScenariosTheIssueAsksFor() throws IOException {
        List<String> names = shippedFiles().map(f -> f.getFileName().toString().replace(".yaml", ""))
                .toList();
        assertTrue(names.containsAll(LIBRARY), names.toString());
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void everyShippedScenarioLoadsUnderItsFileName(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file, List.of());
        assertEquals(file.getFileName().toString().replace(".yaml", ""), s.name());
        assertFalse(s.description().isBlank(), "says what question it answers");
        assertFalse(s.thresholds().isEmpty(), "decides pass or fail");
        if (sharded(s.name())) {
            assertNotNull(s.external(), "its shards share one endpoint, which its script starts");
        } else {
            assertNull(s.external(), "runs against the embedded simulator");
        }
        assertTrue(s.phases().size() >= 2, "ramps up, then measures");
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void onlyNodeLimitsExpectsSomeMinersNeverToSubscribe(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file, List.of());
        assertEquals(!s.name().equals("node-limits"), s.expectAllSubscribed(), s.name());
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void everyShippedScenarioOpensWithHowToRunItAndWhatToExpect(Path file) throws IOException {
        String head = String.join("\n", Files.readAllLines(file).subList(0, 6));
        assertTrue(head.startsWith("#"), head);
        String name = file.getFileName().toString().replace(".yaml", "");
        // A sharded scenario needs its endpoint started first: its script does that, then runs the shards.
        String run = sharded(name)
                ? "Run:    scripts/" + name + ".sh"
                : "Run:    ./stratumlab run scenarios/" + file.getFileName();
        assertTrue(head.contains(run), head);
        if (sharded(name)) {
            assertTrue(Files.isExecutable(scenariosDir().resolveSibling("scripts").resolve(name + ".sh")),
                    name);
        }
        assertTrue(head.contains("Expect:"), head);
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void everyShippedScenarioCanBeShortenedForCi(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file, List.of("phases.0.duration=1s", "phases.1.duration=1s"));
        assertEquals(1_000_000_000L, s.phases().get(0).durationNs());
        assertEquals(1_000_000_000L, s.phases().get(1).durationNs());
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void everyAttackScenarioJudgesItsHonestMinersAgainstTheirOwnBaseline(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file, List.of());
        if (!s.name().startsWith("attack-")) {
            return;
        }
        List<String> phases = s.phases().stream().map(Phase::name).toList();
        assertTrue(
                phases.contains(Summary.Attack.BASELINE_PHASE)
                        && phases.contains(Summary.Attack.ATTACK_PHASE),
                s.name() + ": " + phases);
        List<String> rules = s.thresholds().stream().map(t -> t.rule()).toList();
        assertTrue(rules.contains("submit_honest.p99{phase:attack} < 2 * submit_honest.p99{phase:baseline}"),
                s.name() + ": " + rules);
        assertTrue(rules.contains("unanswered == 0"), s.name() + ": " + rules);
        assertNotNull(s.attack(), s.name() + " has attackers");
    }

    @Test
    void everyAttackKindHasItsScenario() throws IOException {
        List<String> names = shippedFiles().map(f -> f.getFileName().toString().replace(".yaml", ""))
                .toList();
        for (AttackKind kind : AttackKind.values()) {
            assertTrue(names.contains("attack-" + kind.label()), kind.label());
        }
    }

    @Test
    void smokeIsTwoHundredMinersForFifteenSecondsWithStrictThresholds() throws Exception {
        Scenario s = shipped("smoke");
        assertEquals(200, s.fleet().miners());
        assertEquals(15_000_000_000L, s.toLoadConfig(Path.of("unused"), 1).durationNs());
        assertTrue(rules(s).containsAll(List.of("unanswered == 0", "accepted_ratio >= 0.99")),
                rules(s).toString());
        assertTrue(rules(s).stream().anyMatch(r -> r.startsWith("submit.p99 <")), rules(s).toString());
        assertTrue(rules(s).stream().anyMatch(r -> r.startsWith("notify_skew.p99 <")), rules(s).toString());
    }

    @Test
    void theTenThousandMinerScenariosRunTheServerInAProcessOfItsOwn() throws Exception {
        for (String name : List.of("farm-10k", "notify-storm")) {
            Scenario s = shipped(name);
            assertEquals(10_000, s.fleet().miners(), name);
            assertTrue(s.embeddedProcess().separate(s.fleet().miners()), name);
        }
        assertTrue(shipped("farm-10k").phases().get(0).hashrates().describe().startsWith("lognormal:"));
        assertEquals(100_000_000L, shipped("notify-storm").embedded().blockIntervalNs());
    }

    @Test
    void staleRaceSwitchesTheWindowFromOneToEight() throws Exception {
        Scenario s = shipped("stale-race");
        assertEquals(1, s.embedded().window());
        Phase last = s.phases().get(s.phases().size() - 1);
        assertEquals(new Phase.ServerAction(false, null, null, 8), last.server());
    }

    @Test
    void reconnectStormRestartsTheServerMidRun() throws Exception {
        Scenario s = shipped("reconnect-storm");
        assertTrue(s.phases().get(1).server().restart());
        assertEquals(1000, s.phases().get(1).miners());
    }

    @Test
    void hostileMixHasAHostileGroupSendingEveryKindOfBadShareBesideHonestMiners() throws Exception {
        Scenario s = shipped("hostile-mix");
        BadShareMix hostile = s.fleet().hostile().shares();
        assertEquals(0.2, s.fleet().hostile().fraction());
        assertTrue(hostile.invalid() > 0 && hostile.stale() > 0 && hostile.duplicate() > 0
                && hostile.malformed() > 0, hostile.describe());
        assertEquals(BadShareMix.NONE, s.phases().get(0).badShares(), "the others are honest");
        assertTrue(s.thresholds().stream().anyMatch(t -> t.rule().startsWith("submit_honest.")),
                "a threshold on the honest miners' latency");
    }

    @Test
    void soloFarmUsesTheNodesDefaults() throws Exception {
        Scenario s = shipped("solo-farm");
        assertEquals(100, s.fleet().miners());
        assertEquals(1, s.embedded().window());
        assertTrue(s.embedded().newJobOnSolution());
        assertEquals(500_000_000L, s.embedded().blockIntervalNs());
        assertEquals(BigInteger.valueOf(2000), s.embedded().difficulty());
    }

    private static Scenario shipped(String name) throws ScenarioException {
        return ScenarioLoader.load(scenariosDir().resolve(name + ".yaml"), List.of());
    }

    private static List<String> rules(Scenario s) {
        return s.thresholds().stream().map(Threshold::rule).toList();
    }

    private static Path scenariosDir() {
        return ScenarioFiles.shippedDir();
    }
}

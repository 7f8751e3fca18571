package org.stratumlab.loadgen.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.loadgen.run.EmbeddedProcess;
import org.stratumlab.loadgen.run.LoadConfig;
import org.stratumlab.loadgen.run.Phase;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.HashrateDistribution;
import org.stratumlab.loadgen.schedule.HostileMiners;
import org.stratumlab.loadgen.threshold.Threshold;
import org.stratumlab.server.ServerConfig;

/**
 * Every key a scenario file may hold lands where it should in the {@link Scenario} and its {@link LoadConfig};
 * keys left out get their documented defaults, and a phase keeps what it does not say from the phase before.
 */
class ScenarioParsingTest {
    private static final long S = TimeUnit.SECONDS.toNanos(1);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Every key of every section, with values that differ from the defaults. */
    private static final String EVERY_KEY = """
            name: every-key
            description: what every key does
            seed: 77
            target:
              embedded:
                difficulty: 9
                window: 3
                block-interval: 250ms
                new-job-on-solution: false
                notify-on-subscribe: true
                dialect: doc
                password: server-secret
                height: 100
                seed: 5
                max-line-bytes: 8k
                idle-timeout: 30s
                max-connections: 500
                heartbeat: 20s
                io-threads: 2
                process: separate
            miners:
              worker-prefix: rig
              password: miner-secret
              subscribe-timeout: 3s
              submit-timeout: 4s
              io-threads: 3
              source-addresses: 127.0.0.1-127.0.0.3
              hostile: 0.25
              hostile-shares: invalid=0.5,malformed=0.5
              pow: keccak
              grind-threads: 2
            phases:
              - name: ramp
                duration: 2s
                miners: 30
                connect-rate: 15
                solve-rate: 2.5
                bad-shares: invalid=0.1,stale=0.05,duplicate=0.02,malformed=0.01
                session-lifetime: 10s
              - name: grow
                duration: 1500ms
                miners: 50
                connect-rate: 25
                hashrate: 1000
                hashrate-dist: lognormal:1,0.5
                server:
                  restart: true
                  difficulty: 12
                  block-interval: 100ms
                  window: 4
              - name: shrink
                duration: 1m
                miners: 10
            thresholds:
              - submit.p99 < 5ms
              - unanswered == 0
            """;

    @TempDir
    Path dir;

    @Test
    void aKillLandsInItsPhaseWithItsDownTime() throws Exception {
        Scenario s = load("""
                target:
                  embedded:
                    process: separate
                phases:
                  - duration: 1s
                    miners: 2
                  - duration: 1s
                    server:
                      kill: true
                      down: 2s
                  - duration: 1s
                    server:
                      kill: true
                """);
        assertEquals(null, s.phases().get(0).server().killDownNs());
        assertEquals(2_000_000_000L, s.phases().get(1).server().killDownNs());
        assertEquals(0L, s.phases().get(2).server().killDownNs(), "back at once by default");
    }

    @Test
    void topLevelKeysLandInTheScenario() throws Exception {
        Scenario s = load(EVERY_KEY);
        assertEquals("every-key", s.name());
        assertEquals("what every key does", s.description());
        assertEquals(77, s.fleet().seed());
        assertEquals(List.of("submit.p99 < 5ms", "unanswered == 0"),
                s.thresholds().stream().map(Threshold::rule).toList());
    }

    @Test
    void everyEmbeddedServerKeyLandsInTheServerConfig() throws Exception {
        Scenario s = load(EVERY_KEY);
        ServerConfig e = s.embedded();
        assertNull(s.external());
        assertEquals(0, e.port(), "the embedded server takes any free port");
        assertEquals(BigInteger.valueOf(9), e.difficulty());
        assertEquals(3, e.window());
        assertEquals(250 * MS, e.blockIntervalNs());
        assertFalse(e.newJobOnSolution());
        assertTrue(e.notifyOnSubscribe());
        assertEquals("doc", e.dialect().name());
        assertTrue(e.secret().matches("server-secret"));
        assertFalse(e.secret().matches("miner-secret"));
        assertEquals(100, e.startHeight());
        assertEquals(5, e.seed());
        assertEquals(8192, e.maxLineBytes());
        assertEquals(30 * S, e.idleTimeoutNs());
        assertEquals(500, e.maxConnections());
        assertEquals(20 * S, e.heartbeatNs());
        assertEquals(2, e.ioThreads());
        assertEquals(EmbeddedProcess.SEPARATE, s.embeddedProcess());
    }

    @Test
    void everyMinersKeyLandsInTheFleetSettings() throws Exception {
        Scenario s = load(EVERY_KEY);
        FleetSettings f = s.fleet();
        assertEquals(50, f.miners(), "the fleet is as large as the largest phase");
        assertEquals("rig", f.workerPrefix());
        assertEquals("miner-secret", f.password());
        assertEquals(3 * S, f.subscribeTimeoutNs());
        assertEquals(4 * S, f.submitTimeoutNs());
        assertEquals(3, s.ioThreads());
        assertEquals(List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"),
                InetAddress.getByName("127.0.0.3")), f.sourceAddresses());
        assertEquals(new HostileMiners(0.25, BadShareMix.parse("invalid=0.5,malformed=0.5")), f.hostile());
        assertEquals("keccak", f.pow());
        assertEquals(2, f.grindThreads());
    }

    @Test
    void theFleetStartsWithTheFirstPhasesBehaviour() throws Exception {
        FleetSettings f = load(EVERY_KEY).fleet();
        assertEquals(15, f.connectRatePerSecond());
        assertEquals(2.5, f.solveRatePerSecond());
        assertEquals(0, f.hashrate());
        assertEquals(new BadShareMix(0.1, 0.05, 0.02, 0.01), f.badShares());
        assertEquals(10 * S, f.sessionLifetimeNs());
    }

    @Test
    void everyPhaseKeyLandsInItsPhase() throws Exception {
        List<Phase> phases = load(EVERY_KEY).phases();
        assertEquals(3, phases.size());
        assertEquals(new Phase("ramp", 2 * S, 30, 15, 2.5, 0, new HashrateDistribution.Fixed(),
                new BadShareMix(0.1, 0.05, 0.02, 0.01), 10 * S, Phase.ServerAction.NONE), phases.get(0));
        Phase grow = phases.get(1);
        assertEquals("grow", grow.name());
        assertEquals(1500 * MS, grow.durationNs());
        assertEquals(50, grow.miners());
        assertEquals(25, grow.connectRatePerSecond());
        assertEquals(1000, grow.hashrate());
        assertEquals(new HashrateDistribution.LogNormal(1, 0.5), grow.hashrates());
        assertEquals(new Phase.ServerAction(true, BigInteger.valueOf(12), 100 * MS, 4), grow.server());
    }

    @Test
    void aPhaseKeepsWhatItDoesNotSayFromThePhaseBefore() throws Exception {
        List<Phase> phases = load(EVERY_KEY).phases();
        Phase grow = phases.get(1);
        assertEquals(new BadShareMix(0.1, 0.05, 0.02, 0.01), grow.badShares());
        assertEquals(10 * S, grow.sessionLifetimeNs());
        assertEquals(0, grow.solveRatePerSecond(), "a hashrate replaces the solve rate");
        Phase shrink = phases.get(2);
        assertEquals(new Phase("shrink", 60 * S, 10, 25, 0, 1000, new HashrateDistribution.LogNormal(1, 0.5),
                new BadShareMix(0.1, 0.05, 0.02, 0.01), 10 * S, Phase.ServerAction.NONE), shrink,
                "everything but the duration and the miners is kept; a server action happens once");
    }

    @Test
    void aSolveRateAfterAHashrateReplacesIt() throws Exception {
        List<Phase> phases = load("""
                phases:
                  - duration: 1s
                    miners: 5
                    hashrate: 300
                    hashrate-dist: uniform:0.5..1.5
                  - duration: 1s
                    solve-rate: 4
                  - duration: 1s
                """).phases();
        assertEquals(300, phases.get(0).hashrate());
        assertEquals(4, phases.get(1).solveRatePerSecond());
        assertEquals(0, phases.get(1).hashrate());
        assertEquals(new HashrateDistribution.Uniform(0.5, 1.5), phases.get(1).hashrates());
        assertEquals(4, phases.get(2).solveRatePerSecond());
        assertEquals(5, phases.get(2).miners());
    }

    @Test
    void theLoadConfigCarriesTheWholeScenario() throws Exception {
        Scenario s = load(EVERY_KEY);
        Path out = dir.resolve("out");
        LoadConfig c = s.toLoadConfig(out, 7 * S);
        assertEquals("every-key", c.name());
        assertSame(s.fleet(), c.fleet());
        assertNull(c.target());
        assertSame(s.embedded(), c.embeddedServer());
        assertEquals(EmbeddedProcess.SEPARATE, c.embeddedProcess());
        assertEquals(s.phases(), c.phases());
        assertEquals(3, c.ioThreads());
        assertEquals(out, c.outDir());
        assertEquals(7 * S, c.progressIntervalNs());
        assertEquals(2 * S + 1500 * MS + 60 * S, c.durationNs());
    }

    @Test
    void aFileWithOnlyPhasesGetsTheDocumentedDefaults() throws Exception {
        Scenario s = ScenarioLoader.load(ScenarioFiles.write(dir, "tiny-one.yaml", ScenarioFiles.ONE_PHASE),
                List.of());
        assertEquals("tiny-one", s.name(), "the name comes from the file's name");
        assertEquals("", s.description());
        assertEquals(1, s.fleet().seed());
        assertNull(s.external(), "the embedded server is the default target");
        assertEquals(EmbeddedProcess.AUTO, s.embeddedProcess());
        assertTrue(s.expectAllSubscribed(), "a run gets going only once every miner subscribed");
        // Without a seed each start draws a fresh one: the defaults are those of a build with the seed drawn.
        ServerConfig defaults = ServerConfig.builder().port(0).seed(s.embedded().seed()).build();
        assertEquals(defaults, s.embedded());
        assertEquals(
                new Phase("phase-1", S, 2, 1000, 1, 0, new HashrateDistribution.Fixed(), BadShareMix.NONE,
                        0, Phase.ServerAction.NONE),
                s.phases().get(0));
        FleetSettings f = s.fleet();
        assertEquals("miner", f.workerPrefix());
        assertEquals("", f.password());
        assertEquals(10 * S, f.subscribeTimeoutNs());
        assertEquals(10 * S, f.submitTimeoutNs());
        assertEquals(List.of(), f.sourceAddresses());
        assertEquals(HostileMiners.NONE, f.hostile());
        assertEquals(Runtime.getRuntime().availableProcessors(), s.ioThreads());
        assertEquals(List.of(), s.thresholds());
    }

    @Test
    void hostileMinersWithoutAMixSendOnlyBadSharesOfEveryKind() throws Exception {
        FleetSettings f = load("miners:\n  hostile: 0.1\n" + ScenarioFiles.ONE_PHASE).fleet();
        assertEquals(new HostileMiners(0.1, BadShareMix.parse("invalid=0.25,stale=0.25,duplicate=0.25,"
                + "malformed=0.25")), f.hostile());
    }

    @Test
    void theNameOfAYmlFileLosesItsExtension() throws Exception {
        Scenario s = ScenarioLoader.load(ScenarioFiles.write(dir, "short.yml", ScenarioFiles.ONE_PHASE),
                List.of());
        assertEquals("short", s.name());
    }

    @Test
    void minersSendTheEmbeddedServersPasswordWhenTheyHaveNoneOfTheirOwn() throws Exception {
        Scenario s = load("""
                target:
                  embedded:
                    password: open-sesame
                """ + ScenarioFiles.ONE_PHASE);
        assertEquals("open-sesame", s.fleet().password());
        assertTrue(s.embedded().secret().matches("open-sesame"));
    }

    @Test
    void anExternalTargetReplacesTheEmbeddedServer() throws Exception {
        Scenario s = load("""
                target:
                  external: 127.0.0.1:32525
                miners:
                  password: node-secret
                """ + ScenarioFiles.ONE_PHASE);
        assertEquals(new InetSocketAddress("127.0.0.1", 32525), s.external());
        assertNull(s.embedded());
        assertEquals("node-secret", s.fleet().password());
        assertEquals(new InetSocketAddress("127.0.0.1", 32525), s.toLoadConfig(dir, S).target());
    }

    @Test
    void embeddedProcessAcceptsSameAndAuto() throws Exception {
        assertEquals(EmbeddedProcess.SAME, load("""
                target:
                  embedded:
                    process: same
                """ + ScenarioFiles.ONE_PHASE).embeddedProcess());
        assertEquals(EmbeddedProcess.AUTO, load("""
                target:
                  embedded:
                    process: auto
                """ + ScenarioFiles.ONE_PHASE).embeddedProcess());
    }

    @Test
    void moreLoopbackMinersThanOneAddressCanHoldGetMoreSourceAddresses() throws Exception {
        Scenario s = load("""
                phases:
                  - duration: 1s
                    miners: 20000
                """);
        // Past 14,000 connections from one address connect() searches the ephemeral range port by port.
        assertEquals(List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2")),
                s.fleet().sourceAddresses());
        Scenario within = load("""
                phases:
                  - duration: 1s
                    miners: 14000
                """);
        assertEquals(List.of(), within.fleet().sourceAddresses(),
                "one address holds 14,000: the system's choice");
    }

    @Test
    void durationsTakeEveryUnit() throws Exception {
        List<Phase> phases = load("""
                phases:
                  - duration: 1500000ns
                    miners: 1
                  - duration: 2500us
                  - duration: 0.5s
                  - duration: 2m
                  - duration: 1h
                """).phases();
        assertEquals(List.of(1_500_000L, 2_500_000L, 500 * MS, 120 * S, 3600 * S),
                phases.stream().map(Phase::durationNs).toList());
    }

    @Test
    void aScenarioMayExpectSomeMinersNeverToSubscribe() throws Exception {
        assertFalse(
                load("expect:\n  all-subscribed: false\n" + ScenarioFiles.ONE_PHASE).expectAllSubscribed());
        assertTrue(load("expect: {}\n" + ScenarioFiles.ONE_PHASE).expectAllSubscribed());
        assertTrue(load(ScenarioFiles.ONE_PHASE).toLoadConfig(dir, 1).expectAllSubscribed());
    }

    @Test
    void aSolveRateMayRampOverAPhaseAndTheNextPhaseKeepsItsEnd() throws Exception {
        List<Phase> phases = load("""
                phases:
                  - duration: 10s
                    miners: 2
                    solve-rate: 5..50
                  - duration: 5s
                """).phases();
        Phase ramp = phases.get(0);
        assertTrue(ramp.ramps());
        assertEquals(5, ramp.solveRateAt(0));
        assertEquals(27.5, ramp.solveRateAt(5 * S));
        assertEquals(50, ramp.solveRateAt(10 * S));
        assertFalse(phases.get(1).ramps());
        assertEquals(50, phases.get(1).solveRatePerSecond(),
                "a phase without a rate keeps where the ramp ended");
    }

    @Test
    void aScenarioMayAcceptAGeneratorThatFallsShort() throws Exception {
        assertFalse(load("expect:\n  generator-keeps-up: false\n" + ScenarioFiles.ONE_PHASE)
                .expectGeneratorKeepsUp());
        assertTrue(
                load("expect: {all-subscribed: false}\n" + ScenarioFiles.ONE_PHASE).expectGeneratorKeepsUp());
        assertTrue(load(ScenarioFiles.ONE_PHASE).expectGeneratorKeepsUp());
    }

    private Scenario load(String yaml) throws ScenarioException {
        return ScenarioLoader.load(ScenarioFiles.write(dir, "scenario.yaml", yaml), List.of());
    }
}

package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.HashrateDistribution;
import org.stratumlab.loadgen.schedule.HostileMiners;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.server.ServerConfig;

class LoadConfigTest {
    private static final ServerConfig SERVER = ServerConfig.builder().port(0).build();
    private static final Path OUT = Path.of("unused");

    @Test
    void aSoundConfigurationIsAccepted() {
        assertDoesNotThrow(() -> config(Fleets.of(1, 1).build(), 1, 1));
        assertDoesNotThrow(() -> new LoadConfig("t", Fleets.of(1, 1).build(),
                new InetSocketAddress("127.0.0.1", 9), null, 1, 1, OUT, 1));
    }

    @Test
    void aSinglePhaseRunLastsItsDuration() {
        LoadConfig config = config(Fleets.of(1, 1).build(), 1234, 1);
        assertEquals(1234, config.durationNs());
        assertEquals(1, config.phases().size());
        assertEquals("main", config.phases().get(0).name());
    }

    @Test
    void minersMustBeAtLeastOne() {
        assertMessage("miners must be at least 1, was 0", () -> config(fleet(0, 1000, 1, 0, 1, 1), 1, 1));
    }

    // A single-phase run checks the fleet's rates as its phase 'main' (the phase is built first).
    @Test
    void connectRateMustBePositive() {
        assertMessage("phase 'main': connect rate must be positive",
                () -> config(fleet(1, 0, 1, 0, 1, 1), 1, 1));
        assertMessage("connect rate must be positive",
                () -> Runs.phased(fleet(1, 0, 1, 0, 1, 1), null, SERVER, List.of(phase(1)), OUT));
    }

    @Test
    void ratesMustNotBeNegative() {
        assertMessage("phase 'main': solve rate and hashrate must not be negative",
                () -> config(fleet(1, 1000, -1, 0, 1, 1), 1, 1));
        assertMessage("phase 'main': solve rate and hashrate must not be negative",
                () -> config(fleet(1, 1000, 0, -5, 1, 1), 1, 1));
        assertMessage("phase 'main': solve rate and hashrate must not be negative",
                () -> config(fleet(1, 1000, Double.NaN, 0, 1, 1), 1, 1));
    }

    @Test
    void aSolveRateAndAHashrateAreExclusive() {
        assertMessage("phase 'main': give a solve rate or a hashrate, not both",
                () -> config(fleet(1, 1000, 1, 5, 1, 1), 1, 1));
        assertMessage("give a solve rate or a hashrate, not both",
                () -> Runs.phased(fleet(1, 1000, 1, 5, 1, 1), null, SERVER, List.of(phase(1)), OUT));
    }

    @Test
    void durationMustBePositive() {
        assertMessage("duration must be positive", () -> config(Fleets.of(1, 1).build(), 0, 1));
    }

    @Test
    void ioThreadsMustBeAtLeastOneAndBounded() {
        assertMessage("io threads must be in 1..1024, was 0", () -> config(Fleets.of(1, 1).build(), 1, 0));
        assertMessage("io threads must be in 1..1024, was 100000",
                () -> config(Fleets.of(1, 1).build(), 1, 100_000));
    }

    @Test
    void timeoutsMustBePositive() {
        assertMessage("submit timeout must be positive", () -> config(fleet(1, 1000, 1, 0, 1, 0), 1, 1));
        assertMessage("subscribe timeout must be positive", () -> config(fleet(1, 1000, 1, 0, 0, 1), 1, 1));
    }

    @Test
    void aTargetOrAnEmbeddedServerIsNeeded() {
        assertMessage("a target or an embedded server is needed",
                () -> new LoadConfig("t", Fleets.of(1, 1).build(), null, null, 1, 1, OUT, 1));
    }

    @Test
    void aRunNeedsAPhase() {
        assertMessage("a run needs at least one phase",
                () -> Runs.phased(Fleets.of(1, 1).build(), null, SERVER, List.of(), OUT));
    }

    @Test
    void aPhaseMayNotHaveMoreMinersThanTheFleet() {
        assertMessage("phase 'p' has more miners (3) than the fleet (2)",
                () -> Runs.phased(Fleets.of(2, 1).build(), null, SERVER, List.of(phase(3)), OUT));
    }

    @Test
    void serverActionsNeedTheEmbeddedServer() {
        Phase restart = new Phase("p", 1, 1, 1, 1, 0, HashrateDistribution.parse("fixed"), BadShareMix.NONE,
                0,
                Runs.restart());
        assertMessage("phase 'p' acts on the server, which only works with the embedded server",
                () -> Runs.phased(Fleets.of(1, 1).build(), new InetSocketAddress("127.0.0.1", 9), null,
                        List.of(restart), OUT));
    }

    private static Phase phase(int miners) {
        return new Phase("p", 1, miners, 1, 1, 0, HashrateDistribution.parse("fixed"), BadShareMix.NONE, 0,
                Phase.ServerAction.NONE);
    }

    private static LoadConfig config(FleetSettings fleet, long durationNs, int ioThreads) {
        return new LoadConfig("t", fleet, null, SERVER, durationNs, ioThreads, OUT, 1);
    }

    private static FleetSettings fleet(int miners, double connectRate, double solveRate, double hashrate,
            long subscribeTimeoutNs, long submitTimeoutNs) {
        return new FleetSettings(miners, connectRate, solveRate, hashrate,
                HashrateDistribution.parse("fixed"),
                BadShareMix.NONE, HostileMiners.NONE, "m", "", 1, subscribeTimeoutNs, submitTimeoutNs, 0, 1,
                1, List.of(), 1, "keccak", 1);
    }

    private static void assertMessage(String message, Supplier<LoadConfig> build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build::get).getMessage());
    }
}

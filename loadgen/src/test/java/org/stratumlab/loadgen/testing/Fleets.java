package org.stratumlab.loadgen.testing;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.stratumlab.loadgen.miner.FleetSettings;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.HashrateDistribution;
import org.stratumlab.loadgen.schedule.HostileMiners;

/**
 * Fleet settings for tests: small fleets that connect at once, with the CLI's defaults elsewhere. Change a field
 * with the {@code with…} methods; {@link #build()} makes the record. Not thread-safe.
 */
public final class Fleets {
    private int miners = 10;
    private double connectRatePerSecond = 10_000;
    private double solveRatePerSecond = 10;
    private double hashrate;
    private HashrateDistribution hashrates = HashrateDistribution.parse("fixed");
    private BadShareMix badShares = BadShareMix.NONE;
    private HostileMiners hostile = HostileMiners.NONE;
    private long seed = 1;
    private long subscribeTimeoutNs = TimeUnit.SECONDS.toNanos(10);
    private long submitTimeoutNs = TimeUnit.SECONDS.toNanos(10);
    private long sessionLifetimeNs;
    private long reconnectBaseNs = TimeUnit.MILLISECONDS.toNanos(100);
    private long reconnectMaxNs = TimeUnit.SECONDS.toNanos(10);
    private List<InetAddress> sourceAddresses = List.of();
    private String pow = "keccak";
    private int grindThreads = 1;

    private Fleets() {
    }

    /**
     * @param miners how many miners
     * @param solveRatePerSecond solutions per miner per second
     * @return a builder
     */
    public static Fleets of(int miners, double solveRatePerSecond) {
        Fleets f = new Fleets();
        f.miners = miners;
        f.solveRatePerSecond = solveRatePerSecond;
        return f;
    }

    public Fleets badShares(String mix) {
        badShares = BadShareMix.parse(mix);
        return this;
    }

    public Fleets hostile(double fraction, String mix) {
        hostile = new HostileMiners(fraction, BadShareMix.parse(mix));
        return this;
    }

    public Fleets hashrate(double value, String distribution) {
        hashrate = value;
        hashrates = HashrateDistribution.parse(distribution);
        solveRatePerSecond = 0;
        return this;
    }

    public Fleets seed(long value) {
        seed = value;
        return this;
    }

    public Fleets subscribeTimeoutNs(long value) {
        subscribeTimeoutNs = value;
        return this;
    }

    public Fleets submitTimeoutNs(long value) {
        submitTimeoutNs = value;
        return this;
    }

    public Fleets sessionLifetimeNs(long value) {
        sessionLifetimeNs = value;
        return this;
    }

    public Fleets reconnect(long baseNs, long maxNs) {
        reconnectBaseNs = baseNs;
        reconnectMaxNs = maxNs;
        return this;
    }

    public Fleets sourceAddresses(List<InetAddress> value) {
        sourceAddresses = value;
        return this;
    }

    public Fleets pow(String value) {
        pow = value;
        return this;
    }

    public Fleets grindThreads(int value) {
        grindThreads = value;
        return this;
    }

    public FleetSettings build() {
        return new FleetSettings(miners, connectRatePerSecond, solveRatePerSecond, hashrate, hashrates,
                badShares, hostile, "miner", "", seed, subscribeTimeoutNs, submitTimeoutNs, sessionLifetimeNs,
                reconnectBaseNs,
                reconnectMaxNs, sourceAddresses, FleetSettings.DEFAULT_MAX_GRIND_ATTEMPTS, pow, grindThreads);
    }
}

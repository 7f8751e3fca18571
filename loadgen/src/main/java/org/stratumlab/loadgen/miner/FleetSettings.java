package org.stratumlab.loadgen.miner;

import java.net.InetAddress;
import java.util.List;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.HashrateDistribution;
import org.stratumlab.loadgen.schedule.HostileMiners;
import org.stratumlab.loadgen.shard.Shard;
import org.stratumlab.pow.PowAlgorithms;

/**
 * How a fleet of simulated miners behaves. Validated by the run configuration that builds it.
 *
 * @param miners how many miners (connections)
 * @param connectRatePerSecond new connections per second until all are up
 * @param solveRatePerSecond solutions per miner per second, or 0 when {@code hashrate} drives the rate
 * @param hashrate hashes per second per miner (with {@code hashrates} spreading it), or 0
 * @param hashrates how hashrates spread over the miners
 * @param badShares the share of deliberately bad submits, by kind, of honest miners
 * @param hostile the hostile miners and the mix they draw from
 * @param workerPrefix worker names are {@code <prefix>-<n>}
 * @param password the subscribe password
 * @param seed the seed of every random draw (schedules, shares, hashrates)
 * @param subscribeTimeoutNs a subscribe unanswered this long counts as never answered
 * @param submitTimeoutNs a submit unanswered this long counts as unanswered
 * @param sessionLifetimeNs mean connection lifetime for churn (exponential), or 0 for none
 * @param reconnectBaseNs the first reconnect delay; doubled per failed attempt, with jitter
 * @param reconnectMaxNs the longest reconnect delay
 * @param sourceAddresses local addresses to connect from, round robin; empty for the system's choice
 * @param maxGrindAttempts the most nonces worth trying for one valid share: a harder job's shares are sent unground
 * @param pow the proof of work the miners grind: {@code keccak} or {@code octopus}
 * @param grindThreads the threads that grind valid nonces ahead, off the event loops
 * @param shard which share of the fleet these miners are ({@link Shard#WHOLE} unsharded): worker names, hostile
 *        miners and hashrates follow the miners' global numbers
 * @param fleetMiners the whole fleet's miners, all shards' ({@code miners} unsharded)
 */
public record FleetSettings(int miners, double connectRatePerSecond, double solveRatePerSecond,
        double hashrate,
        HashrateDistribution hashrates, BadShareMix badShares, HostileMiners hostile, String workerPrefix,
        String password,
        long seed,
        long subscribeTimeoutNs, long submitTimeoutNs, long sessionLifetimeNs, long reconnectBaseNs,
        long reconnectMaxNs,
        List<InetAddress> sourceAddresses, long maxGrindAttempts, String pow, int grindThreads, Shard shard,
        int fleetMiners) {

    /** The default of {@link #grindThreads}: half the cores, which the miners' event loops and a server share. */
    public static final int DEFAULT_GRIND_THREADS = Math.max(1,
            Runtime.getRuntime().availableProcessors() / 2);

    /** The default of {@link #maxGrindAttempts}: a million, about 55 ms of one core with the native hasher. */
    public static final long DEFAULT_MAX_GRIND_ATTEMPTS = 1_000_000;

    /**
     * The settings of a whole, unsharded fleet.
     *
     * @param miners how many miners (connections)
     * @param connectRatePerSecond new connections per second until all are up
     * @param solveRatePerSecond solutions per miner per second, or 0 when {@code hashrate} drives the rate
     * @param hashrate hashes per second per miner (with {@code hashrates} spreading it), or 0
     * @param hashrates how hashrates spread over the miners
     * @param badShares the share of deliberately bad submits, by kind, of honest miners
     * @param hostile the hostile miners and the mix they draw from
     * @param workerPrefix worker names are {@code <prefix>-<n>}
     * @param password the subscribe password
     * @param seed the seed of every random draw (schedules, shares, hashrates)
     * @param subscribeTimeoutNs a subscribe unanswered this long counts as never answered
     * @param submitTimeoutNs a submit unanswered this long counts as unanswered
     * @param sessionLifetimeNs mean connection lifetime for churn (exponential), or 0 for none
     * @param reconnectBaseNs the first reconnect delay; doubled per failed attempt, with jitter
     * @param reconnectMaxNs the longest reconnect delay
     * @param sourceAddresses local addresses to connect from, round robin; empty for the system's choice
     * @param maxGrindAttempts the most nonces worth trying for one valid share
     * @param pow the proof of work the miners grind: {@code keccak} or {@code octopus}
     * @param grindThreads the threads that grind valid nonces ahead, off the event loops
     */
    public FleetSettings(int miners, double connectRatePerSecond, double solveRatePerSecond, double hashrate,
            HashrateDistribution hashrates, BadShareMix badShares, HostileMiners hostile, String workerPrefix,
            String password, long seed, long subscribeTimeoutNs, long submitTimeoutNs, long sessionLifetimeNs,
            long reconnectBaseNs, long reconnectMaxNs, List<InetAddress> sourceAddresses,
            long maxGrindAttempts,
            String pow, int grindThreads) {
        this(miners, connectRatePerSecond, solveRatePerSecond, hashrate, hashrates, badShares, hostile,
                workerPrefix, password, seed, subscribeTimeoutNs, submitTimeoutNs, sessionLifetimeNs,
                reconnectBaseNs, reconnectMaxNs, sourceAddresses, maxGrindAttempts, pow, grindThreads,
                Shard.WHOLE,
                miners);
    }

    /** Copies the address list and checks the grinding settings and the shard. */
    public FleetSettings {
        sourceAddresses = List.copyOf(sourceAddresses);
        if (shard.minersOf(fleetMiners) != miners) {
            throw new IllegalArgumentException("shard " + shard.index() + " of " + shard.count() + " of "
                    + fleetMiners + " miners has " + shard.minersOf(fleetMiners) + ", not " + miners);
        }
        PowAlgorithms.requireKnown(pow);
        if (grindThreads < 1) {
            throw new IllegalArgumentException("grinding threads must be at least 1, was " + grindThreads);
        }
    }
}

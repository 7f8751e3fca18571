package org.stratumlab.loadgen.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stratumlab.loadgen.run.LoadConfig;
import org.stratumlab.loadgen.run.Phase;
import org.stratumlab.loadgen.schedule.BadShareMix;
import org.stratumlab.loadgen.schedule.HashrateDistribution;
import org.stratumlab.loadgen.shard.Shard;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.U256;

/**
 * The shards of a run together are the unsharded run: the same miners by worker name, the same hostile ones, the
 * same rank-drawn hashrates; each phase's miners and connect rate add up to the phase's, with the same names and
 * durations; each shard with a seed of its own.
 */
class ShardedFleetTest {
    private static final InetSocketAddress ENDPOINT = new InetSocketAddress(InetAddress.getLoopbackAddress(),
            32525);
    private static final Path OUT = Path.of("unused");
    private static final int MINERS = 103;

    private static LoadConfig whole(FleetSettings fleet) {
        HashrateDistribution fixed = HashrateDistribution.parse("fixed");
        List<Phase> phases = List.of(
                new Phase("ramp", TimeUnit.SECONDS.toNanos(3), MINERS, 50, 2, 0, fixed, BadShareMix.NONE, 0,
                        Phase.ServerAction.NONE),
                new Phase("steady", TimeUnit.SECONDS.toNanos(5), 60, 20, 4, 0, fixed, BadShareMix.NONE, 0,
                        Phase.ServerAction.NONE),
                new Phase("tail", TimeUnit.SECONDS.toNanos(1), 2, 5, 4, 0, fixed, BadShareMix.NONE, 0,
                        Phase.ServerAction.NONE));
        return Runs.phased(fleet, ENDPOINT, null, phases, OUT);
    }

    private static FleetSettings hostileFleet() {
        return Fleets.of(MINERS, 2).hostile(0.3, "invalid=1").seed(42).build();
    }

    @Test
    void theShardsTogetherHaveExactlyTheUnshardedFleetsMinersAndHostileOnes() {
        MinerSlot[] unsharded = MinerFleet.makeSlots(hostileFleet());
        Set<String> names = new HashSet<>();
        Set<String> hostile = new HashSet<>();
        for (MinerSlot slot : unsharded) {
            names.add(slot.workerId);
            if (slot.hostile) {
                hostile.add(slot.workerId);
            }
        }
        assertEquals(MINERS, names.size());
        assertTrue(hostile.size() > 20 && hostile.size() < 40, hostile.toString());
        for (int count : new int[]{1, 2, 3, 7, MINERS}) {
            List<String> shardNames = new ArrayList<>();
            Set<String> shardHostile = new HashSet<>();
            for (int index = 0; index < count; index++) {
                LoadConfig shard = whole(hostileFleet()).forShard(new Shard(index, count), "d");
                for (MinerSlot slot : MinerFleet.makeSlots(shard.fleet())) {
                    shardNames.add(slot.workerId);
                    int n = Integer.parseInt(slot.workerId.substring("miner-".length()));
                    assertEquals(index, n % count, slot.workerId + " in shard " + index + " of " + count);
                    if (slot.hostile) {
                        shardHostile.add(slot.workerId);
                    }
                }
            }
            assertEquals(MINERS, shardNames.size(), "no miner twice over " + count + " shards");
            assertEquals(names, new HashSet<>(shardNames), count + " shards");
            assertEquals(hostile, shardHostile, count + " shards");
        }
    }

    @Test
    void eachPhasesMinersAndConnectRateAddUpWithTheSameNamesAndDurations() {
        LoadConfig whole = whole(hostileFleet());
        int count = 7;
        int[] miners = new int[whole.phases().size()];
        double[] rates = new double[whole.phases().size()];
        int fleetMiners = 0;
        Set<Long> seeds = new HashSet<>();
        for (int index = 0; index < count; index++) {
            LoadConfig shard = whole.forShard(new Shard(index, count), "digest");
            fleetMiners += shard.fleet().miners();
            seeds.add(shard.fleet().seed());
            assertEquals(new Shard(index, count).seed(42), shard.fleet().seed());
            assertEquals(new LoadConfig.Sharding(new Shard(index, count), 42, "digest"), shard.sharding());
            assertEquals(whole.durationNs(), shard.durationNs());
            for (int i = 0; i < miners.length; i++) {
                Phase mine = shard.phases().get(i);
                Phase all = whole.phases().get(i);
                assertEquals(all.name(), mine.name());
                assertEquals(all.durationNs(), mine.durationNs());
                assertEquals(all.solveRatePerSecond(), mine.solveRatePerSecond());
                miners[i] += mine.miners();
                rates[i] += mine.connectRatePerSecond();
            }
        }
        assertEquals(MINERS, fleetMiners);
        assertEquals(count, seeds.size(), "a seed per shard");
        for (int i = 0; i < miners.length; i++) {
            assertEquals(whole.phases().get(i).miners(), miners[i], whole.phases().get(i).name());
            assertEquals(whole.phases().get(i).connectRatePerSecond(), rates[i], 1e-9,
                    whole.phases().get(i).name());
        }
        // The tail's two miners are shards 0's and 1's: the others have none of them, and no share of its rate.
        assertEquals(0, whole.forShard(new Shard(5, count), "d").phases().get(2).connectRatePerSecond());
    }

    @Test
    void aRankedHashrateRanksTheWholeFleetNotEachShard() {
        U256 boundary = Difficulty.toBoundary(BigInteger.valueOf(1_000_000));
        FleetSettings zipf = Fleets.of(MINERS, 0).hashrate(5e6, "zipf:1.1").seed(42).build();
        Map<String, Double> unsharded = rates(MinerFleet.makeSlots(zipf), boundary);
        Map<String, Double> sharded = new HashMap<>();
        for (int index = 0; index < 3; index++) {
            sharded.putAll(rates(MinerFleet.makeSlots(whole(zipf).forShard(new Shard(index, 3), "d").fleet()),
                    boundary));
        }
        assertEquals(unsharded, sharded);
        assertNotEquals(unsharded.get("miner-0"), unsharded.get("miner-1"), "ranks differ");
    }

    private static Map<String, Double> rates(MinerSlot[] slots, U256 boundary) {
        Map<String, Double> rates = new HashMap<>();
        for (MinerSlot slot : slots) {
            slot.schedule.onBoundary(boundary);
            rates.put(slot.workerId, slot.schedule.ratePerSecond());
        }
        return rates;
    }

    @Test
    void aShardNeedsAnExternalTargetAndMinersOfItsOwn() {
        LoadConfig embedded = Runs.phased(hostileFleet(), null, Runs.steadyServer().build(),
                whole(hostileFleet()).phases(), OUT);
        assertEquals("a sharded run needs target.external, one endpoint for every shard; an embedded target "
                + "would give each shard a server of its own",
                assertThrows(IllegalArgumentException.class,
                        () -> embedded.forShard(new Shard(0, 2), "d")).getMessage());
        assertEquals("shard 103 of 104 would have no miners: the scenario has 103, fewer than the shards",
                assertThrows(IllegalArgumentException.class,
                        () -> whole(hostileFleet()).forShard(new Shard(103, 104), "d")).getMessage());
    }
}

package org.stratumlab.loadgen.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A shard's numbering and seed: every miner in exactly one shard, and seeds that do not overlap. */
class ShardTest {
    @Test
    void everyMinerOfAFleetIsInExactlyOneShardInOrder() {
        for (int count = 1; count <= 9; count++) {
            for (int miners = 0; miners <= 40; miners++) {
                int[] owner = new int[miners];
                java.util.Arrays.fill(owner, -1);
                int total = 0;
                for (int index = 0; index < count; index++) {
                    Shard shard = new Shard(index, count);
                    int mine = shard.minersOf(miners);
                    total += mine;
                    for (int local = 0; local < mine; local++) {
                        int n = shard.globalNumber(local);
                        assertEquals(-1, owner[n], "miner " + n + " of " + miners + " in two of " + count);
                        assertEquals(index, n % count, "miner " + n + " is in shard n mod " + count);
                        owner[n] = index;
                    }
                }
                assertEquals(miners, total, miners + " miners over " + count + " shards");
            }
        }
    }

    @Test
    void sharesOfARateAddUpToIt() {
        for (int count = 1; count <= 7; count++) {
            double sum = 0;
            for (int index = 0; index < count; index++) {
                sum += new Shard(index, count).rateOf(250, 10);
            }
            assertEquals(250, sum, 1e-9, count + " shards");
        }
        assertEquals(0, new Shard(3, 4).rateOf(250, 2), "no miners of the phase: no share of its rate");
    }

    @Test
    void theSeedIsDerivedAsDocumented() {
        assertEquals(42, Shard.WHOLE.seed(42), "one shard runs the unsharded plan");
        assertEquals(42, new Shard(0, 1).seed(42));
        // SplitMix64's finaliser of seed + (index + 1) * golden gamma: the first value SplittableRandom(seed) draws
        // is that mix of seed + gamma, which shard 0 then equals.
        assertEquals(new SplittableRandom(42).nextLong(), new Shard(0, 3).seed(42));
        Set<Long> seeds = new HashSet<>();
        for (int index = 0; index < 64; index++) {
            long seed = new Shard(index, 64).seed(42);
            assertEquals(seed, new Shard(index, 64).seed(42), "the same for the same shard");
            assertEquals(seed, new Shard(index, 2 + index).seed(42), "the index decides, not the count");
            seeds.add(seed);
        }
        assertEquals(64, seeds.size(), "every shard its own seed");
        assertNotEquals(new Shard(1, 2).seed(42), new Shard(1, 2).seed(43));
    }

    @Test
    void theTextFormIsIndexSlashCount() {
        assertEquals(new Shard(2, 5), Shard.parse("2/5"));
        assertEquals(new Shard(0, 1), Shard.parse(" 0/1 "));
        assertEquals("the shard index must be in 0..2 for 3 shards, was 3",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("3/3")).getMessage());
        assertEquals("the shard count must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/0")).getMessage());
        for (String bad : new String[]{"1", "1/", "/3", "-1/3", "a/b", "1/3/5", "99999999999/3"}) {
            assertEquals("expected I/N, the shard's index (from 0) and the number of shards, e.g. 0/3",
                    assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad)).getMessage(), bad);
        }
    }
}

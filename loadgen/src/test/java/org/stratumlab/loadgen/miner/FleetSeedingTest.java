package org.stratumlab.loadgen.miner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.testing.Statistics;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.U256;

/** A fleet's seed fixes every miner's solution schedule (a deterministic seed gives the same schedule). */
class FleetSeedingTest {
    private static final int EVENTS = 200;
    private static final long START_NS = 1_000_000_000L;

    @Test
    void theSameSeedGivesEveryMinerTheSameIntendedTimes() {
        long[][] first = schedules(MinerFleet.makeSlots(Fleets.of(20, 5).seed(7).build()));
        long[][] second = schedules(MinerFleet.makeSlots(Fleets.of(20, 5).seed(7).build()));
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], second[i], "miner " + i);
        }
    }

    @Test
    void aDifferentSeedGivesDifferentIntendedTimes() {
        long[][] first = schedules(MinerFleet.makeSlots(Fleets.of(20, 5).seed(7).build()));
        long[][] second = schedules(MinerFleet.makeSlots(Fleets.of(20, 5).seed(8).build()));
        for (int i = 0; i < first.length; i++) {
            assertFalse(Arrays.equals(first[i], second[i]), "miner " + i);
        }
    }

    @Test
    void minersOfOneFleetHaveDifferentSchedules() {
        long[][] schedules = schedules(MinerFleet.makeSlots(Fleets.of(20, 5).seed(7).build()));
        assertEquals(20, Arrays.stream(schedules).map(Arrays::toString).distinct().count());
    }

    @Test
    void theScheduleDoesNotDependOnOtherDrawsOfTheMiner() {
        // Share kinds and nonces are drawn from the slot's own source; they must not shift its schedule.
        MinerSlot[] plain = MinerFleet.makeSlots(Fleets.of(3, 5).seed(7).build());
        MinerSlot[] busy = MinerFleet.makeSlots(Fleets.of(3, 5).seed(7).build());
        for (MinerSlot slot : busy) {
            for (int i = 0; i < 1000; i++) {
                slot.random.nextLong();
            }
        }
        long[][] a = schedules(plain);
        long[][] b = schedules(busy);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], "miner " + i);
        }
    }

    @Test
    void hashrateFleetsRepeatTheirHashratesAndSchedulesForASeed() {
        U256 boundary = Difficulty.toBoundary(BigInteger.valueOf(1_000_000));
        MinerSlot[] a = MinerFleet
                .makeSlots(Fleets.of(10, 0).hashrate(5e6, "lognormal:1,0.5").seed(3).build());
        MinerSlot[] b = MinerFleet
                .makeSlots(Fleets.of(10, 0).hashrate(5e6, "lognormal:1,0.5").seed(3).build());
        MinerSlot[] c = MinerFleet
                .makeSlots(Fleets.of(10, 0).hashrate(5e6, "lognormal:1,0.5").seed(4).build());
        for (MinerSlot[] slots : new MinerSlot[][]{a, b, c}) {
            for (MinerSlot slot : slots) {
                slot.schedule.onBoundary(boundary);
            }
        }
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i].schedule.ratePerSecond(), b[i].schedule.ratePerSecond(), "miner " + i);
            assertNotEquals(a[i].schedule.ratePerSecond(), c[i].schedule.ratePerSecond(), "miner " + i);
        }
        long[][] sa = schedules(a);
        long[][] sb = schedules(b);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(sa[i], sb[i], "miner " + i);
        }
    }

    @Test
    void workerNamesCarryThePrefixAndTheIndex() {
        MinerSlot[] slots = MinerFleet.makeSlots(Fleets.of(3, 5).build());
        for (int i = 0; i < slots.length; i++) {
            assertEquals(i, slots[i].index);
            assertEquals("miner-" + i, slots[i].workerId);
        }
    }

    @Test
    void aMinersGapsAreExponentialAtTheSolveRate() {
        long seed = 77;
        double rate = 5;
        MinerSlot slot = MinerFleet.makeSlots(Fleets.of(1, rate).seed(seed).build())[0];
        double[] gaps = new double[10_000];
        long previous = slot.schedule.start(0);
        for (int i = 0; i < gaps.length; i++) {
            long next = slot.schedule.advance();
            gaps[i] = (next - previous) / 1e9;
            previous = next;
        }
        double d = Statistics.ksStatistic(gaps, x -> 1 - Math.exp(-rate * x));
        assertTrue(d < Statistics.ksCritical(gaps.length), "K-S D " + d + "; seed " + seed);
    }

    private static long[][] schedules(MinerSlot[] slots) {
        long[][] times = new long[slots.length][EVENTS];
        for (int i = 0; i < slots.length; i++) {
            times[i][0] = slots[i].schedule.start(START_NS);
            for (int e = 1; e < EVENTS; e++) {
                times[i][e] = slots[i].schedule.advance();
            }
        }
        return times;
    }
}

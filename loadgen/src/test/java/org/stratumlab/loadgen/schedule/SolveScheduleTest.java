package org.stratumlab.loadgen.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.stratumlab.testing.Statistics;
import org.stratumlab.pow.Difficulty;
import org.stratumlab.pow.U256;

class SolveScheduleTest {
    private static final int GAPS = 10_000;

    @Test
    void theSameSeedGivesTheSameIntendedTimes() {
        assertArrayEquals(intendedTimes(SolveSchedule.fixedRate(new SplittableRandom(42), 5), 1_000, 100),
                intendedTimes(SolveSchedule.fixedRate(new SplittableRandom(42), 5), 1_000, 100));
    }

    @Test
    void aDifferentSeedGivesDifferentIntendedTimes() {
        assertFalse(Arrays.equals(
                intendedTimes(SolveSchedule.fixedRate(new SplittableRandom(42), 5), 1_000, 100),
                intendedTimes(SolveSchedule.fixedRate(new SplittableRandom(43), 5), 1_000, 100)));
    }

    @Test
    void eventsAreDrawnFromTheLastIntendedTimeNotFromNow() {
        SolveSchedule schedule = SolveSchedule.fixedRate(new SplittableRandom(1), 100);
        long first = schedule.start(5_000);
        assertTrue(first >= 5_000);
        long second = schedule.advance();
        assertTrue(second >= first);
        assertEquals(second, schedule.nextIntendedNs());
    }

    @Test
    void gapsAreExponentialAtTheConfiguredRate() {
        long seed = 1234;
        double rate = 7.5;
        double[] gaps = gapsSeconds(SolveSchedule.fixedRate(new SplittableRandom(seed), rate));
        assertExponential(gaps, rate, seed);
    }

    @Test
    void aHashrateScheduleRunsAtHashrateTimesBoundaryOverTwoToThe256() {
        long seed = 99;
        double hashrate = 3e6;
        U256 boundary = Difficulty.toBoundary(BigInteger.valueOf(1_000_000));
        SolveSchedule schedule = SolveSchedule.fromHashrate(new SplittableRandom(seed), hashrate);
        schedule.onBoundary(boundary);
        double expected = new java.math.BigDecimal(boundary.toBigInteger()).multiply(
                java.math.BigDecimal.valueOf(hashrate))
                .divide(new java.math.BigDecimal(BigInteger.ONE.shiftLeft(256)),
                        java.math.MathContext.DECIMAL64)
                .doubleValue();
        assertEquals(expected, schedule.ratePerSecond(), expected * 1e-12);
        assertEquals(3.0, schedule.ratePerSecond(), 1e-6); // 3e6 H/s at difficulty 1e6
        assertExponential(gapsSeconds(schedule), expected, seed);
    }

    @Test
    void aRetargetChangesAHashrateSchedulesRateButNotAFixedOne() {
        SolveSchedule byHashrate = SolveSchedule.fromHashrate(new SplittableRandom(1), 1e6);
        SolveSchedule fixed = SolveSchedule.fixedRate(new SplittableRandom(1), 4);
        for (SolveSchedule s : new SolveSchedule[]{byHashrate, fixed}) {
            s.onBoundary(Difficulty.toBoundary(BigInteger.valueOf(1000)));
        }
        assertEquals(1000, byHashrate.ratePerSecond(), 1e-6);
        byHashrate.onBoundary(Difficulty.toBoundary(BigInteger.valueOf(4000)));
        assertEquals(250, byHashrate.ratePerSecond(), 1e-6);
        assertEquals(4, fixed.ratePerSecond());
        assertEquals(0, byHashrate.fixedRatePerSecond());
    }

    @Test
    void aHashrateScheduleWithoutABoundaryYetHasNoEvents() {
        SolveSchedule schedule = SolveSchedule.fromHashrate(new SplittableRandom(1), 1e6);
        assertEquals(Long.MAX_VALUE, schedule.start(0));
        assertEquals(Long.MAX_VALUE, SolveSchedule.fixedRate(new SplittableRandom(1), 0).start(0));
    }

    private static void assertExponential(double[] gaps, double rate, long seed) {
        double d = Statistics.ksStatistic(gaps, x -> 1 - Math.exp(-rate * x));
        assertTrue(d < Statistics.ksCritical(gaps.length), "K-S D " + d + " >= critical "
                + Statistics.ksCritical(gaps.length) + " (alpha 0.001) for Exp(" + rate + "); seed " + seed);
    }

    private static double[] gapsSeconds(SolveSchedule schedule) {
        double[] gaps = new double[GAPS];
        long previous = schedule.start(0);
        for (int i = 0; i < GAPS; i++) {
            long next = schedule.advance();
            gaps[i] = (next - previous) / 1e9;
            previous = next;
        }
        return gaps;
    }

    static long[] intendedTimes(SolveSchedule schedule, long startNs, int events) {
        long[] times = new long[events];
        times[0] = schedule.start(startNs);
        for (int i = 1; i < events; i++) {
            times[i] = schedule.advance();
        }
        return times;
    }
}

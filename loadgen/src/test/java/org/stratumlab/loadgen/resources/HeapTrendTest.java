package org.stratumlab.loadgen.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stratumlab.results.Summary;

/** The heap's least-squares slope and its 95 % interval, against figures worked out by hand. */
class HeapTrendTest {
    @Test
    void aStraightLineHasItsSlopeAndNoUncertainty() {
        // 1 MiB a minute: 60 MiB an hour, exactly on the line.
        double[] atS = {60, 120, 180, 240};
        double[] heap = new double[atS.length];
        for (int i = 0; i < atS.length; i++) {
            heap[i] = 100 * Summary.MIB + atS[i] / 60 * Summary.MIB;
        }
        Summary.HeapSlope slope = HeapTrend.fit(atS, heap);
        assertEquals(4, slope.samples());
        assertEquals(60.0, slope.bytesPerHour() / Summary.MIB, 1e-9);
        assertEquals(0.0, slope.ci95BytesPerHour(), 1e-3);
        assertEquals(60.0, slope.fromS());
    }

    @Test
    void theIntervalIsTheStandardErrorTimesStudentsT() {
        // x = 0, 1, 2, 3 h (as seconds), y = 0, 2, 1, 3: Sxy = 4, Sxx = 5, slope 0.8; residuals -0.3, 0.9, -0.9,
        // 0.3 (sum of squares 1.8), residual variance 1.8 / 2 = 0.9, standard error sqrt(0.9 / 5), t(0.975, 2) =
        // 4.3027.
        double[] atS = {0, 3600, 7200, 10800};
        double[] heap = {0, 2, 1, 3};
        Summary.HeapSlope slope = HeapTrend.fit(atS, heap);
        assertEquals(0.8, slope.bytesPerHour(), 1e-12);
        assertEquals(4.3027 * Math.sqrt(0.9 / 5), slope.ci95BytesPerHour(), 1e-9);
    }

    @Test
    void fewerThanThreeSamplesLeaveTheSlopeUnknownNotZero() {
        for (int n = 0; n < Summary.HeapSlope.MIN_SAMPLES; n++) {
            double[] atS = new double[n];
            double[] heap = new double[n];
            for (int i = 0; i < n; i++) {
                atS[i] = i;
                heap[i] = 7;
            }
            Summary.HeapSlope slope = HeapTrend.fit(atS, heap);
            assertFalse(slope.known(), n + " samples");
            assertNull(slope.bytesPerHour());
            assertNull(slope.ci95BytesPerHour());
            assertEquals(n, slope.samples());
            assertTrue(slope.describe().startsWith("unknown"), slope.describe());
        }
    }

    @Test
    void readingsAllAtOneInstantHaveNoSlope() {
        assertFalse(HeapTrend.fit(new double[]{5, 5, 5}, new double[]{1, 2, 3}).known());
    }

    /** Over many noisy flat series, the 95 % interval holds the true slope (0) about 95 times in 100. */
    @Test
    void theIntervalCoversTheTrueSlopeAboutNineteenTimesInTwenty() {
        long seed = 20261202L;
        Random random = new Random(seed);
        int trials = 4000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] atS = new double[8];
            double[] heap = new double[8];
            for (int i = 0; i < atS.length; i++) {
                atS[i] = 60.0 * i;
                heap[i] = 50 * Summary.MIB + random.nextGaussian() * Summary.MIB;
            }
            Summary.HeapSlope slope = HeapTrend.fit(atS, heap);
            covered += Math.abs(slope.bytesPerHour()) <= slope.ci95BytesPerHour() ? 1 : 0;
        }
        // Binomial(4000, 0.95): a standard deviation of 14; five of them either way (seed printed on failure).
        assertTrue(Math.abs(covered - 0.95 * trials) < 70, "seed " + seed + ": covered " + covered);
    }

    @Test
    void studentsTMeetsTheNormalDistributionAsTheDegreesOfFreedomGrow() {
        assertEquals(12.7062, StudentT.quantile975(1));
        assertEquals(2.0423, StudentT.quantile975(30));
        assertEquals(2.0395, StudentT.quantile975(31), 1e-4); // the expansion just past the table
        assertEquals(2.0003, StudentT.quantile975(60), 1e-4);
        assertEquals(1.9799, StudentT.quantile975(120), 1e-4);
        assertEquals(1.96, StudentT.quantile975(1_000_000), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile975(0));
    }
}

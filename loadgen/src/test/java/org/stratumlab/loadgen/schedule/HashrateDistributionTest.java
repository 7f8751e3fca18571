package org.stratumlab.loadgen.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stratumlab.testing.Statistics;

class HashrateDistributionTest {
    private static final double BASE = 2e6;

    @Test
    void parsesEachDistribution() {
        assertEquals(new HashrateDistribution.Fixed(), HashrateDistribution.parse("fixed"));
        assertEquals(new HashrateDistribution.Fixed(), HashrateDistribution.parse(" FIXED "));
        assertEquals(new HashrateDistribution.Uniform(0.5, 2), HashrateDistribution.parse("uniform:0.5..2"));
        assertEquals(new HashrateDistribution.LogNormal(1, 0.5),
                HashrateDistribution.parse("lognormal:1,0.5"));
        assertEquals(new HashrateDistribution.LogNormal(2, 0), HashrateDistribution.parse("lognormal:2, 0"));
        assertEquals(new HashrateDistribution.Zipf(1.2), HashrateDistribution.parse("zipf:1.2"));
    }

    @Test
    void describeIsReadBackByParse() {
        for (String text : new String[]{"fixed", "uniform:0.5..2", "lognormal:1,0.5", "zipf:1.2"}) {
            HashrateDistribution d = HashrateDistribution.parse(text);
            assertEquals(d, HashrateDistribution.parse(d.describe()), text);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gamma:2|unknown hashrate distribution 'gamma:2': fixed, uniform:a..b, lognormal:median,sigma or zipf:s",
            "uniform:1|malformed hashrate distribution 'uniform:1': fixed, uniform:a..b, lognormal:median,sigma or zipf:s",
            "uniform:a..b|malformed hashrate distribution 'uniform:a..b': fixed, uniform:a..b, lognormal:median,sigma or zipf:s",
            "lognormal:1|malformed hashrate distribution 'lognormal:1': fixed, uniform:a..b, lognormal:median,sigma or zipf:s",
            "zipf|malformed hashrate distribution 'zipf': fixed, uniform:a..b, lognormal:median,sigma or zipf:s",
            "uniform:0..1|hashrate distribution 'uniform:0..1': 0 must be positive",
            "uniform:2..1|hashrate distribution uniform:2.0..1.0: the upper bound is below the lower",
            "lognormal:1,-1|hashrate distribution 'lognormal:1,-1': -1 must not be negative",
            "lognormal:0,1|hashrate distribution 'lognormal:0,1': 0 must be positive",
            "zipf:0|hashrate distribution 'zipf:0': 0 must be positive",
            "zipf:-1|hashrate distribution 'zipf:-1': -1 must be positive"})
    void badDistributionsAreRejectedWithAMessageNamingThem(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HashrateDistribution.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void fixedGivesEveryMinerTheBase() {
        double[] farm = HashrateDistribution.parse("fixed").drawFarm(BASE, 5, new SplittableRandom(1));
        assertTrue(Arrays.stream(farm).allMatch(r -> r == BASE), Arrays.toString(farm));
    }

    @Test
    void uniformIsUniformBetweenItsBounds() {
        long seed = 7;
        double[] farm = HashrateDistribution.parse("uniform:0.5..2").drawFarm(BASE, 10_000,
                new SplittableRandom(seed));
        double low = 0.5 * BASE;
        double high = 2 * BASE;
        assertTrue(Arrays.stream(farm).allMatch(r -> r >= low && r < high), "seed " + seed);
        double d = Statistics.ksStatistic(farm, x -> (x - low) / (high - low));
        assertTrue(d < Statistics.ksCritical(farm.length), "K-S D " + d + "; seed " + seed);
    }

    @Test
    void lognormalHasItsMedianAndSigma() {
        long seed = 11;
        double median = 1.5;
        double sigma = 0.5;
        double[] farm = new HashrateDistribution.LogNormal(median, sigma).drawFarm(BASE, 10_000,
                new SplittableRandom(seed));
        // ln(rate / (base * median)) / sigma is standard normal: compare with its CDF.
        double[] z = Arrays.stream(farm).map(r -> Math.log(r / (BASE * median)) / sigma).toArray();
        double d = Statistics.ksStatistic(z, HashrateDistributionTest::standardNormalCdf);
        assertTrue(d < Statistics.ksCritical(z.length), "K-S D " + d + "; seed " + seed);
    }

    @Test
    void zipfFarmTotalIsMinersTimesTheBaseAndRanksFollowThePowerLaw() {
        int miners = 1000;
        double s = 1.2;
        double[] farm = new HashrateDistribution.Zipf(s).drawFarm(BASE, miners, new SplittableRandom(3));
        assertEquals(miners * BASE, Arrays.stream(farm).sum(), miners * BASE * 1e-9);
        for (int k = 1; k < miners; k++) {
            assertEquals(Math.pow(k + 1, s), farm[0] / farm[k], 1e-9 * Math.pow(k + 1, s), "rank " + (k + 1));
        }
    }

    @Test
    void drawsRepeatForTheSameSeed() {
        HashrateDistribution d = HashrateDistribution.parse("lognormal:1,1");
        assertTrue(Arrays.equals(d.drawFarm(BASE, 100, new SplittableRandom(5)),
                d.drawFarm(BASE, 100, new SplittableRandom(5))));
        assertInstanceOf(HashrateDistribution.LogNormal.class, d);
    }

    /** Φ(x) from the complementary error function (Numerical Recipes' erfc, relative error below 1.2e-7). */
    static double standardNormalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                        + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}

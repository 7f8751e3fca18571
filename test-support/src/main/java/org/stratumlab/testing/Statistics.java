package org.stratumlab.testing;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The statistical tests the loadgen tests rely on (statistical claims get statistical tests), at
 * significance level 0.001 so that a correct implementation fails about once in a thousand seeds.
 */
public final class Statistics {
    /** The significance level of every test here. */
    public static final double ALPHA = 0.001;
    /** Upper 0.001 quantiles of the chi-square distribution by degrees of freedom (index 1..6). */
    private static final double[] CHI_SQUARE_CRITICAL = {Double.NaN, 10.828, 13.816, 16.266, 18.467, 20.515,
            22.458};

    private Statistics() {
    }

    /**
     * The one-sample Kolmogorov–Smirnov statistic: the largest distance between the sample's empirical CDF and
     * {@code cdf}.
     *
     * @param sample the observations (not modified)
     * @param cdf the hypothesised distribution function
     * @return D
     */
    public static double ksStatistic(double[] sample, DoubleUnaryOperator cdf) {
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(sorted[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }

    /**
     * @param n the sample size
     * @return the asymptotic critical value of D at {@link #ALPHA}: sqrt(-ln(alpha/2)/2) / sqrt(n)
     */
    public static double ksCritical(int n) {
        return Math.sqrt(-Math.log(ALPHA / 2) / 2) / Math.sqrt(n);
    }

    /**
     * Pearson's chi-square statistic of observed counts against expected probabilities.
     *
     * @param observed counts per category
     * @param probabilities the expected probability of each category (categories with 0 must have 0 counts)
     * @return the statistic
     */
    public static double chiSquare(long[] observed, double[] probabilities) {
        long n = Arrays.stream(observed).sum();
        double x2 = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = n * probabilities[i];
            if (expected == 0) {
                if (observed[i] != 0) {
                    return Double.POSITIVE_INFINITY;
                }
                continue;
            }
            x2 += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        return x2;
    }

    /**
     * @param degreesOfFreedom 1..6
     * @return the chi-square critical value at {@link #ALPHA}
     */
    public static double chiSquareCritical(int degreesOfFreedom) {
        return CHI_SQUARE_CRITICAL[degreesOfFreedom];
    }
}

package org.stratumlab.loadgen.resources;

/**
 * The 97.5th percentile of Student's t distribution, the factor of a two-sided 95 % confidence interval: exact to
 * four places from the table up to 30 degrees of freedom, and from the Cornish-Fisher expansion in 1/df beyond
 * (within 1e-4 there, where it meets the table).
 */
final class StudentT {
    private static final double[] QUANTILE_975 = {12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646,
            2.3060, 2.2622, 2.2281, 2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930,
            2.0860, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423};
    /** The normal distribution's 97.5th percentile. */
    private static final double Z = 1.959963985;

    private StudentT() {
    }

    /**
     * @param degreesOfFreedom at least 1
     * @return t such that P(T &le; t) = 0.975
     */
    static double quantile975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException(
                    "degrees of freedom must be at least 1, was " + degreesOfFreedom);
        }
        if (degreesOfFreedom <= QUANTILE_975.length) {
            return QUANTILE_975[degreesOfFreedom - 1];
        }
        double v = degreesOfFreedom;
        double z2 = Z * Z;
        double z3 = z2 * Z;
        double z5 = z3 * z2;
        double z7 = z5 * z2;
        return Z + (z3 + Z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * Z) / (96 * v * v)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * Z) / (384 * v * v * v);
    }
}

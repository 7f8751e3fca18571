package org.stratumlab.loadgen.resources;

import org.stratumlab.results.Summary;

/**
 * The least-squares line through (time, heap) readings and the 95 % confidence interval of its slope: the
 * standard error of the slope is {@code sqrt(residual variance / Sxx)}, the residual variance has {@code n - 2}
 * degrees of freedom, and the interval is {@link StudentT#quantile975} times that error. With fewer than
 * {@link Summary.HeapSlope#MIN_SAMPLES} readings (or all at one instant) there is no error to estimate, and the
 * slope is unknown.
 */
final class HeapTrend {
    private static final double SECONDS_PER_HOUR = 3600;

    private HeapTrend() {
    }

    /**
     * @param atS each reading's time, seconds
     * @param heapBytes each reading's heap, as many as {@code atS}
     * @return the slope in bytes per hour with its 95 % half-width, or unknown
     */
    static Summary.HeapSlope fit(double[] atS, double[] heapBytes) {
        int n = atS.length;
        Double fromS = n == 0 ? null : atS[0];
        if (n < Summary.HeapSlope.MIN_SAMPLES) {
            return new Summary.HeapSlope(n, fromS, null, null);
        }
        double meanX = mean(atS);
        double meanY = mean(heapBytes);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (atS[i] - meanX) * (atS[i] - meanX);
            sxy += (atS[i] - meanX) * (heapBytes[i] - meanY);
        }
        if (sxx == 0) {
            return new Summary.HeapSlope(n, fromS, null, null);
        }
        double slope = sxy / sxx;
        double residuals = 0;
        for (int i = 0; i < n; i++) {
            double r = heapBytes[i] - (meanY + slope * (atS[i] - meanX));
            residuals += r * r;
        }
        double standardError = Math.sqrt(residuals / (n - 2) / sxx);
        double halfWidth = StudentT.quantile975(n - 2) * standardError;
        return new Summary.HeapSlope(n, fromS, slope * SECONDS_PER_HOUR, halfWidth * SECONDS_PER_HOUR);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}

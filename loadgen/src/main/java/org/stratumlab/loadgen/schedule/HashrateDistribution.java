package org.stratumlab.loadgen.schedule;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How hashrates are spread over a farm's miners: {@code fixed}, {@code uniform:a..b},
 * {@code lognormal:median,sigma} or {@code zipf:s} (relative to a base hashrate). Draws are reproducible from the
 * random source passed in.
 */
public sealed interface HashrateDistribution {
    /**
     * Draws one miner's hashrate.
     *
     * @param base the hashrate given with {@code --hashrate} (H/s)
     * @param random the seeded source
     * @return a hashrate in H/s, positive
     */
    double draw(double base, SplittableRandom random);

    /**
     * Draws a whole farm's hashrates, miner 0 first.
     *
     * @param base the hashrate given with {@code --hashrate} (H/s)
     * @param miners how many miners
     * @param random the seeded source
     * @return one hashrate per miner
     */
    default double[] drawFarm(double base, int miners, SplittableRandom random) {
        double[] rates = new double[miners];
        for (int i = 0; i < miners; i++) {
            rates[i] = draw(base, random);
        }
        return rates;
    }

    /** @return the text form, as {@link #parse} reads it */
    String describe();

    /**
     * Parses a distribution.
     *
     * @param text {@code fixed}, {@code uniform:a..b} (multiples of the base), {@code lognormal:median,sigma}
     *        (median as a multiple of the base), or {@code zipf:s}
     * @return the distribution
     * @throws IllegalArgumentException naming what is wrong
     */
    static HashrateDistribution parse(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("fixed")) {
            return new Fixed();
        }
        int colon = lower.indexOf(':');
        String kind = colon < 0 ? lower : lower.substring(0, colon);
        String args = colon < 0 ? "" : lower.substring(colon + 1);
        try {
            return switch (kind) {
                case "uniform" -> {
                    String[] range = args.split("\\.\\.");
                    yield new Uniform(positive(range[0], text), positive(range[1], text));
                }
                case "lognormal" -> {
                    String[] parts = args.split(",");
                    yield new LogNormal(positive(parts[0], text), nonNegative(parts[1], text));
                }
                case "zipf" -> new Zipf(positive(args, text));
                default -> throw new IllegalArgumentException("unknown hashrate distribution '" + text
                        + "': fixed, uniform:a..b, lognormal:median,sigma or zipf:s");
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("malformed hashrate distribution '" + text
                    + "': fixed, uniform:a..b, lognormal:median,sigma or zipf:s");
        }
    }

    private static double positive(String number, String text) {
        double value = Double.parseDouble(number.trim());
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "hashrate distribution '" + text + "': " + number + " must be positive");
        }
        return value;
    }

    private static double nonNegative(String number, String text) {
        double value = Double.parseDouble(number.trim());
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("hashrate distribution '" + text + "': " + number
                    + " must not be negative");
        }
        return value;
    }

    /** Every miner has the base hashrate. */
    record Fixed() implements HashrateDistribution {
        @Override
        public double draw(double base, SplittableRandom random) {
            return base;
        }

        @Override
        public String describe() {
            return "fixed";
        }
    }

    /**
     * Uniform between {@code low} and {@code high} times the base.
     *
     * @param low the lower multiple
     * @param high the upper multiple
     */
    record Uniform(double low, double high) implements HashrateDistribution {
        /** Checks the range. */
        public Uniform {
            if (high < low) {
                throw new IllegalArgumentException("hashrate distribution uniform:" + low + ".." + high
                        + ": the upper bound is below the lower");
            }
        }

        @Override
        public double draw(double base, SplittableRandom random) {
            return base * (low + (high - low) * random.nextDouble());
        }

        @Override
        public String describe() {
            return "uniform:" + low + ".." + high;
        }
    }

    /**
     * Log-normal with the given median (a multiple of the base) and shape: a farm of mostly similar rigs with a
     * long tail of big ones.
     *
     * @param median the median multiple
     * @param sigma the standard deviation of the logarithm
     */
    record LogNormal(double median, double sigma) implements HashrateDistribution {
        @Override
        public double draw(double base, SplittableRandom random) {
            return base * median * Math.exp(sigma * gaussian(random));
        }

        private static double gaussian(SplittableRandom random) {
            // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
            double u = 1.0 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }

        @Override
        public String describe() {
            return "lognormal:" + median + "," + sigma;
        }
    }

    /**
     * Zipf's law over the miners' ranks: miner k (from 1) gets base · n · k^-s / H(n,s), so the farm's total is n
     * times the base, as with the other distributions, but a few miners hold most of it.
     *
     * @param s the exponent
     */
    record Zipf(double s) implements HashrateDistribution {
        /** Zipf ranks miners, so a lone draw is the base: use {@link #drawFarm}. */
        @Override
        public double draw(double base, SplittableRandom random) {
            return base;
        }

        @Override
        public double[] drawFarm(double base, int miners, SplittableRandom random) {
            double harmonic = 0;
            for (int k = 1; k <= miners; k++) {
                harmonic += Math.pow(k, -s);
            }
            double[] rates = new double[miners];
            for (int i = 0; i < miners; i++) {
                rates[i] = base * miners * Math.pow(i + 1, -s) / harmonic;
            }
            return rates;
        }

        @Override
        public String describe() {
            return "zipf:" + s;
        }
    }
}

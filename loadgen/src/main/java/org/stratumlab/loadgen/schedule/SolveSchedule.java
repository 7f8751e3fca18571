package org.stratumlab.loadgen.schedule;

import java.util.SplittableRandom;
import org.stratumlab.pow.U256;

/**
 * One miner's solution events as a Poisson process (the open model of docs/architecture.md): gaps are exponential at the
 * miner's current rate, and each event's <em>intended</em> time is fixed when it is drawn, whatever happens
 * later, so latency can be measured from it (no coordinated omission; compare Hyperfoil's FireTimeSequence).
 *
 * <p>The rate is either fixed, or derived from a hashrate as nature does it: {@code rate = hashrate · boundary /
 * 2^256}, so a retarget changes the rate at the next draw (the process is memoryless, so that is exact).
 *
 * <p>Each miner owns one and draws from it on its event loop; only the rate may be changed from another thread
 * ({@link #setFixedRate}, {@link #setHashrate}), taking effect at the next draw.
 */
public final class SolveSchedule {
    private static final double TWO_POW_256 = Math.pow(2, 256);

    private final SplittableRandom random;
    // Written by the run's thread when a phase changes the rate, read on the miner's event loop.
    private volatile double fixedRatePerSecond;
    private volatile double hashrate;
    private volatile double ratePerSecond;
    private long nextIntendedNs;

    private SolveSchedule(SplittableRandom random, double fixedRatePerSecond, double hashrate) {
        this.random = random;
        this.fixedRatePerSecond = fixedRatePerSecond;
        this.hashrate = hashrate;
        this.ratePerSecond = fixedRatePerSecond;
    }

    /**
     * @param random the miner's seeded source
     * @param ratePerSecond solutions per second
     * @return a schedule at a fixed rate
     */
    public static SolveSchedule fixedRate(SplittableRandom random, double ratePerSecond) {
        return new SolveSchedule(random, ratePerSecond, 0);
    }

    /**
     * @param random the miner's seeded source
     * @param hashrate hashes per second
     * @return a schedule whose rate follows the job's boundary
     */
    public static SolveSchedule fromHashrate(SplittableRandom random, double hashrate) {
        return new SolveSchedule(random, 0, hashrate);
    }

    /**
     * Switches to a fixed rate from the next draw.
     *
     * @param ratePerSecond solutions per second
     */
    public void setFixedRate(double ratePerSecond) {
        this.hashrate = 0;
        this.fixedRatePerSecond = ratePerSecond;
        this.ratePerSecond = ratePerSecond;
    }

    /**
     * Switches to a hashrate-driven rate; it applies from the next job's boundary.
     *
     * @param hashrate hashes per second
     * @param boundary the current boundary, or {@code null} if no job has arrived yet
     */
    public void setHashrate(double hashrate, U256 boundary) {
        this.fixedRatePerSecond = 0;
        this.hashrate = hashrate;
        this.ratePerSecond = 0; // until a boundary gives the rate; and a hashrate of 0 is idle, not the old rate
        if (boundary != null) {
            onBoundary(boundary);
        }
    }

    /**
     * Sets the rate from a job's boundary, for hashrate-driven schedules (fixed ones ignore it).
     *
     * @param boundary the current job's boundary
     */
    public void onBoundary(U256 boundary) {
        onBoundaryFraction(fractionOfHashSpace(boundary));
    }

    /**
     * Sets the rate from a job's boundary as a fraction of the hash space, computed once per job for every miner
     * ({@link #fractionOfHashSpace}): what a notify costs a miner stays a multiplication.
     *
     * @param boundaryFraction the current job's boundary divided by 2^256
     */
    public void onBoundaryFraction(double boundaryFraction) {
        if (hashrate > 0) {
            ratePerSecond = hashrate * boundaryFraction;
        }
    }

    /**
     * @param boundary a job's boundary
     * @return the boundary divided by 2^256: the chance that one hash solves the job
     */
    public static double fractionOfHashSpace(U256 boundary) {
        return boundary.toBigInteger().doubleValue() / TWO_POW_256;
    }

    /**
     * Starts the sequence at a time.
     *
     * @param nowNs the start
     * @return the first event's intended time
     */
    public long start(long nowNs) {
        nextIntendedNs = nowNs;
        return advance();
    }

    /**
     * Draws the next event after the last one (not after now: a late generator still owes the events it missed).
     *
     * @return the next event's intended time, or {@code Long.MAX_VALUE} when the rate is 0
     */
    public long advance() {
        if (!(ratePerSecond > 0)) {
            nextIntendedNs = Long.MAX_VALUE;
            return nextIntendedNs;
        }
        double gapSeconds = -Math.log(1.0 - random.nextDouble()) / ratePerSecond;
        nextIntendedNs += (long) Math.min(gapSeconds * 1e9, 1e15);
        return nextIntendedNs;
    }

    /** @return the pending event's intended time */
    public long nextIntendedNs() {
        return nextIntendedNs;
    }

    /** @return the current rate in events per second */
    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** @return the fixed rate, or 0 when hashrate-driven */
    public double fixedRatePerSecond() {
        return fixedRatePerSecond;
    }

    /** @return a uniform draw from the same source, for picking share kinds and nonce starts */
    public SplittableRandom random() {
        return random;
    }
}

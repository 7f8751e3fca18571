package org.stratumlab.server.chain;

import java.util.SplittableRandom;
import org.stratumlab.pow.U256;

/**
 * The simulated blockchain: makes jobs with heights increasing by one from a start height and problem hashes
 * that look random but repeat for the same seed (docs/protocol.md §7).
 *
 * <p>Single writer: one thread calls {@link #nextJob} and {@link #setBoundary}; any thread may read
 * {@link #window()}, which is a published immutable snapshot.
 */
public final class SimulatedChain {
    private final SplittableRandom random;
    private int windowSize;
    private long nextHeight;
    private U256 boundary;
    private volatile JobWindow window;

    /**
     * Creates the chain and its first job.
     *
     * @param seed the seed of the problem hashes
     * @param startHeight the first job's height
     * @param boundary the boundary of the jobs
     * @param windowSize how many recent jobs a submit may solve, at least 1
     */
    public SimulatedChain(long seed, long startHeight, U256 boundary, int windowSize) {
        if (windowSize < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + windowSize);
        }
        this.random = new SplittableRandom(seed);
        this.windowSize = windowSize;
        this.nextHeight = startHeight;
        this.boundary = boundary;
        this.window = JobWindow.of(makeJob());
    }

    private Job makeJob() {
        U256 powHash = U256.of(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
        return new Job(powHash, nextHeight++, boundary);
    }

    /**
     * Makes the next job and publishes it as the newest of the window.
     *
     * @return the new job
     */
    public Job nextJob() {
        Job job = makeJob();
        window = window.push(job, windowSize);
        return job;
    }

    /**
     * Changes the boundary of the jobs made from now on (a retarget); the current job keeps its own.
     *
     * @param newBoundary the boundary
     */
    public void setBoundary(U256 newBoundary) {
        this.boundary = newBoundary;
    }

    /**
    * Changes how many recent jobs a submit may solve, from the next job on (pow_problem_window_size).
    *
    * @param size at least 1
    */
    public void setWindowSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + size);
        }
        this.windowSize = size;
    }

    /** @return the current snapshot of the window */
    public JobWindow window() {
        return window;
    }

    /** @return the newest job */
    public Job current() {
        return window.current();
    }
}

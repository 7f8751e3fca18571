package org.stratumlab.pow;

/**
 * Finds nonces that solve a job: the hot loop of a simulated miner. Nonces are tried upwards from a start,
 * modulo 2^256, through {@link PowHasher#scan}, with no allocation per attempt.
 *
 * <p>{@code new NonceGrinder()} uses the scalar hasher; {@link #fastest()} the fastest implementation this JVM
 * can run ({@link PowHashers#fastest()}), which a load generator wants so that simulated miners cost little CPU,
 * and {@link #implementationName()} says which, for its summary.
 *
 * <p>Expected attempts per solution are {@code 2^256 / boundary} (the difficulty), so callers bound the work with
 * {@code maxAttempts}. Not thread-safe: one grinder per thread.
 */
public final class NonceGrinder {
    private final PowHasher hasher;
    private long attempts;

    /** A grinder on the scalar hasher, {@link ScalarPowHasher}. */
    public NonceGrinder() {
        this(new ScalarPowHasher());
    }

    /**
     * A grinder on the given hasher.
     *
     * @param hasher a hasher this grinder will own (one per thread)
     */
    public NonceGrinder(PowHasher hasher) {
        this.hasher = java.util.Objects.requireNonNull(hasher, "hasher");
    }

    /** @return a grinder on the fastest implementation this JVM can run */
    public static NonceGrinder fastest() {
        return new NonceGrinder(PowHashers.fastest());
    }

    /** @return the name of the hash implementation used, for summaries */
    public String implementationName() {
        return hasher.name();
    }

    /**
     * Finds the first valid nonce at or after {@code start}.
     *
     * @param problemHash the job's problem hash
     * @param boundary the job's boundary
     * @param start the first nonce tried
     * @param maxAttempts the most nonces tried (at least 1)
     * @return the first valid nonce, or {@code null} if none was found within {@code maxAttempts}
     */
    public U256 next(U256 problemHash, U256 boundary, U256 start, long maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        long offset = hasher.scan(problemHash, boundary, start, maxAttempts);
        if (offset < 0) {
            attempts += maxAttempts;
            return null;
        }
        attempts += offset + 1;
        return start.add(offset);
    }

    /** @return the nonces tried so far by this grinder, for hash-rate accounting */
    public long attempts() {
        return attempts;
    }
}

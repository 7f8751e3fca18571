package org.stratumlab.pow;

/**
 * Finds nonces that solve a job: the hot loop of a simulated miner. Nonces are tried upwards from a start,
 * modulo 2^256, with the scalar hasher and no allocation per attempt.
 *
 * <p>Expected attempts per solution are {@code 2^256 / boundary} (the difficulty), so callers bound the work with
 * {@code maxAttempts}. Not thread-safe: one grinder per thread.
 */
public final class NonceGrinder {
    private final ScalarPowHasher hasher = new ScalarPowHasher();
    private long attempts;

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
        long n3 = start.w3(), n2 = start.w2(), n1 = start.w1(), n0 = start.w0();
        for (long tried = 0; tried < maxAttempts; tried++) {
            if (hasher.isValid(problemHash, n3, n2, n1, n0, boundary)) {
                attempts += tried + 1;
                return U256.of(n3, n2, n1, n0);
            }
            // Step the nonce by one with carry; the carry leaves n0 only once in 2^64 steps.
            if (++n0 == 0 && ++n1 == 0 && ++n2 == 0) {
                ++n3;
            }
        }
        attempts += maxAttempts;
        return null;
    }

    /** @return the nonces tried so far by this grinder, for hash-rate accounting */
    public long attempts() {
        return attempts;
    }
}

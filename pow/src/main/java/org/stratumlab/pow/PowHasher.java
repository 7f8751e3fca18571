package org.stratumlab.pow;

/**
 * One way of computing the Conflux PoW hash H of (problem hash, nonce) (docs/protocol.md §6). Implementations differ in
 * speed only; they are differential-tested against each other, Bouncy Castle and the shared vectors. Get them
 * from {@link PowHashers}, or {@code new ScalarPowHasher()}.
 *
 * <p>Calling pattern: a validator calls {@link #isValid} once per submit; a miner calls {@link #scan} with a batch
 * of nonces per call, so that an implementation that hashes several nonces at once (SIMD) or crosses into native
 * code pays its setup once per batch rather than once per nonce.
 *
 * <p>Instances may keep scratch state and are then not thread-safe: use one per thread.
 */
public interface PowHasher {
    /** @return the implementation's short name, as benchmarks and summaries print it ({@code scalar}, ...) */
    String name();

    /**
     * Computes the PoW hash.
     *
     * @param problemHash the job's problem hash (the notify's pow_hash)
     * @param nonce the nonce
     * @return H, the second Keccak-256 digest read as a big-endian integer
     */
    U256 hash(U256 problemHash, U256 nonce);

    /**
     * Checks a solution. Implementations on hot paths override this to avoid allocating the hash.
     *
     * @param problemHash the job's problem hash
     * @param nonce the nonce
     * @param boundary the job's boundary
     * @return whether the nonce solves the job
     */
    default boolean isValid(U256 problemHash, U256 nonce, U256 boundary) {
        return PowRule.meetsBoundary(hash(problemHash, nonce), nonce, boundary);
    }

    /**
     * Looks for the first nonce that solves a job among {@code start, start + 1, ...} (modulo 2^256), at most
     * {@code count} of them. This default checks one nonce at a time; the implementations override it with a
     * loop that allocates nothing and, where they can, hashes several nonces at once.
     *
     * @param problemHash the job's problem hash
     * @param boundary the job's boundary
     * @param start the first nonce tried
     * @param count how many nonces to try, at least 1
     * @return the offset from {@code start} of the first valid nonce, or -1 if none of the {@code count} is valid
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    default long scan(U256 problemHash, U256 boundary, U256 start, long count) {
        NonceChunks.requirePositive(count);
        for (long offset = 0; offset < count; offset++) {
            if (isValid(problemHash, start.add(offset), boundary)) {
                return offset;
            }
        }
        return -1;
    }
}

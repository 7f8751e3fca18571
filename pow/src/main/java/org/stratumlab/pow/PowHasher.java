package org.stratumlab.pow;

/**
 * One way of computing the Conflux PoW hash H of (problem hash, nonce) (SPEC.md §6). Implementations differ in
 * speed only; they are differential-tested against each other and the shared vectors.
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
}

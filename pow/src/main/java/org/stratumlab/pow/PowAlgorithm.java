package org.stratumlab.pow;

/**
 * A Conflux proof-of-work algorithm: how a block's PoW hash H is computed from (problem hash, height, nonce). Two
 * exist, by name in {@link PowAlgorithms}: {@code keccak}, the node's test and dev mode rule (two Keccak-256
 * hashes, the height unused), and {@code octopus}, the mainnet rule (light verification from a per-stage cache).
 * Both judge H with the same boundary rule, {@link PowRule#meetsBoundary}.
 *
 * <p>Calling pattern: a validator calls {@link #isValid} once per submit, with the height of the job the submit
 * names. Instances may keep scratch state and are then not thread-safe: use one per thread.
 */
public interface PowAlgorithm {
    /** @return the algorithm's name as configured: {@code keccak} or {@code octopus} */
    String name();

    /**
     * Computes the PoW hash.
     *
     * @param problemHash the job's problem hash (the notify's pow_hash)
     * @param height the job's block height (unused by {@code keccak})
     * @param nonce the nonce ({@code octopus} hashes its low 64 bits only)
     * @return H, read as a big-endian integer
     * @throws IllegalArgumentException if the height is outside what the algorithm supports ({@code octopus}:
     *         0 to 2^31 - 1)
     */
    U256 hash(U256 problemHash, long height, U256 nonce);

    /**
     * Checks a solution: H from {@link #hash} against the boundary, with the lower bound taken from the full
     * 256-bit nonce. Implementations override this to allocate nothing.
     *
     * @param problemHash the job's problem hash
     * @param height the job's block height
     * @param nonce the nonce
     * @param boundary the job's boundary
     * @return whether the nonce solves the job
     * @throws IllegalArgumentException if the height is outside what the algorithm supports
     */
    default boolean isValid(U256 problemHash, long height, U256 nonce, U256 boundary) {
        return PowRule.meetsBoundary(hash(problemHash, height, nonce), nonce, boundary);
    }
}

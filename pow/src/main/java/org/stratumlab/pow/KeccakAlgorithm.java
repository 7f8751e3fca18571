package org.stratumlab.pow;

/**
 * The {@code keccak} algorithm: the node's test and dev mode rule through a {@link PowHasher}, the height unused.
 * Not thread-safe when the hasher is not (the hashers of {@link PowHashers} are for one thread each).
 */
final class KeccakAlgorithm implements PowAlgorithm {
    private final PowHasher hasher;

    KeccakAlgorithm(PowHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public String name() {
        return PowAlgorithms.KECCAK;
    }

    @Override
    public U256 hash(U256 problemHash, long height, U256 nonce) {
        return hasher.hash(problemHash, nonce);
    }

    @Override
    public boolean isValid(U256 problemHash, long height, U256 nonce, U256 boundary) {
        return hasher.isValid(problemHash, nonce, boundary);
    }
}

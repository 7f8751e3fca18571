package org.stratumlab.pow;

import java.util.SplittableRandom;

/**
 * A seeded random source for differential tests. The seed comes from {@code -Dstratumlab.test.seed=N} or the
 * clock, and every assertion message carries it so that a failure can be replayed.
 */
public final class TestRandom {
    public final long seed = Long.getLong("stratumlab.test.seed", System.nanoTime());
    private final SplittableRandom random = new SplittableRandom(seed);

    public byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A random value, often with whole words at 0 or all ones, so that carries and edges get exercised. */
    public U256 u256() {
        return U256.of(word(), word(), word(), word());
    }

    private long word() {
        return switch (random.nextInt(8)) {
            case 0 -> 0L;
            case 1 -> -1L;
            case 2 -> Long.MIN_VALUE;
            case 3 -> random.nextLong(16);
            default -> random.nextLong();
        };
    }

    public String seedMessage() {
        return "replay with -Dstratumlab.test.seed=" + seed;
    }
}

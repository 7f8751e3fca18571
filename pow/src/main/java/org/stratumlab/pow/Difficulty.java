package org.stratumlab.pow;

import java.math.BigInteger;

/**
 * Difficulty and boundary (docs/protocol.md §6): difficulty 1 gives 2^256 - 1, any other difficulty d gives
 * floor(2^256 / d).
 */
public final class Difficulty {
    private static final BigInteger TWO_POW_256 = BigInteger.ONE.shiftLeft(256);

    private Difficulty() {
    }

    /**
     * The boundary of a difficulty.
     *
     * @param difficulty at least 1
     * @return the boundary
     * @throws IllegalArgumentException if the difficulty is below 1 or at least 2^256
     */
    public static U256 toBoundary(BigInteger difficulty) {
        if (difficulty.signum() <= 0) {
            throw new IllegalArgumentException("difficulty must be at least 1, was " + difficulty);
        }
        if (difficulty.bitLength() > 256) {
            throw new IllegalArgumentException("difficulty must be below 2^256, was " + difficulty);
        }
        if (difficulty.equals(BigInteger.ONE)) {
            return U256.MAX;
        }
        return U256.of(TWO_POW_256.divide(difficulty));
    }

    /**
     * The boundary of a difficulty.
     *
     * @param difficulty at least 1
     * @return the boundary
     * @throws IllegalArgumentException if the difficulty is below 1
     */
    public static U256 toBoundary(long difficulty) {
        return toBoundary(BigInteger.valueOf(difficulty));
    }

    /**
     * Parses a difficulty written in decimal, as on the command line or in a scenario.
     *
     * @param text decimal digits
     * @return the difficulty, at least 1
     * @throws IllegalArgumentException naming the problem if the text is not a decimal integer of at least 1
     */
    public static BigInteger parse(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not a decimal integer");
        }
        BigInteger difficulty = new BigInteger(text);
        if (difficulty.signum() == 0) {
            throw new IllegalArgumentException("difficulty must be at least 1, was 0");
        }
        if (difficulty.bitLength() > 256) {
            throw new IllegalArgumentException("difficulty must be below 2^256, was " + text);
        }
        return difficulty;
    }

    /**
     * The difficulty a boundary stands for, floor(2^256 / boundary), for reports ({@code 2^256 - 1} gives 1).
     *
     * @param boundary a non-zero boundary
     * @return the difficulty
     */
    public static BigInteger ofBoundary(U256 boundary) {
        if (boundary.isZero()) {
            throw new IllegalArgumentException("boundary 0x0 admits no hash");
        }
        return boundary.equals(U256.MAX) ? BigInteger.ONE : TWO_POW_256.divide(boundary.toBigInteger());
    }
}

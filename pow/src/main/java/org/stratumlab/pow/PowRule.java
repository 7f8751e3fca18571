package org.stratumlab.pow;

/**
 * The Conflux boundary rule of docs/protocol.md §6, independent of how the PoW hash was computed:
 *
 * <pre>
 * lb    = nonce AND (2^255 - 2^128)      (bits 128..254 of the nonce)
 * valid = boundary == 2^256 - 1  OR  (H - lb) mod 2^256 &lt; boundary
 * </pre>
 *
 * <p>The node tests {@code difficulty == 1}; difficulty 1 is the only difficulty whose boundary is 2^256 - 1, so
 * testing the boundary is the same rule and needs no difficulty.
 */
public final class PowRule {
    /** Bits 128..254 of the top word pair: bit 255 is cleared. */
    static final long LOWER_BOUND_TOP_MASK = 0x7FFF_FFFF_FFFF_FFFFL;

    private PowRule() {
    }

    /**
     * The nonce lower bound {@code nonce AND (2^255 - 2^128)}.
     *
     * @param nonce the nonce
     * @return bits 128..254 of the nonce
     */
    public static U256 lowerBound(U256 nonce) {
        return U256.of(nonce.w3() & LOWER_BOUND_TOP_MASK, nonce.w2(), 0, 0);
    }

    /**
     * Applies the rule to a computed PoW hash.
     *
     * @param hash the PoW hash H read as a big-endian integer
     * @param nonce the nonce that produced it
     * @param boundary the job's boundary
     * @return whether the nonce solves the job
     */
    public static boolean meetsBoundary(U256 hash, U256 nonce, U256 boundary) {
        return meetsBoundary(hash.w3(), hash.w2(), hash.w1(), hash.w0(), nonce.w3(), nonce.w2(), boundary);
    }

    /**
     * The allocation-free form for hot loops. Only the nonce's upper half matters: the lower bound has no bits
     * below 128, so the low words of {@code H - lb} are those of H.
     *
     * @param h3 bits 192..255 of H
     * @param h2 bits 128..191 of H
     * @param h1 bits 64..127 of H
     * @param h0 bits 0..63 of H
     * @param nonceW3 bits 192..255 of the nonce
     * @param nonceW2 bits 128..191 of the nonce
     * @param boundary the job's boundary
     * @return whether the nonce solves the job
     */
    public static boolean meetsBoundary(long h3, long h2, long h1, long h0, long nonceW3, long nonceW2,
            U256 boundary) {
        long r2 = h2 - nonceW2;
        long borrow = Words.borrowOut(h2, nonceW2, r2, 0);
        long r3 = h3 - (nonceW3 & LOWER_BOUND_TOP_MASK) - borrow;
        return isDifficultyOne(boundary)
                || Words.compareUnsigned(r3, r2, h1, h0, boundary.w3(), boundary.w2(), boundary.w1(),
                        boundary.w0()) < 0;
    }

    static boolean isDifficultyOne(U256 boundary) {
        return (boundary.w3() & boundary.w2() & boundary.w1() & boundary.w0()) == -1L;
    }
}

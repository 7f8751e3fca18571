package org.stratumlab.pow;

import org.stratumlab.pow.keccak.Keccak256;
import org.stratumlab.pow.keccak.KeccakF1600;

/**
 * The fast path of the PoW hash: both Keccak inputs fit one block, so instead of buffering bytes it writes the
 * lanes directly (problem hash, nonce, padding), permutes, XORs the problem lanes into the result, and permutes
 * again. Nothing is allocated per hash except by {@link #hash}, which returns a new value. The permutation is
 * {@link KeccakF1600#permute}, the general one; {@code scalar-job} ({@link PowHashers}) specialises further for
 * scanning one job.
 *
 * <p>Not thread-safe: it reuses one state array. Use one instance per thread.
 */
public final class ScalarPowHasher implements PowHasher {
    private final long[] state = new long[KeccakF1600.LANES];
    private long h3;
    private long h2;
    private long h1;
    private long h0;

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public U256 hash(U256 problemHash, U256 nonce) {
        compute(problemHash, nonce.w3(), nonce.w2(), nonce.w1(), nonce.w0());
        return U256.of(h3, h2, h1, h0);
    }

    @Override
    public boolean isValid(U256 problemHash, U256 nonce, U256 boundary) {
        compute(problemHash, nonce.w3(), nonce.w2(), nonce.w1(), nonce.w0());
        return PowRule.meetsBoundary(h3, h2, h1, h0, nonce.w3(), nonce.w2(), boundary);
    }

    @Override
    public long scan(U256 problemHash, U256 boundary, U256 start, long count) {
        return NonceChunks.scan(start, count, (n3, n2, n1, n0, chunk) -> {
            for (long i = 0; i < chunk; i++) {
                if (isValid(problemHash, n3, n2, n1, n0 + i, boundary)) {
                    return i;
                }
            }
            return -1;
        });
    }

    /**
     * Same as {@link #isValid(U256, U256, U256)} with the nonce in words, so that a grinder can step it and a
     * server check a nonce read from the wire without allocating.
     *
     * @param problemHash the problem hash
     * @param n3 the nonce's most significant 64 bits
     * @param n2 the nonce's next 64 bits
     * @param n1 the nonce's next 64 bits
     * @param n0 the nonce's least significant 64 bits
     * @param boundary the boundary
     * @return whether the nonce solves the problem
     */
    public boolean isValid(U256 problemHash, long n3, long n2, long n1, long n0, U256 boundary) {
        compute(problemHash, n3, n2, n1, n0);
        return PowRule.meetsBoundary(h3, h2, h1, h0, n3, n2, boundary);
    }

    private void compute(U256 problemHash, long n3, long n2, long n1, long n0) {
        // A hash read big-endian has its first 8 bytes in w3; as a lane those bytes are read little-endian.
        long p0 = Long.reverseBytes(problemHash.w3());
        long p1 = Long.reverseBytes(problemHash.w2());
        long p2 = Long.reverseBytes(problemHash.w1());
        long p3 = Long.reverseBytes(problemHash.w0());
        long[] s = state;
        // Block 1: problem hash (lanes 0..3), nonce as 32 little-endian bytes (lanes 4..7), padding.
        s[0] = p0;
        s[1] = p1;
        s[2] = p2;
        s[3] = p3;
        s[4] = n0;
        s[5] = n1;
        s[6] = n2;
        s[7] = n3;
        s[8] = Keccak256.PAD_FIRST;
        clearFrom(s, 9);
        s[16] = Keccak256.PAD_LAST_LANE_16;
        KeccakF1600.permute(s);
        // Block 2: (inner digest XOR problem hash), padding right after the 32 bytes.
        s[0] ^= p0;
        s[1] ^= p1;
        s[2] ^= p2;
        s[3] ^= p3;
        s[4] = Keccak256.PAD_FIRST;
        clearFrom(s, 5);
        s[16] = Keccak256.PAD_LAST_LANE_16;
        KeccakF1600.permute(s);
        h3 = Long.reverseBytes(s[0]);
        h2 = Long.reverseBytes(s[1]);
        h1 = Long.reverseBytes(s[2]);
        h0 = Long.reverseBytes(s[3]);
    }

    private static void clearFrom(long[] s, int first) {
        for (int i = first; i < KeccakF1600.LANES; i++) {
            s[i] = 0;
        }
    }
}

package org.stratumlab.pow;

import org.stratumlab.pow.keccak.Keccak256;
import org.stratumlab.pow.keccak.KeccakF1600;

/**
 * {@code scalar-job}: the scalar PoW hash specialised for scanning one job. Of the first permutation's
 * 25 input lanes only lane 4 (the nonce's low word) changes from one nonce to the next while the other three
 * nonce words stay put (see {@link NonceChunks}); the problem-hash lanes and the padding are the job's. So what
 * round 0 computes from them (the column parities of theta, and 14 of the 25 rho-pi outputs with the chi terms
 * made only of them) is computed once per job and chunk, and each nonce pays for the rest. Round 0 of the second
 * permutation also skips theta's work on its 21 constant lanes. Both then run rounds 1 to 23 with
 * {@link KeccakF1600#permuteAfterRound0}. The final comparison looks at the most significant 64 bits first,
 * which decide all but once in 2^64 hashes.
 *
 * <p>Measured (results/pow-bench): no faster than {@code scalar}. Round 0 is one of 48 rounds per hash, so the
 * most it could save is about 2%, and running round 0 apart from the round loop costs about as much; the 24-round
 * loop, whose speed C2's register allocation decides, is the same for both.
 *
 * <p>Not thread-safe: it keeps the job's constants and a state array. One per thread.
 */
final class ScalarJobPowHasher implements PowHasher {
    private static final long PAD_FIRST = Keccak256.PAD_FIRST;
    private static final long PAD_LAST = Keccak256.PAD_LAST_LANE_16;
    private static final long RC0 = KeccakF1600.roundConstant(0);

    private final long[] state = new long[KeccakF1600.LANES];

    // The job: problem-hash lanes, and the nonce words above the lowest that the chunk constants were made for.
    private boolean prepared;
    private long p0, p1, p2, p3;
    private long n1, n2, n3;

    // Chunk constants of round 0 of the first permutation (names follow KeccakF1600's row form).
    private long k01, c2, d4;
    private long r0b1, r0b2, r0b4, r0k;
    private long r1b1, r1b3, r1b4, r1k;
    private long r2b0, r2b1, r2b3, r2k;
    private long r3b2, r3b3, r3k;
    private long r4b0, r4b2, r4b4, r4k;

    @Override
    public String name() {
        return "scalar-job";
    }

    @Override
    public U256 hash(U256 problemHash, U256 nonce) {
        prepare(problemHash, nonce.w3(), nonce.w2(), nonce.w1());
        compute(nonce.w0());
        long[] s = state;
        return U256.of(Long.reverseBytes(s[0]), Long.reverseBytes(s[1]), Long.reverseBytes(s[2]),
                Long.reverseBytes(s[3]));
    }

    @Override
    public boolean isValid(U256 problemHash, U256 nonce, U256 boundary) {
        prepare(problemHash, nonce.w3(), nonce.w2(), nonce.w1());
        compute(nonce.w0());
        return meetsBoundary(boundary, PowRule.isDifficultyOne(boundary));
    }

    @Override
    public long scan(U256 problemHash, U256 boundary, U256 start, long count) {
        boolean difficultyOne = PowRule.isDifficultyOne(boundary);
        return NonceChunks.scan(start, count, (w3, w2, w1, w0, chunk) -> {
            prepare(problemHash, w3, w2, w1);
            for (long i = 0; i < chunk; i++) {
                compute(w0 + i);
                if (meetsBoundary(boundary, difficultyOne)) {
                    return i;
                }
            }
            return -1;
        });
    }

    /** The comparison of docs/protocol.md §6, most significant word first; reads the digest lanes from the state. */
    private boolean meetsBoundary(U256 boundary, boolean difficultyOne) {
        long[] s = state;
        long h3 = Long.reverseBytes(s[0]);
        if (n2 == 0 && !difficultyOne) {
            // No borrow from the words below: the top word of H - lb is h3 - lb3, and unless it equals the
            // boundary's it decides.
            long r3 = h3 - (n3 & PowRule.LOWER_BOUND_TOP_MASK);
            if (r3 != boundary.w3()) {
                return Long.compareUnsigned(r3, boundary.w3()) < 0;
            }
        }
        return PowRule.meetsBoundary(h3, Long.reverseBytes(s[1]), Long.reverseBytes(s[2]),
                Long.reverseBytes(s[3]), n3, n2, boundary);
    }

    /** Computes the job's and chunk's constants, unless they are those of the previous call. */
    private void prepare(U256 problemHash, long w3, long w2, long w1) {
        long q0 = Long.reverseBytes(problemHash.w3());
        long q1 = Long.reverseBytes(problemHash.w2());
        long q2 = Long.reverseBytes(problemHash.w1());
        long q3 = Long.reverseBytes(problemHash.w0());
        if (prepared && q0 == p0 && q1 == p1 && q2 == p2 && q3 == p3 && w1 == n1 && w2 == n2 && w3 == n3) {
            return;
        }
        p0 = q0;
        p1 = q1;
        p2 = q2;
        p3 = q3;
        n1 = w1;
        n2 = w2;
        n3 = w3;
        // Input lanes: 0..3 problem hash, 4 = n0 (varies), 5..7 = n1..n3, 8 = padding, 16 = last padding bit.
        long c0 = p0 ^ n1;
        long c1 = p1 ^ n2 ^ PAD_LAST;
        c2 = p2 ^ n3;
        long c3 = p3 ^ PAD_FIRST;
        k01 = Long.rotateLeft(c1, 1); // d0 = n0 ^ k01
        long d1 = c0 ^ Long.rotateLeft(c2, 1);
        long d2 = c1 ^ Long.rotateLeft(c3, 1);
        d4 = c3 ^ Long.rotateLeft(c0, 1);
        r0b1 = Long.rotateLeft(n2 ^ d1, 44);
        r0b2 = Long.rotateLeft(d2, 43);
        r0b4 = Long.rotateLeft(d4, 14);
        r0k = ~r0b1 & r0b2;
        r1b1 = Long.rotateLeft(d4, 20);
        r1b3 = Long.rotateLeft(PAD_LAST ^ d1, 45);
        r1b4 = Long.rotateLeft(d2, 61);
        r1k = ~r1b3 & r1b4;
        r2b0 = Long.rotateLeft(p1 ^ d1, 1);
        r2b1 = Long.rotateLeft(n3 ^ d2, 6);
        r2b3 = Long.rotateLeft(d4, 8);
        r2k = ~r2b0 & r2b1;
        r3b2 = Long.rotateLeft(d1, 10);
        r3b3 = Long.rotateLeft(d2, 15);
        r3k = ~r3b2 & r3b3;
        r4b0 = Long.rotateLeft(p2 ^ d2, 62);
        r4b2 = Long.rotateLeft(d4, 39);
        r4b4 = Long.rotateLeft(d1, 2);
        r4k = ~r4b4 & r4b0;
        prepared = true;
    }

    /** Both permutations for nonce (n3, n2, n1, n0); the digest's lanes end in state[0..3]. */
    private void compute(long n0) {
        long[] s = state;
        firstRoundOfBlock1(s, n0);
        KeccakF1600.permuteAfterRound0(s);
        firstRoundOfBlock2(s, s[0] ^ p0, s[1] ^ p1, s[2] ^ p2, s[3] ^ p3);
        KeccakF1600.permuteAfterRound0(s);
    }

    /** Round 0 of the first permutation, from the chunk constants and n0. */
    private void firstRoundOfBlock1(long[] s, long n0) {
        long d0 = n0 ^ k01;
        long d3 = c2 ^ Long.rotateLeft(n0, 1);
        // Row 0: lanes 0, 6, 12, 18, 24.
        long b0 = p0 ^ d0;
        long b1 = r0b1;
        long b2 = r0b2;
        long b3 = Long.rotateLeft(d3, 21);
        long b4 = r0b4;
        s[0] = b0 ^ r0k ^ RC0;
        s[1] = b1 ^ (~b2 & b3);
        s[2] = b2 ^ (~b3 & b4);
        s[3] = b3 ^ (~b4 & b0);
        s[4] = b4 ^ (~b0 & b1);
        // Row 1: lanes 3, 9, 10, 16, 22.
        b0 = Long.rotateLeft(p3 ^ d3, 28);
        b1 = r1b1;
        b2 = Long.rotateLeft(d0, 3);
        b3 = r1b3;
        b4 = r1b4;
        s[5] = b0 ^ (~b1 & b2);
        s[6] = b1 ^ (~b2 & b3);
        s[7] = b2 ^ r1k;
        s[8] = b3 ^ (~b4 & b0);
        s[9] = b4 ^ (~b0 & b1);
        // Row 2: lanes 1, 7, 13, 19, 20.
        b0 = r2b0;
        b1 = r2b1;
        b2 = Long.rotateLeft(d3, 25);
        b3 = r2b3;
        b4 = Long.rotateLeft(d0, 18);
        s[10] = b0 ^ (~b1 & b2);
        s[11] = b1 ^ (~b2 & b3);
        s[12] = b2 ^ (~b3 & b4);
        s[13] = b3 ^ (~b4 & b0);
        s[14] = b4 ^ r2k;
        // Row 3: lanes 4, 5, 11, 17, 23.
        b0 = Long.rotateLeft(n0 ^ d4, 27);
        b1 = Long.rotateLeft(n1 ^ d0, 36);
        b2 = r3b2;
        b3 = r3b3;
        b4 = Long.rotateLeft(d3, 56);
        s[15] = b0 ^ (~b1 & b2);
        s[16] = b1 ^ r3k;
        s[17] = b2 ^ (~b3 & b4);
        s[18] = b3 ^ (~b4 & b0);
        s[19] = b4 ^ (~b0 & b1);
        // Row 4: lanes 2, 8, 14, 15, 21.
        b0 = r4b0;
        b1 = Long.rotateLeft(PAD_FIRST ^ d3, 55);
        b2 = r4b2;
        b3 = Long.rotateLeft(d0, 41);
        b4 = r4b4;
        s[20] = b0 ^ (~b1 & b2);
        s[21] = b1 ^ (~b2 & b3);
        s[22] = b2 ^ (~b3 & b4);
        s[23] = b3 ^ r4k;
        s[24] = b4 ^ (~b0 & b1);
    }

    /**
     * Round 0 of the second permutation: its input is x0..x3 (inner digest XOR problem hash), the padding in lanes
     * 4 and 16, and zeros, so theta's parities are the four lanes themselves.
     */
    private static void firstRoundOfBlock2(long[] s, long x0, long x1, long x2, long x3) {
        long c1 = x1 ^ PAD_LAST;
        long d0 = PAD_FIRST ^ Long.rotateLeft(c1, 1);
        long d1 = x0 ^ Long.rotateLeft(x2, 1);
        long d2 = c1 ^ Long.rotateLeft(x3, 1);
        long d3 = x2 ^ Long.rotateLeft(PAD_FIRST, 1);
        long d4 = x3 ^ Long.rotateLeft(x0, 1);
        chiRow(s, 0, x0 ^ d0, Long.rotateLeft(d1, 44), Long.rotateLeft(d2, 43), Long.rotateLeft(d3, 21),
                Long.rotateLeft(d4, 14));
        s[0] ^= RC0;
        chiRow(s, 5, Long.rotateLeft(x3 ^ d3, 28), Long.rotateLeft(d4, 20), Long.rotateLeft(d0, 3),
                Long.rotateLeft(PAD_LAST ^ d1, 45), Long.rotateLeft(d2, 61));
        chiRow(s, 10, Long.rotateLeft(x1 ^ d1, 1), Long.rotateLeft(d2, 6), Long.rotateLeft(d3, 25),
                Long.rotateLeft(d4, 8), Long.rotateLeft(d0, 18));
        chiRow(s, 15, Long.rotateLeft(PAD_FIRST ^ d4, 27), Long.rotateLeft(d0, 36), Long.rotateLeft(d1, 10),
                Long.rotateLeft(d2, 15), Long.rotateLeft(d3, 56));
        chiRow(s, 20, Long.rotateLeft(x2 ^ d2, 62), Long.rotateLeft(d3, 55), Long.rotateLeft(d4, 39),
                Long.rotateLeft(d0, 41), Long.rotateLeft(d1, 2));
    }

    private static void chiRow(long[] s, int first, long b0, long b1, long b2, long b3, long b4) {
        s[first] = b0 ^ (~b1 & b2);
        s[first + 1] = b1 ^ (~b2 & b3);
        s[first + 2] = b2 ^ (~b3 & b4);
        s[first + 3] = b3 ^ (~b4 & b0);
        s[first + 4] = b4 ^ (~b0 & b1);
    }
}

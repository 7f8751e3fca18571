package org.stratumlab.pow.keccak;

/**
 * The Keccak-f[1600] permutation: 24 rounds over 25 lanes of 64 bits. Lane {@code x + 5y} of the state array is
 * lane (x, y) of the Keccak reference.
 *
 * <p>Each round is written out in "row" form (the form of the Keccak team's optimised 64-bit code): the column
 * parities of theta are kept from the previous round, and each output row is made from its five source lanes
 * in one go (theta's XOR, rho's rotation and pi's move fused into the read, then chi and iota), so that only the
 * five values of one row are live beside the state. The output goes to a second set of 25 locals and the next
 * round reads it back, so the loop body holds two rounds (e from a, then a from e) and needs no copies. JMH
 * measured this form a few per cent faster than the in-place form with a single pi temporary. Either way about
 * 35 values are live against 14 allocatable general registers, so C2 spills: on x86-64 it spills to XMM
 * registers first ({@code UseFPUForSpilling}), which on the AMD Zen 5 the benchmarks ran on costs 10 to 14% against
 * stack spills (see results/pow-bench/NOTES.md). The rounds loop rather than unroll fully: 24 unrolled rounds
 * would pass HotSpot's 8000-byte limit for compiling a method.
 *
 * <p>Thread-safe: it keeps no state.
 */
public final class KeccakF1600 {
    /** The number of 64-bit lanes in the state. */
    public static final int LANES = 25;

    /** The round constants of iota, round 0 first. */
    static final long[] ROUND_CONSTANTS = {
            0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
            0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
            0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
            0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
            0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
            0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
    };

    private KeccakF1600() {
    }

    /**
     * Applies the permutation in place. Allocates nothing.
     *
     * @param state 25 lanes, lane {@code x + 5y} at index {@code x + 5y}
     */
    public static void permute(long[] state) {
        rounds(state, 0);
    }

    /**
     * Applies rounds 1 to 23 in place, for callers that computed round 0 themselves because most of its input is
     * known in advance (a PoW job's constant lanes).
     *
     * @param state the 25 lanes after round 0
     */
    public static void permuteAfterRound0(long[] state) {
        rounds(state, 1);
    }

    /**
     * The round constant of iota for a round.
     *
     * @param round 0 to 23
     * @return the constant XORed into lane 0 at the end of that round
     */
    public static long roundConstant(int round) {
        return ROUND_CONSTANTS[round];
    }

    private static void rounds(long[] state, int firstRound) {
        final long[] rc = ROUND_CONSTANTS;
        long a0 = state[0];
        long a1 = state[1];
        long a2 = state[2];
        long a3 = state[3];
        long a4 = state[4];
        long a5 = state[5];
        long a6 = state[6];
        long a7 = state[7];
        long a8 = state[8];
        long a9 = state[9];
        long a10 = state[10];
        long a11 = state[11];
        long a12 = state[12];
        long a13 = state[13];
        long a14 = state[14];
        long a15 = state[15];
        long a16 = state[16];
        long a17 = state[17];
        long a18 = state[18];
        long a19 = state[19];
        long a20 = state[20];
        long a21 = state[21];
        long a22 = state[22];
        long a23 = state[23];
        long a24 = state[24];
        long e0;
        long e1;
        long e2;
        long e3;
        long e4;
        long e5;
        long e6;
        long e7;
        long e8;
        long e9;
        long e10;
        long e11;
        long e12;
        long e13;
        long e14;
        long e15;
        long e16;
        long e17;
        long e18;
        long e19;
        long e20;
        long e21;
        long e22;
        long e23;
        long e24;
        long c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
        long c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
        long c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
        long c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
        long c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
        int round = firstRound;
        if ((round & 1) != 0) {
            // An odd start: one round into e, then back into a by name, so that the loop below starts from a.
            {
                long d0 = c4 ^ Long.rotateLeft(c1, 1);
                long d1 = c0 ^ Long.rotateLeft(c2, 1);
                long d2 = c1 ^ Long.rotateLeft(c3, 1);
                long d3 = c2 ^ Long.rotateLeft(c4, 1);
                long d4 = c3 ^ Long.rotateLeft(c0, 1);
                long b0 = a0 ^ d0;
                long b1 = Long.rotateLeft(a6 ^ d1, 44);
                long b2 = Long.rotateLeft(a12 ^ d2, 43);
                long b3 = Long.rotateLeft(a18 ^ d3, 21);
                long b4 = Long.rotateLeft(a24 ^ d4, 14);
                e0 = b0 ^ (~b1 & b2) ^ rc[round];
                e1 = b1 ^ (~b2 & b3);
                e2 = b2 ^ (~b3 & b4);
                e3 = b3 ^ (~b4 & b0);
                e4 = b4 ^ (~b0 & b1);
                b0 = Long.rotateLeft(a3 ^ d3, 28);
                b1 = Long.rotateLeft(a9 ^ d4, 20);
                b2 = Long.rotateLeft(a10 ^ d0, 3);
                b3 = Long.rotateLeft(a16 ^ d1, 45);
                b4 = Long.rotateLeft(a22 ^ d2, 61);
                e5 = b0 ^ (~b1 & b2);
                e6 = b1 ^ (~b2 & b3);
                e7 = b2 ^ (~b3 & b4);
                e8 = b3 ^ (~b4 & b0);
                e9 = b4 ^ (~b0 & b1);
                b0 = Long.rotateLeft(a1 ^ d1, 1);
                b1 = Long.rotateLeft(a7 ^ d2, 6);
                b2 = Long.rotateLeft(a13 ^ d3, 25);
                b3 = Long.rotateLeft(a19 ^ d4, 8);
                b4 = Long.rotateLeft(a20 ^ d0, 18);
                e10 = b0 ^ (~b1 & b2);
                e11 = b1 ^ (~b2 & b3);
                e12 = b2 ^ (~b3 & b4);
                e13 = b3 ^ (~b4 & b0);
                e14 = b4 ^ (~b0 & b1);
                b0 = Long.rotateLeft(a4 ^ d4, 27);
                b1 = Long.rotateLeft(a5 ^ d0, 36);
                b2 = Long.rotateLeft(a11 ^ d1, 10);
                b3 = Long.rotateLeft(a17 ^ d2, 15);
                b4 = Long.rotateLeft(a23 ^ d3, 56);
                e15 = b0 ^ (~b1 & b2);
                e16 = b1 ^ (~b2 & b3);
                e17 = b2 ^ (~b3 & b4);
                e18 = b3 ^ (~b4 & b0);
                e19 = b4 ^ (~b0 & b1);
                b0 = Long.rotateLeft(a2 ^ d2, 62);
                b1 = Long.rotateLeft(a8 ^ d3, 55);
                b2 = Long.rotateLeft(a14 ^ d4, 39);
                b3 = Long.rotateLeft(a15 ^ d0, 41);
                b4 = Long.rotateLeft(a21 ^ d1, 2);
                e20 = b0 ^ (~b1 & b2);
                e21 = b1 ^ (~b2 & b3);
                e22 = b2 ^ (~b3 & b4);
                e23 = b3 ^ (~b4 & b0);
                e24 = b4 ^ (~b0 & b1);
                c0 = e0 ^ e5 ^ e10 ^ e15 ^ e20;
                c1 = e1 ^ e6 ^ e11 ^ e16 ^ e21;
                c2 = e2 ^ e7 ^ e12 ^ e17 ^ e22;
                c3 = e3 ^ e8 ^ e13 ^ e18 ^ e23;
                c4 = e4 ^ e9 ^ e14 ^ e19 ^ e24;
            }
            a0 = e0;
            a1 = e1;
            a2 = e2;
            a3 = e3;
            a4 = e4;
            a5 = e5;
            a6 = e6;
            a7 = e7;
            a8 = e8;
            a9 = e9;
            a10 = e10;
            a11 = e11;
            a12 = e12;
            a13 = e13;
            a14 = e14;
            a15 = e15;
            a16 = e16;
            a17 = e17;
            a18 = e18;
            a19 = e19;
            a20 = e20;
            a21 = e21;
            a22 = e22;
            a23 = e23;
            a24 = e24;
            round++;
        }
        for (; round < 24; round += 2) {
            {
                long d0 = c4 ^ Long.rotateLeft(c1, 1);
                long d1 = c0 ^ Long.rotateLeft(c2, 1);
                long d2 = c1 ^ Long.rotateLeft(c3, 1);
                long d3 = c2 ^ Long.rotateLeft(c4, 1);
                long d4 = c3 ^ Long.rotateLeft(c0, 1);
                long b0 = a0 ^ d0;
                long b1 = Long.rotateLeft(a6 ^ d1, 44);
                long b2 = Long.rotateLeft(a12 ^ d2, 43);
                long b3 = Long.rotateLeft(a18 ^ d3, 21);
                long b4 = Long.rotateLeft(a24 ^ d4, 14);
                e0 = b0 ^ (~b1 & b2) ^ rc[round];
                e1 = b1 ^ (~b2 & b3);
                e2 = b2 ^ (~b3 & b4);
                e3 = b3 ^ (~b4 & b0);
                e4 = b4 ^ (~b0 & b1);
                b0 = Long.rotateLeft(a3 ^ d3, 28);
                b1 = Long.rotateLeft(a9 ^ d4, 20);
                b2 = Long.rotateLeft(a10 ^ d0, 3);
                b3 = Long.rotateLeft(a16 ^ d1, 45);
                b4 = Long.rotateLeft(a22 ^ d2, 61);
                e5 = b0 ^ (~b1 & b2);
                e6 = b1 ^ (~b2 & b3);
                e7 = b2 ^ (~b3 & b4);
                e8 = b3 ^ (~b4 & b0);
                e9 = b4 ^ (~b0 & b1);
                b0 = Long.rotateLeft(a1 ^ d1, 1);
                b1 = Long.rotateLeft(a7 ^ d2, 6);
                b2 = Long.rotateLeft(a13 ^ d3, 25);
                b3 = Long.rotateLeft(a19 ^ d4, 8);
                b4 = Long.rotateLeft(a20 ^ d0, 18);
                e10 = b0 ^ (~b1 & b2);
                e11 = b1 ^ (~b2 & b3);
                e12 = b2 ^ (~b3 & b4);
                e13 = b3 ^ (~b4 & b0);
                e14 = b4 ^ (~b0 & b1);
                b0 = Long.rotateLeft(a4 ^ d4, 27);
                b1 = Long.rotateLeft(a5 ^ d0, 36);
                b2 = Long.rotateLeft(a11 ^ d1, 10);
                b3 = Long.rotateLeft(a17 ^ d2, 15);
                b4 = Long.rotateLeft(a23 ^ d3, 56);
                e15 = b0 ^ (~b1 & b2);
                e16 = b1 ^ (~b2 & b3);
                e17 = b2 ^ (~b3 & b4);
                e18 = b3 ^ (~b4 & b0);
                e19 = b4 ^ (~b0 & b1);
                b0 = Long.rotateLeft(a2 ^ d2, 62);
                b1 = Long.rotateLeft(a8 ^ d3, 55);
                b2 = Long.rotateLeft(a14 ^ d4, 39);
                b3 = Long.rotateLeft(a15 ^ d0, 41);
                b4 = Long.rotateLeft(a21 ^ d1, 2);
                e20 = b0 ^ (~b1 & b2);
                e21 = b1 ^ (~b2 & b3);
                e22 = b2 ^ (~b3 & b4);
                e23 = b3 ^ (~b4 & b0);
                e24 = b4 ^ (~b0 & b1);
                c0 = e0 ^ e5 ^ e10 ^ e15 ^ e20;
                c1 = e1 ^ e6 ^ e11 ^ e16 ^ e21;
                c2 = e2 ^ e7 ^ e12 ^ e17 ^ e22;
                c3 = e3 ^ e8 ^ e13 ^ e18 ^ e23;
                c4 = e4 ^ e9 ^ e14 ^ e19 ^ e24;
            }
            {
                long d0 = c4 ^ Long.rotateLeft(c1, 1);
                long d1 = c0 ^ Long.rotateLeft(c2, 1);
                long d2 = c1 ^ Long.rotateLeft(c3, 1);
                long d3 = c2 ^ Long.rotateLeft(c4, 1);
                long d4 = c3 ^ Long.rotateLeft(c0, 1);
                long b0 = e0 ^ d0;
                long b1 = Long.rotateLeft(e6 ^ d1, 44);
                long b2 = Long.rotateLeft(e12 ^ d2, 43);
                long b3 = Long.rotateLeft(e18 ^ d3, 21);
                long b4 = Long.rotateLeft(e24 ^ d4, 14);
                a0 = b0 ^ (~b1 & b2) ^ rc[round + 1];
                a1 = b1 ^ (~b2 & b3);
                a2 = b2 ^ (~b3 & b4);
                a3 = b3 ^ (~b4 & b0);
                a4 = b4 ^ (~b0 & b1);
                b0 = Long.rotateLeft(e3 ^ d3, 28);
                b1 = Long.rotateLeft(e9 ^ d4, 20);
                b2 = Long.rotateLeft(e10 ^ d0, 3);
                b3 = Long.rotateLeft(e16 ^ d1, 45);
                b4 = Long.rotateLeft(e22 ^ d2, 61);
                a5 = b0 ^ (~b1 & b2);
                a6 = b1 ^ (~b2 & b3);
                a7 = b2 ^ (~b3 & b4);
                a8 = b3 ^ (~b4 & b0);
                a9 = b4 ^ (~b0 & b1);
                b0 = Long.rotateLeft(e1 ^ d1, 1);
                b1 = Long.rotateLeft(e7 ^ d2, 6);
                b2 = Long.rotateLeft(e13 ^ d3, 25);
                b3 = Long.rotateLeft(e19 ^ d4, 8);
                b4 = Long.rotateLeft(e20 ^ d0, 18);
                a10 = b0 ^ (~b1 & b2);
                a11 = b1 ^ (~b2 & b3);
                a12 = b2 ^ (~b3 & b4);
                a13 = b3 ^ (~b4 & b0);
                a14 = b4 ^ (~b0 & b1);
                b0 = Long.rotateLeft(e4 ^ d4, 27);
                b1 = Long.rotateLeft(e5 ^ d0, 36);
                b2 = Long.rotateLeft(e11 ^ d1, 10);
                b3 = Long.rotateLeft(e17 ^ d2, 15);
                b4 = Long.rotateLeft(e23 ^ d3, 56);
                a15 = b0 ^ (~b1 & b2);
                a16 = b1 ^ (~b2 & b3);
                a17 = b2 ^ (~b3 & b4);
                a18 = b3 ^ (~b4 & b0);
                a19 = b4 ^ (~b0 & b1);
                b0 = Long.rotateLeft(e2 ^ d2, 62);
                b1 = Long.rotateLeft(e8 ^ d3, 55);
                b2 = Long.rotateLeft(e14 ^ d4, 39);
                b3 = Long.rotateLeft(e15 ^ d0, 41);
                b4 = Long.rotateLeft(e21 ^ d1, 2);
                a20 = b0 ^ (~b1 & b2);
                a21 = b1 ^ (~b2 & b3);
                a22 = b2 ^ (~b3 & b4);
                a23 = b3 ^ (~b4 & b0);
                a24 = b4 ^ (~b0 & b1);
                c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
                c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
                c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
                c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
                c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
            }
        }
        state[0] = a0;
        state[1] = a1;
        state[2] = a2;
        state[3] = a3;
        state[4] = a4;
        state[5] = a5;
        state[6] = a6;
        state[7] = a7;
        state[8] = a8;
        state[9] = a9;
        state[10] = a10;
        state[11] = a11;
        state[12] = a12;
        state[13] = a13;
        state[14] = a14;
        state[15] = a15;
        state[16] = a16;
        state[17] = a17;
        state[18] = a18;
        state[19] = a19;
        state[20] = a20;
        state[21] = a21;
        state[22] = a22;
        state[23] = a23;
        state[24] = a24;
    }
}

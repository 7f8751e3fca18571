package org.stratumlab.pow.keccak;

/**
 * The Keccak-f[1600] permutation: 24 rounds over 25 lanes of 64 bits.
 *
 * <p>The state is loaded into locals and each round is written out in full, in place, so that few values are live
 * beyond the 25 lanes (register pressure decides the speed here): theta, then rho and pi as one cycle through a
 * single temporary, then chi row by row. The rounds loop rather than unroll: 24 unrolled rounds would pass
 * HotSpot's 8000-byte limit for compiling a method. Lane {@code x + 5y} of the state array is lane (x, y) of the Keccak reference.
 */
public final class KeccakF1600 {
    /** The number of 64-bit lanes in the state. */
    public static final int LANES = 25;

    private static final long[] ROUND_CONSTANTS = {
            0x0000000000000001L,
            0x0000000000008082L,
            0x800000000000808AL,
            0x8000000080008000L,
            0x000000000000808BL,
            0x0000000080000001L,
            0x8000000080008081L,
            0x8000000000008009L,
            0x000000000000008AL,
            0x0000000000000088L,
            0x0000000080008009L,
            0x000000008000000AL,
            0x000000008000808BL,
            0x800000000000008BL,
            0x8000000000008089L,
            0x8000000000008003L,
            0x8000000000008002L,
            0x8000000000000080L,
            0x000000000000800AL,
            0x800000008000000AL,
            0x8000000080008081L,
            0x8000000000008080L,
            0x0000000080000001L,
            0x8000000080008008L
    };

    private KeccakF1600() {
    }

    /**
     * Applies the permutation in place. Allocates nothing.
     *
     * @param state 25 lanes, lane {@code x + 5y} at index {@code x + 5y}
     */
    public static void permute(long[] state) {
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
        for (int round = 0; round < 24; round++) {
            // Theta: XOR each lane with the parities of two neighbouring columns.
            long c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
            long c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
            long c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
            long c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
            long c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);
            // Rho and pi: pi moves the 24 lanes other than lane 0 along one cycle, so one temporary suffices;
            // theta's XOR is folded in as each lane is read.
            a0 ^= d0;
            long t = a1 ^ d1;
            a1 = Long.rotateLeft(a6 ^ d1, 44);
            a6 = Long.rotateLeft(a9 ^ d4, 20);
            a9 = Long.rotateLeft(a22 ^ d2, 61);
            a22 = Long.rotateLeft(a14 ^ d4, 39);
            a14 = Long.rotateLeft(a20 ^ d0, 18);
            a20 = Long.rotateLeft(a2 ^ d2, 62);
            a2 = Long.rotateLeft(a12 ^ d2, 43);
            a12 = Long.rotateLeft(a13 ^ d3, 25);
            a13 = Long.rotateLeft(a19 ^ d4, 8);
            a19 = Long.rotateLeft(a23 ^ d3, 56);
            a23 = Long.rotateLeft(a15 ^ d0, 41);
            a15 = Long.rotateLeft(a4 ^ d4, 27);
            a4 = Long.rotateLeft(a24 ^ d4, 14);
            a24 = Long.rotateLeft(a21 ^ d1, 2);
            a21 = Long.rotateLeft(a8 ^ d3, 55);
            a8 = Long.rotateLeft(a16 ^ d1, 45);
            a16 = Long.rotateLeft(a5 ^ d0, 36);
            a5 = Long.rotateLeft(a3 ^ d3, 28);
            a3 = Long.rotateLeft(a18 ^ d3, 21);
            a18 = Long.rotateLeft(a17 ^ d2, 15);
            a17 = Long.rotateLeft(a11 ^ d1, 10);
            a11 = Long.rotateLeft(a7 ^ d2, 6);
            a7 = Long.rotateLeft(a10 ^ d0, 3);
            a10 = Long.rotateLeft(t, 1);
            // Chi, one row at a time, then iota.
            c0 = a0;
            c1 = a1;
            c2 = a2;
            c3 = a3;
            c4 = a4;
            a0 = c0 ^ (~c1 & c2);
            a1 = c1 ^ (~c2 & c3);
            a2 = c2 ^ (~c3 & c4);
            a3 = c3 ^ (~c4 & c0);
            a4 = c4 ^ (~c0 & c1);
            c0 = a5;
            c1 = a6;
            c2 = a7;
            c3 = a8;
            c4 = a9;
            a5 = c0 ^ (~c1 & c2);
            a6 = c1 ^ (~c2 & c3);
            a7 = c2 ^ (~c3 & c4);
            a8 = c3 ^ (~c4 & c0);
            a9 = c4 ^ (~c0 & c1);
            c0 = a10;
            c1 = a11;
            c2 = a12;
            c3 = a13;
            c4 = a14;
            a10 = c0 ^ (~c1 & c2);
            a11 = c1 ^ (~c2 & c3);
            a12 = c2 ^ (~c3 & c4);
            a13 = c3 ^ (~c4 & c0);
            a14 = c4 ^ (~c0 & c1);
            c0 = a15;
            c1 = a16;
            c2 = a17;
            c3 = a18;
            c4 = a19;
            a15 = c0 ^ (~c1 & c2);
            a16 = c1 ^ (~c2 & c3);
            a17 = c2 ^ (~c3 & c4);
            a18 = c3 ^ (~c4 & c0);
            a19 = c4 ^ (~c0 & c1);
            c0 = a20;
            c1 = a21;
            c2 = a22;
            c3 = a23;
            c4 = a24;
            a20 = c0 ^ (~c1 & c2);
            a21 = c1 ^ (~c2 & c3);
            a22 = c2 ^ (~c3 & c4);
            a23 = c3 ^ (~c4 & c0);
            a24 = c4 ^ (~c0 & c1);
            a0 ^= ROUND_CONSTANTS[round];
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

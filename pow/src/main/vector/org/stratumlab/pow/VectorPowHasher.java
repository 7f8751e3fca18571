package org.stratumlab.pow;

import static jdk.incubator.vector.VectorOperators.AND_NOT;
import static jdk.incubator.vector.VectorOperators.ROL;
import static jdk.incubator.vector.VectorOperators.XOR;

import java.util.Arrays;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;
import org.stratumlab.pow.keccak.Keccak256;
import org.stratumlab.pow.keccak.KeccakF1600;

/**
 * {@code vector}: the PoW hash of several nonces at once with the JDK's Vector API ({@code jdk.incubator.vector}):
 * lane i of every vector belongs to nonce {@code n0 + i}, so the preferred species hashes 8 nonces per
 * step with AVX-512 and 4 with AVX2.
 *
 * <p>The permutation keeps its 25 lanes in {@link LongVector} locals for all 24 rounds (the same row form as
 * {@link KeccakF1600}), so that C2 can keep them in vector registers: no array of vectors in the round loop, and
 * nothing boxed once C2 has compiled it ({@code -prof gc} shows about 0 B per nonce). One round per loop
 * iteration, not two as in the scalar code: with two, JDK 17's C2 took over 3 s to compile the method, and until
 * then the boxed fallback ran at about 40 µs per nonce; with one it compiles in well under a second. Between
 * the two permutations and at the end the state goes through a plain {@code long[]} of 25 vectors, which boxes
 * nothing. Single checks ({@link #isValid}, {@link #hash}) pay for a whole step of nonces; this
 * implementation is for {@link #scan}.
 *
 * <p>Compiled separately from the rest of {@code pow} (source folder {@code src/main/vector}, without
 * {@code --release}, with {@code --add-modules jdk.incubator.vector}), and loaded only through
 * {@link PowHashers} after it has checked that the module is there: the rest of {@code pow} never links
 * against the incubator module. Not thread-safe: one per thread.
 */
final class VectorPowHasher implements PowHasher {
    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final long[] RC = roundConstants();
    private static final long PAD_FIRST = Keccak256.PAD_FIRST;
    private static final long PAD_LAST = Keccak256.PAD_LAST_LANE_16;

    /** 25 vectors, lane j of vector i at {@code i * LANES + j}. */
    private final long[] state = new long[KeccakF1600.LANES * LANES];
    private final LongVector laneIndex = LongVector.zero(SPECIES).addIndex(1);

    VectorPowHasher() {
    }

    /** @return nonces hashed per step, the lanes of the preferred species (called by {@link PowHashers}) */
    static int lanes() {
        return LANES;
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public U256 hash(U256 problemHash, U256 nonce) {
        compute(problemHash, nonce.w3(), nonce.w2(), nonce.w1(), nonce.w0());
        long[] s = state;
        return U256.of(Long.reverseBytes(s[0]), Long.reverseBytes(s[LANES]), Long.reverseBytes(s[2 * LANES]),
                Long.reverseBytes(s[3 * LANES]));
    }

    @Override
    public boolean isValid(U256 problemHash, U256 nonce, U256 boundary) {
        compute(problemHash, nonce.w3(), nonce.w2(), nonce.w1(), nonce.w0());
        return meetsBoundary(0, nonce.w3(), nonce.w2(), boundary);
    }

    @Override
    public long scan(U256 problemHash, U256 boundary, U256 start, long count) {
        return NonceChunks.scan(start, count, (n3, n2, n1, n0, chunk) -> {
            for (long base = 0; base < chunk; base += LANES) {
                compute(problemHash, n3, n2, n1, n0 + base);
                long lanes = Math.min(LANES, chunk - base);
                for (int lane = 0; lane < lanes; lane++) {
                    if (meetsBoundary(lane, n3, n2, boundary)) {
                        return base + lane;
                    }
                }
            }
            return -1;
        });
    }

    /** docs/protocol.md §6 for one lane of the digest in the state; the most significant word first. */
    private boolean meetsBoundary(int lane, long n3, long n2, U256 boundary) {
        long[] s = state;
        long h3 = Long.reverseBytes(s[lane]);
        if (n2 == 0 && !PowRule.isDifficultyOne(boundary)) {
            long r3 = h3 - (n3 & PowRule.LOWER_BOUND_TOP_MASK);
            if (r3 != boundary.w3()) {
                return Long.compareUnsigned(r3, boundary.w3()) < 0;
            }
        }
        return PowRule.meetsBoundary(h3, Long.reverseBytes(s[LANES + lane]),
                Long.reverseBytes(s[2 * LANES + lane]),
                Long.reverseBytes(s[3 * LANES + lane]), n3, n2, boundary);
    }

    /** Both permutations for nonces (n3, n2, n1, n0 + lane); the digests' lanes end in vectors 0..3 of the state. */
    private void compute(U256 problemHash, long n3, long n2, long n1, long n0) {
        long p0 = Long.reverseBytes(problemHash.w3());
        long p1 = Long.reverseBytes(problemHash.w2());
        long p2 = Long.reverseBytes(problemHash.w1());
        long p3 = Long.reverseBytes(problemHash.w0());
        long[] s = state;
        Arrays.fill(s, 0);
        broadcast(s, 0, p0);
        broadcast(s, 1, p1);
        broadcast(s, 2, p2);
        broadcast(s, 3, p3);
        laneIndex.add(n0).intoArray(s, 4 * LANES);
        broadcast(s, 5, n1);
        broadcast(s, 6, n2);
        broadcast(s, 7, n3);
        broadcast(s, 8, PAD_FIRST);
        broadcast(s, 16, PAD_LAST);
        permute(s);
        LongVector.fromArray(SPECIES, s, 0).lanewise(XOR, p0).intoArray(s, 0);
        LongVector.fromArray(SPECIES, s, LANES).lanewise(XOR, p1).intoArray(s, LANES);
        LongVector.fromArray(SPECIES, s, 2 * LANES).lanewise(XOR, p2).intoArray(s, 2 * LANES);
        LongVector.fromArray(SPECIES, s, 3 * LANES).lanewise(XOR, p3).intoArray(s, 3 * LANES);
        Arrays.fill(s, 4 * LANES, s.length, 0);
        broadcast(s, 4, PAD_FIRST);
        broadcast(s, 16, PAD_LAST);
        permute(s);
    }

    private static void broadcast(long[] s, int vector, long value) {
        LongVector.broadcast(SPECIES, value).intoArray(s, vector * LANES);
    }

    private static long[] roundConstants() {
        long[] constants = new long[24];
        for (int round = 0; round < 24; round++) {
            constants[round] = KeccakF1600.roundConstant(round);
        }
        return constants;
    }

    /** Keccak-f[1600] on LANES states at once, in the row form of {@link KeccakF1600}. */
    private static void permute(long[] state) {
        final long[] rc = RC;
        LongVector a0 = LongVector.fromArray(SPECIES, state, 0 * LANES);
        LongVector a1 = LongVector.fromArray(SPECIES, state, 1 * LANES);
        LongVector a2 = LongVector.fromArray(SPECIES, state, 2 * LANES);
        LongVector a3 = LongVector.fromArray(SPECIES, state, 3 * LANES);
        LongVector a4 = LongVector.fromArray(SPECIES, state, 4 * LANES);
        LongVector a5 = LongVector.fromArray(SPECIES, state, 5 * LANES);
        LongVector a6 = LongVector.fromArray(SPECIES, state, 6 * LANES);
        LongVector a7 = LongVector.fromArray(SPECIES, state, 7 * LANES);
        LongVector a8 = LongVector.fromArray(SPECIES, state, 8 * LANES);
        LongVector a9 = LongVector.fromArray(SPECIES, state, 9 * LANES);
        LongVector a10 = LongVector.fromArray(SPECIES, state, 10 * LANES);
        LongVector a11 = LongVector.fromArray(SPECIES, state, 11 * LANES);
        LongVector a12 = LongVector.fromArray(SPECIES, state, 12 * LANES);
        LongVector a13 = LongVector.fromArray(SPECIES, state, 13 * LANES);
        LongVector a14 = LongVector.fromArray(SPECIES, state, 14 * LANES);
        LongVector a15 = LongVector.fromArray(SPECIES, state, 15 * LANES);
        LongVector a16 = LongVector.fromArray(SPECIES, state, 16 * LANES);
        LongVector a17 = LongVector.fromArray(SPECIES, state, 17 * LANES);
        LongVector a18 = LongVector.fromArray(SPECIES, state, 18 * LANES);
        LongVector a19 = LongVector.fromArray(SPECIES, state, 19 * LANES);
        LongVector a20 = LongVector.fromArray(SPECIES, state, 20 * LANES);
        LongVector a21 = LongVector.fromArray(SPECIES, state, 21 * LANES);
        LongVector a22 = LongVector.fromArray(SPECIES, state, 22 * LANES);
        LongVector a23 = LongVector.fromArray(SPECIES, state, 23 * LANES);
        LongVector a24 = LongVector.fromArray(SPECIES, state, 24 * LANES);
        LongVector e0;
        LongVector e1;
        LongVector e2;
        LongVector e3;
        LongVector e4;
        LongVector e5;
        LongVector e6;
        LongVector e7;
        LongVector e8;
        LongVector e9;
        LongVector e10;
        LongVector e11;
        LongVector e12;
        LongVector e13;
        LongVector e14;
        LongVector e15;
        LongVector e16;
        LongVector e17;
        LongVector e18;
        LongVector e19;
        LongVector e20;
        LongVector e21;
        LongVector e22;
        LongVector e23;
        LongVector e24;
        LongVector c0 = a0.lanewise(XOR, a5).lanewise(XOR, a10).lanewise(XOR, a15).lanewise(XOR, a20);
        LongVector c1 = a1.lanewise(XOR, a6).lanewise(XOR, a11).lanewise(XOR, a16).lanewise(XOR, a21);
        LongVector c2 = a2.lanewise(XOR, a7).lanewise(XOR, a12).lanewise(XOR, a17).lanewise(XOR, a22);
        LongVector c3 = a3.lanewise(XOR, a8).lanewise(XOR, a13).lanewise(XOR, a18).lanewise(XOR, a23);
        LongVector c4 = a4.lanewise(XOR, a9).lanewise(XOR, a14).lanewise(XOR, a19).lanewise(XOR, a24);
        for (int round = 0; round < 24; round++) {
            {
                LongVector d0 = c4.lanewise(XOR, c1.lanewise(ROL, 1));
                LongVector d1 = c0.lanewise(XOR, c2.lanewise(ROL, 1));
                LongVector d2 = c1.lanewise(XOR, c3.lanewise(ROL, 1));
                LongVector d3 = c2.lanewise(XOR, c4.lanewise(ROL, 1));
                LongVector d4 = c3.lanewise(XOR, c0.lanewise(ROL, 1));
                LongVector b0 = a0.lanewise(XOR, d0);
                LongVector b1 = a6.lanewise(XOR, d1).lanewise(ROL, 44);
                LongVector b2 = a12.lanewise(XOR, d2).lanewise(ROL, 43);
                LongVector b3 = a18.lanewise(XOR, d3).lanewise(ROL, 21);
                LongVector b4 = a24.lanewise(XOR, d4).lanewise(ROL, 14);
                e0 = b0.lanewise(XOR, b2.lanewise(AND_NOT, b1)).lanewise(XOR, rc[round]);
                e1 = b1.lanewise(XOR, b3.lanewise(AND_NOT, b2));
                e2 = b2.lanewise(XOR, b4.lanewise(AND_NOT, b3));
                e3 = b3.lanewise(XOR, b0.lanewise(AND_NOT, b4));
                e4 = b4.lanewise(XOR, b1.lanewise(AND_NOT, b0));
                b0 = a3.lanewise(XOR, d3).lanewise(ROL, 28);
                b1 = a9.lanewise(XOR, d4).lanewise(ROL, 20);
                b2 = a10.lanewise(XOR, d0).lanewise(ROL, 3);
                b3 = a16.lanewise(XOR, d1).lanewise(ROL, 45);
                b4 = a22.lanewise(XOR, d2).lanewise(ROL, 61);
                e5 = b0.lanewise(XOR, b2.lanewise(AND_NOT, b1));
                e6 = b1.lanewise(XOR, b3.lanewise(AND_NOT, b2));
                e7 = b2.lanewise(XOR, b4.lanewise(AND_NOT, b3));
                e8 = b3.lanewise(XOR, b0.lanewise(AND_NOT, b4));
                e9 = b4.lanewise(XOR, b1.lanewise(AND_NOT, b0));
                b0 = a1.lanewise(XOR, d1).lanewise(ROL, 1);
                b1 = a7.lanewise(XOR, d2).lanewise(ROL, 6);
                b2 = a13.lanewise(XOR, d3).lanewise(ROL, 25);
                b3 = a19.lanewise(XOR, d4).lanewise(ROL, 8);
                b4 = a20.lanewise(XOR, d0).lanewise(ROL, 18);
                e10 = b0.lanewise(XOR, b2.lanewise(AND_NOT, b1));
                e11 = b1.lanewise(XOR, b3.lanewise(AND_NOT, b2));
                e12 = b2.lanewise(XOR, b4.lanewise(AND_NOT, b3));
                e13 = b3.lanewise(XOR, b0.lanewise(AND_NOT, b4));
                e14 = b4.lanewise(XOR, b1.lanewise(AND_NOT, b0));
                b0 = a4.lanewise(XOR, d4).lanewise(ROL, 27);
                b1 = a5.lanewise(XOR, d0).lanewise(ROL, 36);
                b2 = a11.lanewise(XOR, d1).lanewise(ROL, 10);
                b3 = a17.lanewise(XOR, d2).lanewise(ROL, 15);
                b4 = a23.lanewise(XOR, d3).lanewise(ROL, 56);
                e15 = b0.lanewise(XOR, b2.lanewise(AND_NOT, b1));
                e16 = b1.lanewise(XOR, b3.lanewise(AND_NOT, b2));
                e17 = b2.lanewise(XOR, b4.lanewise(AND_NOT, b3));
                e18 = b3.lanewise(XOR, b0.lanewise(AND_NOT, b4));
                e19 = b4.lanewise(XOR, b1.lanewise(AND_NOT, b0));
                b0 = a2.lanewise(XOR, d2).lanewise(ROL, 62);
                b1 = a8.lanewise(XOR, d3).lanewise(ROL, 55);
                b2 = a14.lanewise(XOR, d4).lanewise(ROL, 39);
                b3 = a15.lanewise(XOR, d0).lanewise(ROL, 41);
                b4 = a21.lanewise(XOR, d1).lanewise(ROL, 2);
                e20 = b0.lanewise(XOR, b2.lanewise(AND_NOT, b1));
                e21 = b1.lanewise(XOR, b3.lanewise(AND_NOT, b2));
                e22 = b2.lanewise(XOR, b4.lanewise(AND_NOT, b3));
                e23 = b3.lanewise(XOR, b0.lanewise(AND_NOT, b4));
                e24 = b4.lanewise(XOR, b1.lanewise(AND_NOT, b0));
                c0 = e0.lanewise(XOR, e5).lanewise(XOR, e10).lanewise(XOR, e15).lanewise(XOR, e20);
                c1 = e1.lanewise(XOR, e6).lanewise(XOR, e11).lanewise(XOR, e16).lanewise(XOR, e21);
                c2 = e2.lanewise(XOR, e7).lanewise(XOR, e12).lanewise(XOR, e17).lanewise(XOR, e22);
                c3 = e3.lanewise(XOR, e8).lanewise(XOR, e13).lanewise(XOR, e18).lanewise(XOR, e23);
                c4 = e4.lanewise(XOR, e9).lanewise(XOR, e14).lanewise(XOR, e19).lanewise(XOR, e24);
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
        }
        a0.intoArray(state, 0 * LANES);
        a1.intoArray(state, 1 * LANES);
        a2.intoArray(state, 2 * LANES);
        a3.intoArray(state, 3 * LANES);
        a4.intoArray(state, 4 * LANES);
        a5.intoArray(state, 5 * LANES);
        a6.intoArray(state, 6 * LANES);
        a7.intoArray(state, 7 * LANES);
        a8.intoArray(state, 8 * LANES);
        a9.intoArray(state, 9 * LANES);
        a10.intoArray(state, 10 * LANES);
        a11.intoArray(state, 11 * LANES);
        a12.intoArray(state, 12 * LANES);
        a13.intoArray(state, 13 * LANES);
        a14.intoArray(state, 14 * LANES);
        a15.intoArray(state, 15 * LANES);
        a16.intoArray(state, 16 * LANES);
        a17.intoArray(state, 17 * LANES);
        a18.intoArray(state, 18 * LANES);
        a19.intoArray(state, 19 * LANES);
        a20.intoArray(state, 20 * LANES);
        a21.intoArray(state, 21 * LANES);
        a22.intoArray(state, 22 * LANES);
        a23.intoArray(state, 23 * LANES);
        a24.intoArray(state, 24 * LANES);
    }
}

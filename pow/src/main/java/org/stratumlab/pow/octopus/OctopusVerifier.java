package org.stratumlab.pow.octopus;

import org.stratumlab.pow.PowRule;
import org.stratumlab.pow.U256;
import org.stratumlab.pow.keccak.Keccak256;
import org.stratumlab.pow.keccak.Keccak512;
import org.stratumlab.pow.keccak.KeccakF1600;

/**
 * Octopus light verification: the PoW hash H of (pow_hash, nonce) computed from a stage's {@link LightCache}, with
 * the dataset items it needs computed on the fly, as the Conflux node verifies a block. About 3 ms per hash on one
 * quiet core of a 2020s x86 server (the C reference miner takes about 6.5 ms), bound by memory latency: 32 accesses
 * of 4 items, each item a chain of 256 dependent random reads of the cache ({@link OctopusMix} overlaps the 4).
 *
 * <p>Octopus works on the nonce's low 64 bits only; the boundary rule ({@link PowRule#meetsBoundary}) still takes
 * its lower bound from the full 256-bit nonce.
 *
 * <p>Not thread-safe: an instance holds the scratch arrays that make a hash allocation-free. Use one instance per
 * thread (they are small: about 5 KiB); the cache they read is shared.
 */
public final class OctopusVerifier {
    private final long[] state = new long[KeccakF1600.LANES];
    private final OctopusPolynomial polynomial = new OctopusPolynomial();
    private final int[] mix = new int[OctopusMix.MIX_WORDS];
    private final OctopusMix mixer = new OctopusMix();
    private long h3;
    private long h2;
    private long h1;
    private long h0;

    /** Makes a verifier with its own scratch state, for one thread. */
    public OctopusVerifier() {
    }

    /**
     * Computes the Octopus hash.
     *
     * @param cache the light cache of the height's stage
     * @param powHash the job's problem hash (the notify's pow_hash), read big-endian as on the wire
     * @param nonce the nonce's low 64 bits
     * @return H, read big-endian as the boundary rule reads it
     */
    public U256 hash(LightCache cache, U256 powHash, long nonce) {
        compute(cache, powHash, nonce);
        return U256.of(h3, h2, h1, h0);
    }

    /**
     * Checks a solution without allocating.
     *
     * @param cache the light cache of the job height's stage
     * @param powHash the job's problem hash
     * @param nonce the full nonce (Octopus hashes its low 64 bits; the boundary rule reads all 256)
     * @param boundary the job's boundary
     * @return whether the nonce solves the job
     */
    public boolean isValid(LightCache cache, U256 powHash, U256 nonce, U256 boundary) {
        compute(cache, powHash, nonce.w0());
        return PowRule.meetsBoundary(h3, h2, h1, h0, nonce.w3(), nonce.w2(), boundary);
    }

    private void compute(LightCache cache, U256 powHash, long nonce) {
        // The 32 pow_hash bytes as four little-endian u64 words (v0 = the first 8 bytes on the wire).
        long v0 = Long.reverseBytes(powHash.w3());
        long v1 = Long.reverseBytes(powHash.w2());
        long v2 = Long.reverseBytes(powHash.w1());
        long v3 = Long.reverseBytes(powHash.w0());
        long result = polynomial.evaluate(v0, v1, v2, v3, nonce);
        seed64(v0, v1, v2, v3, result);
        mixer.mix(cache, state, mix, polynomial.results());
        compress();
    }

    /** Step 6's seed: keccak512(pow_hash || result as 8 little-endian bytes), a 40-byte single-block message. */
    private void seed64(long v0, long v1, long v2, long v3, long result) {
        long[] s = state;
        Keccak512.absorbPadding(s, 5);
        s[0] = v0;
        s[1] = v1;
        s[2] = v2;
        s[3] = v3;
        s[4] = result;
        KeccakF1600.permute(s);
    }

    /**
     * Step 7: folds the 64 mix words into 8 and hashes {@code keccak256(seed64 || cmix)}, 96 bytes in one block. The
     * seed is still in lanes 0..7 of the state ({@link OctopusMix#mix} leaves it there).
     */
    private void compress() {
        long[] s = state;
        int[] m = mix;
        for (int lane = 0; lane < 4; lane++) {
            int low = compressPair(m, 2 * lane);
            int high = compressPair(m, 2 * lane + 1);
            s[8 + lane] = (low & 0xFFFF_FFFFL) | ((long) high << 32);
        }
        s[12] = Keccak256.PAD_FIRST;
        for (int lane = 13; lane < KeccakF1600.LANES; lane++) {
            s[lane] = 0;
        }
        s[16] = Keccak256.PAD_LAST_LANE_16;
        KeccakF1600.permute(s);
        // A digest read big-endian has its first 8 bytes (lane 0, little-endian) in the top word.
        h3 = Long.reverseBytes(s[0]);
        h2 = Long.reverseBytes(s[1]);
        h1 = Long.reverseBytes(s[2]);
        h0 = Long.reverseBytes(s[3]);
    }

    /** {@code cmix[i] = fnv(r1, r2)}: r1 folds words {@code 4i..4i+3}, r2 words {@code 4(8+i)..4(8+i)+3}. */
    private static int compressPair(int[] m, int i) {
        return OctopusMix.fnv(fold4(m, 4 * i), fold4(m, 4 * (8 + i)));
    }

    private static int fold4(int[] m, int at) {
        return OctopusMix.fnv(OctopusMix.fnv(OctopusMix.fnv(m[at], m[at + 1]), m[at + 2]), m[at + 3]);
    }
}

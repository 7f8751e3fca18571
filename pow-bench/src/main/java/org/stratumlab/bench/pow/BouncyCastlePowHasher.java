package org.stratumlab.bench.pow;

import org.bouncycastle.crypto.digests.KeccakDigest;
import org.stratumlab.pow.PowHasher;
import org.stratumlab.pow.PowRule;
import org.stratumlab.pow.U256;
import org.stratumlab.pow.keccak.Lanes;

/**
 * The baseline: the PoW check as a careful user of Bouncy Castle would write it, reusing one
 * {@link KeccakDigest} and its buffers (no allocation per check), so that the comparison measures the hashing and
 * not a strawman. Not thread-safe: one per benchmark thread.
 */
public final class BouncyCastlePowHasher implements PowHasher {
    private final KeccakDigest digest = new KeccakDigest(256);
    private final byte[] problemAndNonce = new byte[64];
    private final byte[] innerXorProblem = new byte[32];
    private final byte[] result = new byte[32];

    @Override
    public String name() {
        return "bouncycastle";
    }

    @Override
    public U256 hash(U256 problemHash, U256 nonce) {
        compute(problemHash, nonce);
        return U256.fromBigEndian(result, 0);
    }

    @Override
    public boolean isValid(U256 problemHash, U256 nonce, U256 boundary) {
        compute(problemHash, nonce);
        return PowRule.meetsBoundary(bigEndianWord(0), bigEndianWord(8), bigEndianWord(16), bigEndianWord(24),
                nonce.w3(), nonce.w2(), boundary);
    }

    private void compute(U256 problemHash, U256 nonce) {
        problemHash.toBigEndian(problemAndNonce, 0);
        // docs/protocol.md §6: the nonce follows as 32 little-endian bytes, least significant word first.
        Lanes.writeLittleEndian(nonce.w0(), problemAndNonce, 32);
        Lanes.writeLittleEndian(nonce.w1(), problemAndNonce, 40);
        Lanes.writeLittleEndian(nonce.w2(), problemAndNonce, 48);
        Lanes.writeLittleEndian(nonce.w3(), problemAndNonce, 56);
        digest.update(problemAndNonce, 0, 64);
        digest.doFinal(innerXorProblem, 0);
        for (int i = 0; i < 32; i++) {
            innerXorProblem[i] ^= problemAndNonce[i];
        }
        digest.update(innerXorProblem, 0, 32);
        digest.doFinal(result, 0);
    }

    private long bigEndianWord(int offset) {
        return Long.reverseBytes(Lanes.readLittleEndian(result, offset));
    }
}

package org.stratumlab.pow;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The differential oracle: docs/protocol.md §6 written the plain way, byte arrays through Bouncy Castle's Keccak-256 and
 * BigInteger-free but byte-explicit steps, sharing no code with the fast path but {@link U256}.
 */
public final class BouncyCastlePow implements PowHasher {
    public static byte[] keccak256(byte[] input) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(input, 0, input.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public String name() {
        return "bouncycastle";
    }

    @Override
    public U256 hash(U256 problemHash, U256 nonce) {
        byte[] h = problemHash.toBigEndian();
        byte[] nonceBigEndian = nonce.toBigEndian();
        byte[] first = new byte[64];
        System.arraycopy(h, 0, first, 0, 32);
        for (int i = 0; i < 32; i++) {
            first[32 + i] = nonceBigEndian[31 - i]; // the nonce goes in little-endian
        }
        byte[] inner = keccak256(first);
        byte[] second = new byte[32];
        for (int i = 0; i < 32; i++) {
            second[i] = (byte) (inner[i] ^ h[i]);
        }
        return U256.fromBigEndian(keccak256(second), 0);
    }
}

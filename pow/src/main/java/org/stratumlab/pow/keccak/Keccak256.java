package org.stratumlab.pow.keccak;

/**
 * Keccak-256 with the original Keccak padding ({@code 0x01 ... 0x80}), as Ethereum and Conflux use it. This is
 * <em>not</em> NIST SHA3-256, which pads with {@code 0x06} (docs/protocol.md §6).
 *
 * <p>This is the general function for inputs of any length. The PoW check, whose two inputs fit one block,
 * has its own allocation-free path in {@link org.stratumlab.pow.ScalarPowHasher}.
 *
 * <p>Thread-safe: it keeps no state between calls.
 */
public final class Keccak256 {
    /** Bytes absorbed per permutation: (1600 - 2·256) / 8. */
    public static final int RATE_BYTES = 136;
    /** Bytes in a digest. */
    public static final int DIGEST_BYTES = 32;

    /** The first padding byte of the original Keccak (SHA-3 uses 0x06). */
    public static final long PAD_FIRST = 0x01L;
    /** The last padding bit, at the top of the last byte of the block, as it sits in lane 16. */
    public static final long PAD_LAST_LANE_16 = KeccakSponge.PAD_LAST;

    private Keccak256() {
    }

    /**
     * Hashes a whole array.
     *
     * @param input the message
     * @return the 32-byte digest
     */
    public static byte[] hash(byte[] input) {
        byte[] digest = new byte[DIGEST_BYTES];
        hash(input, 0, input.length, digest, 0);
        return digest;
    }

    /**
     * Hashes {@code length} bytes of {@code input} from {@code offset} and writes the 32-byte digest into
     * {@code digest} at {@code digestOffset}.
     *
     * @param input the message buffer
     * @param offset the first message byte
     * @param length the message length
     * @param digest where the digest goes
     * @param digestOffset the first digest byte written
     */
    public static void hash(byte[] input, int offset, int length, byte[] digest, int digestOffset) {
        KeccakSponge.hash(RATE_BYTES, input, offset, length, digest, digestOffset, DIGEST_BYTES);
    }
}

package org.stratumlab.pow.keccak;

import java.util.Objects;

/**
 * Keccak-512 with the original Keccak padding ({@code 0x01 ... 0x80}), as Ethash and Conflux's Octopus use it for
 * their caches and dataset items. This is <em>not</em> NIST SHA3-512, which pads with {@code 0x06}.
 *
 * <p>This is the general function for inputs of any length; Octopus's hot loops absorb their single block lane by
 * lane with {@link #absorbPadding} and {@link KeccakF1600#permute} instead, to allocate nothing.
 *
 * <p>Thread-safe: it keeps no state between calls.
 */
public final class Keccak512 {
    /** Bytes absorbed per permutation: (1600 - 2·512) / 8. */
    public static final int RATE_BYTES = 72;
    /** Lanes absorbed per permutation. */
    public static final int RATE_LANES = RATE_BYTES / 8;
    /** Bytes in a digest. */
    public static final int DIGEST_BYTES = 64;
    /** Lanes in a digest. */
    public static final int DIGEST_LANES = DIGEST_BYTES / 8;

    private Keccak512() {
    }

    /**
     * Hashes a whole array.
     *
     * @param input the message
     * @return the 64-byte digest
     */
    public static byte[] hash(byte[] input) {
        byte[] digest = new byte[DIGEST_BYTES];
        hash(input, 0, input.length, digest, 0);
        return digest;
    }

    /**
     * Hashes {@code length} bytes of {@code input} from {@code offset} and writes the 64-byte digest into
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

    /**
     * Prepares a state for a single-block message whose first {@code messageLanes} lanes the caller writes itself:
     * clears every other lane and sets the padding right after the message. The caller then writes lanes
     * {@code 0 .. messageLanes - 1} and calls {@link KeccakF1600#permute}; the digest is lanes 0..7.
     *
     * @param state 25 lanes
     * @param messageLanes the message length in whole lanes, 0 to 8 (a message of 9 lanes needs a second block)
     */
    public static void absorbPadding(long[] state, int messageLanes) {
        Objects.checkIndex(messageLanes, RATE_LANES);
        for (int lane = messageLanes; lane < KeccakF1600.LANES; lane++) {
            state[lane] = 0;
        }
        state[messageLanes] = Keccak256.PAD_FIRST;
        state[RATE_LANES - 1] ^= KeccakSponge.PAD_LAST;
    }
}

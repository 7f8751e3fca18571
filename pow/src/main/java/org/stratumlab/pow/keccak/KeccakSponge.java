package org.stratumlab.pow.keccak;

import java.util.Objects;

/**
 * The Keccak sponge over byte arrays with the original padding ({@code pad10*1} with domain bits 01, first byte
 * {@code 0x01}), for any rate: {@link Keccak256} (rate 136) and {@link Keccak512} (rate 72) are this with their
 * rate and digest size. Absorbs lane by lane straight from the input, without copying it into a block.
 *
 * <p>Thread-safe: it keeps no state between calls.
 */
final class KeccakSponge {
    /** The last padding bit, at the top of the last byte of the block, as it sits in the block's last lane. */
    static final long PAD_LAST = 0x8000_0000_0000_0000L;

    private KeccakSponge() {
    }

    /**
     * @param rateBytes bytes absorbed per permutation, a multiple of 8
     * @param input the message buffer
     * @param offset the first message byte
     * @param length the message length
     * @param digest where the digest goes
     * @param digestOffset the first digest byte written
     * @param digestBytes the digest's length, a multiple of 8 and at most the rate
     */
    static void hash(int rateBytes, byte[] input, int offset, int length, byte[] digest, int digestOffset,
            int digestBytes) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(digestOffset, digestBytes, digest.length);
        long[] state = new long[KeccakF1600.LANES];
        int end = offset + length;
        int position = offset;
        for (; end - position >= rateBytes; position += rateBytes) {
            for (int lane = 0; lane < rateBytes / 8; lane++) {
                state[lane] ^= Lanes.readLittleEndian(input, position + 8 * lane);
            }
            KeccakF1600.permute(state);
        }
        absorbLastBlock(state, rateBytes, input, position, end - position);
        KeccakF1600.permute(state);
        for (int lane = 0; lane < digestBytes / 8; lane++) {
            Lanes.writeLittleEndian(state[lane], digest, digestOffset + 8 * lane);
        }
    }

    /** Absorbs the last 0..rate-1 bytes with the padding. */
    private static void absorbLastBlock(long[] state, int rateBytes, byte[] input, int position,
            int remaining) {
        int lane = 0;
        for (; remaining - 8 * lane >= 8; lane++) {
            state[lane] ^= Lanes.readLittleEndian(input, position + 8 * lane);
        }
        int tail = remaining - 8 * lane;
        long last = 0;
        for (int i = tail - 1; i >= 0; i--) {
            last = (last << 8) | (input[position + 8 * lane + i] & 0xff);
        }
        // When only one byte is left, the first and the last padding bits share it.
        state[lane] ^= last ^ (Keccak256.PAD_FIRST << (8 * tail));
        state[rateBytes / 8 - 1] ^= PAD_LAST;
    }
}

package org.stratumlab.pow.keccak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

/** Keccak-512 with the original padding, against Bouncy Castle's Keccak (not SHA3) at every length across 3 blocks. */
class Keccak512Test {
    @Test
    void emptyInputHasTheKnownOriginalKeccakDigest() {
        assertEquals("0eab42de4c3ceb9235fc91acffe746b29c29a8c366b7c60e4e67c466f36a4304"
                + "c00fa9caf9d87976ba469bcbe06713b435f091ef2769fb160cdab33d3670680e",
                HexFormat.of().formatHex(Keccak512.hash(new byte[0])));
    }

    @Test
    void everyLengthUpToThreeBlocksMatchesBouncyCastle() {
        SplittableRandom random = new SplittableRandom(512);
        for (int length = 0; length <= 3 * Keccak512.RATE_BYTES + 1; length++) {
            byte[] input = new byte[length];
            random.nextBytes(input);
            assertArrayEquals(bouncyCastle(input), Keccak512.hash(input), "length " + length);
        }
    }

    @Test
    void laneLevelSingleBlockMatchesTheByteLevelHash() {
        byte[] input = new byte[64];
        new SplittableRandom(64).nextBytes(input);
        long[] state = new long[KeccakF1600.LANES];
        Keccak512.absorbPadding(state, 8);
        for (int lane = 0; lane < 8; lane++) {
            state[lane] = Lanes.readLittleEndian(input, 8 * lane);
        }
        KeccakF1600.permute(state);
        byte[] digest = new byte[Keccak512.DIGEST_BYTES];
        for (int lane = 0; lane < 8; lane++) {
            Lanes.writeLittleEndian(state[lane], digest, 8 * lane);
        }
        assertArrayEquals(Keccak512.hash(input), digest);
    }

    private static byte[] bouncyCastle(byte[] input) {
        KeccakDigest digest = new KeccakDigest(512);
        digest.update(input, 0, input.length);
        byte[] out = new byte[64];
        digest.doFinal(out, 0);
        return out;
    }
}

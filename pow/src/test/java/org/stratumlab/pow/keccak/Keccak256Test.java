package org.stratumlab.pow.keccak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.stratumlab.pow.BouncyCastlePow;
import org.stratumlab.pow.TestRandom;

class Keccak256Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void emptyInputHasTheEthereumDigest() {
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                HEX.formatHex(Keccak256.hash(new byte[0])));
    }

    @Test
    void differsFromNistSha3WhichPadsWith06() throws Exception {
        byte[] sha3 = java.security.MessageDigest.getInstance("SHA3-256").digest(new byte[0]);
        assertEquals("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", HEX.formatHex(sha3));
        assertEquals(false, java.util.Arrays.equals(sha3, Keccak256.hash(new byte[0])));
    }

    @Test
    void matchesBouncyCastleOnTenThousandRandomInputsOfLength0To300() {
        TestRandom random = new TestRandom();
        for (int i = 0; i < 10_000; i++) {
            byte[] input = random.bytes(i % 301);
            assertArrayEquals(BouncyCastlePow.keccak256(input), Keccak256.hash(input),
                    "length " + input.length + ", case " + i + "; " + random.seedMessage());
        }
    }

    @Test
    void matchesBouncyCastleOnTenThousandRandomSingleBlockPowInputs() {
        TestRandom random = new TestRandom();
        for (int i = 0; i < 10_000; i++) {
            byte[] input = random.bytes(i % 2 == 0 ? 64 : 32);
            assertArrayEquals(BouncyCastlePow.keccak256(input), Keccak256.hash(input),
                    "case " + i + "; " + random.seedMessage());
        }
    }

    @Test
    void hashesASliceIntoAnOffsetOfTheTarget() {
        byte[] buffer = HEX.parseHex("ff616263ff");
        byte[] target = new byte[40];
        Keccak256.hash(buffer, 1, 3, target, 4);
        assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
                HEX.formatHex(target, 4, 36));
    }

    @Test
    void blockBoundaryLengthsMatchBouncyCastle() {
        TestRandom random = new TestRandom();
        for (int length : new int[]{134, 135, 136, 137, 271, 272, 273, 1000}) {
            byte[] input = random.bytes(length);
            assertArrayEquals(BouncyCastlePow.keccak256(input), Keccak256.hash(input), "length " + length);
        }
    }
}

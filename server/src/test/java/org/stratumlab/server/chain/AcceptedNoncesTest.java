package org.stratumlab.server.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stratumlab.pow.U256;

class AcceptedNoncesTest {
    @Test
    void aNonceIsNewOnceAndADuplicateAfterwardsThroughGrowth() {
        long seed = 42;
        Random random = new Random(seed);
        AcceptedNonces nonces = new AcceptedNonces(0);
        Set<U256> reference = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            U256 nonce = switch (random.nextInt(5)) {
                case 0 -> U256.ofLong(random.nextInt(3000)); // small values, 0 among them, repeat often
                case 1 -> U256.of(0, 0, random.nextInt(3), random.nextInt(3)); // just above 2^64
                case 2 -> U256.of(random.nextInt(2), 0, 0, random.nextInt(50)); // bit 255 and up
                default -> U256.ofLong(random.nextLong());
            };
            assertEquals(reference.add(nonce), nonces.add(nonce.w3(), nonce.w2(), nonce.w1(), nonce.w0()),
                    "seed " + seed + ", nonce " + nonce);
        }
        assertEquals(reference.size(), nonces.size());
    }

    @Test
    void zeroAndValuesThatDifferOnlyAbove64BitsAreDifferentNonces() {
        AcceptedNonces nonces = new AcceptedNonces(16);
        assertTrue(nonces.add(0, 0, 0, 0));
        assertFalse(nonces.add(0, 0, 0, 0));
        assertTrue(nonces.add(0, 0, 1, 0));
        assertTrue(nonces.add(1, 0, 0, 0));
        assertTrue(nonces.add(0, 0, 0, -1L));
        assertFalse(nonces.add(0, 0, 0, -1L));
        assertEquals(4, nonces.size());
    }
}

package org.stratumlab.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.stratumlab.pow.octopus.LightCacheStore;

/** The algorithm lookup, and the {@code keccak} algorithm against the hasher it wraps. */
class PowAlgorithmsTest {
    @Test
    void keccakByNameAgreesWithTheHasherAtAnyHeight() {
        TestRandom random = new TestRandom();
        PowAlgorithm keccak = PowAlgorithms.create("keccak", new LightCacheStore(ForkJoinPool.commonPool()));
        PowHasher hasher = new ScalarPowHasher();
        assertEquals("keccak", keccak.name());
        for (int i = 0; i < 500; i++) {
            U256 problem = random.u256();
            U256 nonce = random.u256();
            U256 boundary = random.u256();
            long height = random.u256().w0() >>> 1;
            String context = "problem " + problem + " nonce " + nonce + "; " + random.seedMessage();
            assertEquals(hasher.hash(problem, nonce), keccak.hash(problem, height, nonce), context);
            assertEquals(hasher.isValid(problem, nonce, boundary),
                    keccak.isValid(problem, height, nonce, boundary),
                    context);
        }
    }

    @Test
    void unknownNamesAreRejectedWithTheKnownOnes() {
        LightCacheStore store = new LightCacheStore(Runnable::run);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PowAlgorithms.create("ethash", store));
        assertEquals("unknown PoW algorithm 'ethash': one of keccak, octopus", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PowAlgorithms.requireKnown("Keccak"));
        assertEquals("octopus", PowAlgorithms.requireKnown("octopus"));
    }
}

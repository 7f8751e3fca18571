package org.stratumlab.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NonceGrinderTest {
    private static final U256 PROBLEM = U256
            .parseHex("0x4d99d0b41c7eb0dd1a801c35aae2df28ae6b53bc7743f0818a34b6ec97f5b4ae");
    private final BouncyCastlePow reference = new BouncyCastlePow();

    @Test
    void findsTheFirstValidNonceAndNoEarlierOne() {
        TestRandom random = new TestRandom();
        NonceGrinder grinder = new NonceGrinder();
        U256 boundary = Difficulty.toBoundary(16);
        for (int i = 0; i < 200; i++) {
            U256 start = random.u256();
            U256 found = grinder.next(PROBLEM, boundary, start, 100_000);
            assertNotNull(found, random.seedMessage());
            assertTrue(reference.isValid(PROBLEM, found, boundary), random.seedMessage());
            for (U256 n = start; !n.equals(found); n = n.add(1)) {
                assertFalse(reference.isValid(PROBLEM, n, boundary),
                        "skipped " + n + "; " + random.seedMessage());
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("org.stratumlab.pow.PowHashersTest#available")
    void everyImplementationGrindsTheSameNonces(String name) {
        TestRandom random = new TestRandom();
        NonceGrinder scalar = new NonceGrinder();
        NonceGrinder other = new NonceGrinder(PowHashers.create(name));
        assertEquals(name, other.implementationName());
        U256 boundary = Difficulty.toBoundary(100);
        for (int i = 0; i < 50; i++) {
            U256 start = random.u256();
            assertEquals(scalar.next(PROBLEM, boundary, start, 5_000),
                    other.next(PROBLEM, boundary, start, 5_000),
                    name + " start " + start + "; " + random.seedMessage());
        }
        assertEquals(scalar.attempts(), other.attempts());
    }

    @Test
    void vectorNonceOneIsTheFirstSolutionAtDifficultyFour() {
        // pow-vectors.json: nonce 0x0 fails difficulty 4, nonce 0x1 passes.
        assertEquals(U256.ofLong(1),
                new NonceGrinder().next(PROBLEM, Difficulty.toBoundary(4), U256.ZERO, 10));
    }

    @Test
    void carriesAcrossWordsWhenStepping() {
        NonceGrinder grinder = new NonceGrinder();
        U256 boundary = Difficulty.toBoundary(8);
        U256 start = U256.of(0, -1L, -1L, -4L);
        U256 found = grinder.next(PROBLEM, boundary, start, 10_000);
        assertNotNull(found);
        assertTrue(reference.isValid(PROBLEM, found, boundary));
        for (U256 n = start; !n.equals(found); n = n.add(1)) {
            assertFalse(reference.isValid(PROBLEM, n, boundary));
        }
    }

    @Test
    void givesUpAfterMaxAttemptsAndCountsThem() {
        NonceGrinder grinder = new NonceGrinder();
        // A boundary of 1 admits only H - lb == 0: practically never.
        assertNull(grinder.next(PROBLEM, U256.ofLong(1), U256.ZERO, 500));
        assertEquals(500, grinder.attempts());
        assertThrows(IllegalArgumentException.class,
                () -> grinder.next(PROBLEM, U256.ofLong(1), U256.ZERO, 0));
    }
}

package org.stratumlab.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PowRuleTest {
    private static final BigInteger TWO_POW_256 = BigInteger.ONE.shiftLeft(256);
    private static final BigInteger LOWER_BOUND_MASK = BigInteger.ONE.shiftLeft(255)
            .subtract(BigInteger.ONE.shiftLeft(128));

    /** docs/protocol.md §6 with BigInteger, the way the spec writes it. */
    private static boolean reference(U256 hash, U256 nonce, U256 boundary) {
        BigInteger lb = nonce.toBigInteger().and(LOWER_BOUND_MASK);
        boolean difficultyOne = boundary.equals(U256.MAX);
        return difficultyOne
                || hash.toBigInteger().subtract(lb).mod(TWO_POW_256).compareTo(boundary.toBigInteger()) < 0;
    }

    @Test
    void matchesTheSpecFormulaOnTenThousandRandomTriples() {
        TestRandom random = new TestRandom();
        for (int i = 0; i < 10_000; i++) {
            U256 hash = random.u256();
            U256 nonce = random.u256();
            U256 boundary = random.u256();
            assertEquals(reference(hash, nonce, boundary), PowRule.meetsBoundary(hash, nonce, boundary),
                    "hash " + hash + " nonce " + nonce + " boundary " + boundary + "; "
                            + random.seedMessage());
            assertEquals(nonce.toBigInteger().and(LOWER_BOUND_MASK),
                    PowRule.lowerBound(nonce).toBigInteger());
        }
    }

    @Test
    void comparisonIsStrict() {
        U256 boundary = Difficulty.toBoundary(4);
        assertFalse(PowRule.meetsBoundary(boundary, U256.ZERO, boundary));
        assertTrue(PowRule.meetsBoundary(boundary.subtract(U256.ofLong(1)), U256.ZERO, boundary));
    }

    @Test
    void lowerBoundIgnoresBit255AndBitsBelow128() {
        U256 nonce = U256.MAX;
        assertEquals("0x" + "7" + "f".repeat(31) + "0".repeat(32), PowRule.lowerBound(nonce).toPaddedHex());
    }

    @Test
    void lowerBoundShiftsTheHashDown() {
        // H = lb + 5 passes any boundary above 5 once lb is subtracted, although H itself is huge.
        U256 nonce = U256.parseHex("0x1" + "0".repeat(40));
        U256 hash = PowRule.lowerBound(nonce).add(5);
        assertTrue(PowRule.meetsBoundary(hash, nonce, U256.ofLong(6)));
        assertFalse(PowRule.meetsBoundary(hash, nonce, U256.ofLong(5)));
    }

    @Test
    void subtractionWrapsModuloTwoToThe256() {
        // H < lb wraps to a huge value and fails every boundary but difficulty 1.
        U256 nonce = U256.parseHex("0x1" + "0".repeat(40));
        assertFalse(PowRule.meetsBoundary(U256.ZERO, nonce, Difficulty.toBoundary(2)));
        assertTrue(PowRule.meetsBoundary(U256.ZERO, nonce, U256.MAX));
    }
}

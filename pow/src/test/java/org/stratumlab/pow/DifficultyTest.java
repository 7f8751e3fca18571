package org.stratumlab.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DifficultyTest {
    private static final BigInteger TWO_POW_256 = BigInteger.ONE.shiftLeft(256);

    @Test
    void difficultyOneIsTheLargestValueNotTwoToThe256() {
        assertEquals(U256.MAX, Difficulty.toBoundary(1));
    }

    @Test
    void mainnetPairFromTheSpec() {
        assertEquals("0xf3d239e674b857c6ea3a183e0bfad981eda61f560b62194c6cb332",
                Difficulty.toBoundary(1154431941698L).toMinimalHex());
    }

    @Test
    void boundaryIsTheFloorOfTwoToThe256OverDifficultyForTenThousandRandomDifficulties() {
        TestRandom random = new TestRandom();
        for (int i = 0; i < 10_000; i++) {
            BigInteger d = new BigInteger(1 + random.nextInt(256), new java.util.Random(random.seed + i));
            if (d.compareTo(BigInteger.TWO) < 0) {
                continue;
            }
            assertEquals(TWO_POW_256.divide(d), Difficulty.toBoundary(d).toBigInteger(), "d=" + d);
        }
    }

    @Test
    void zeroAndNegativeDifficultiesAreErrors() {
        assertEquals("difficulty must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> Difficulty.toBoundary(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Difficulty.toBoundary(-5));
        assertThrows(IllegalArgumentException.class, () -> Difficulty.toBoundary(TWO_POW_256));
    }

    @Test
    void parseAcceptsDecimalOnlyAndNamesTheProblem() {
        assertEquals(BigInteger.valueOf(4), Difficulty.parse("4"));
        assertEquals("difficulty must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> Difficulty.parse("000")).getMessage());
        assertEquals("'1e6' is not a decimal integer",
                assertThrows(IllegalArgumentException.class, () -> Difficulty.parse("1e6")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Difficulty.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Difficulty.parse("-1"));
    }

    @Test
    void ofBoundaryInvertsToBoundary() {
        assertEquals(BigInteger.ONE, Difficulty.ofBoundary(U256.MAX));
        assertEquals(BigInteger.valueOf(4), Difficulty.ofBoundary(Difficulty.toBoundary(4)));
    }
}

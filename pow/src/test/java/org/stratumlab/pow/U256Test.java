package org.stratumlab.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class U256Test {
    private static final BigInteger TWO_POW_256 = BigInteger.ONE.shiftLeft(256);
    private static final List<BigInteger> EDGES = List.of(BigInteger.ZERO, BigInteger.ONE,
            BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(64),
            BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(128),
            BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(255),
            BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE), TWO_POW_256.subtract(BigInteger.ONE));

    @Test
    void arithmeticMatchesBigIntegerOnEdgesAndTenThousandRandomPairs() {
        TestRandom random = new TestRandom();
        for (BigInteger a : EDGES) {
            for (BigInteger b : EDGES) {
                checkPair(U256.of(a), U256.of(b), "edges " + a + ", " + b);
            }
        }
        for (int i = 0; i < 10_000; i++) {
            checkPair(random.u256(), random.u256(), "case " + i + "; " + random.seedMessage());
        }
    }

    private static void checkPair(U256 a, U256 b, String context) {
        BigInteger x = a.toBigInteger();
        BigInteger y = b.toBigInteger();
        assertEquals(x.subtract(y).mod(TWO_POW_256), a.subtract(b).toBigInteger(), "subtract, " + context);
        assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(a.compareTo(b)), "compare, " + context);
        assertEquals(x.and(y), a.and(b).toBigInteger(), "and, " + context);
        long small = b.w0();
        BigInteger smallUnsigned = new BigInteger(Long.toUnsignedString(small));
        assertEquals(x.add(smallUnsigned).mod(TWO_POW_256), a.add(small).toBigInteger(), "add, " + context);
        assertEquals(a, U256.of(x), "round trip, " + context);
        assertEquals(a.equals(b), x.equals(y), "equals, " + context);
    }

    @Test
    void hexFormsMatchBigIntegerOnTenThousandRandomValues() {
        TestRandom random = new TestRandom();
        for (int i = 0; i < 10_000; i++) {
            U256 value = random.u256();
            String digits = value.toBigInteger().toString(16);
            assertEquals("0x" + digits, value.toMinimalHex(), random.seedMessage());
            assertEquals("0x" + "0".repeat(64 - digits.length()) + digits, value.toPaddedHex(),
                    random.seedMessage());
            assertEquals(value, U256.parseHex(value.toMinimalHex()), random.seedMessage());
            assertEquals(value, U256.parseHex(value.toPaddedHex().substring(2).toUpperCase()),
                    random.seedMessage());
            assertEquals(value, U256.fromBigEndian(value.toBigEndian(), 0), random.seedMessage());
        }
    }

    @Test
    void parsesWhatTheNodeAcceptsAsANonce() {
        assertEquals(U256.ZERO, U256.parseHex(""));
        assertEquals(U256.ZERO, U256.parseHex("0x"));
        assertEquals(U256.ZERO, U256.parseHex("0X0"));
        assertEquals(U256.ofLong(0xabcdefL), U256.parseHex("0xAbCdEf"));
        assertEquals(U256.ofLong(0x15), U256.parseHex("15"));
        assertEquals(U256.MAX, U256.parseHex("f".repeat(64)));
        assertEquals(U256.ofLong(1), U256.parseHex("0x" + "0".repeat(63) + "1"));
    }

    @Test
    void sixtyFiveDigitsAreRejectedEvenWithALeadingZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> U256.parseHex("0x0" + "f".repeat(64)));
        assertEquals(
                "'0x0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' has 65 hex digits, "
                        + "at most 64 are allowed",
                e.getMessage());
        assertNull(U256.tryParseHex("0".repeat(65)));
    }

    @Test
    void nonHexIsRejectedNamingTheCharacter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> U256.parseHex("0x12g4"));
        assertEquals("'0x12g4' is not hex: unexpected character 'g' at position 4", e.getMessage());
        assertNull(U256.tryParseHex("-1"));
        assertNull(U256.tryParseHex("0x 1"));
        assertNull(U256.tryParseHex("x1"));
        assertNull(U256.tryParseHex("0x0x1"));
        // Character.digit would accept these Unicode digits; the node does not.
        assertNull(U256.tryParseHex("\u0663"));
        assertNull(U256.tryParseHex("\uff21"));
    }

    @Test
    void zeroFormatsAsOneDigit() {
        assertEquals("0x0", U256.ZERO.toMinimalHex());
        assertEquals("0x" + "0".repeat(64), U256.ZERO.toPaddedHex());
        assertTrue(U256.ZERO.isZero());
    }

    @Test
    void toDecimalWritesTheNonceAsTheNodesDuplicateMessageDoes() {
        assertEquals("115792089237316195423570985008687907853269984665640564039457584007913129639935",
                U256.MAX.toDecimal());
        assertEquals("21", U256.parseHex("0x15").toDecimal());
    }
}

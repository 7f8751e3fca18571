package org.stratumlab.pow;

import java.math.BigInteger;

/**
 * An immutable 256-bit unsigned integer held as four {@code long} words, {@code w3} the most significant.
 *
 * <p>It carries the numbers of the Stratum wire: problem hashes, nonces and boundaries (docs/protocol.md §4–6). Hex is
 * the only text form: {@link #parseHex} accepts what the node accepts in a submit (optional {@code 0x}, either
 * case, no padding, at most 64 digits), {@link #toMinimalHex} writes the boundary format of a notify and
 * {@link #toPaddedHex} the 64-digit hash format.
 *
 * <p>Comparison is unsigned. Arithmetic wraps modulo 2^256.
 */
public final class U256 implements Comparable<U256> {
    /** Zero. */
    public static final U256 ZERO = new U256(0, 0, 0, 0);
    /** 2^256 - 1, the boundary of difficulty 1. */
    public static final U256 MAX = new U256(-1L, -1L, -1L, -1L);

    /** The most number of hex digits a value may be written with (leading zeros included). */
    public static final int MAX_HEX_DIGITS = 64;

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MASK_64 = TWO_POW_64.subtract(BigInteger.ONE);

    private final long w3;
    private final long w2;
    private final long w1;
    private final long w0;

    private U256(long w3, long w2, long w1, long w0) {
        this.w3 = w3;
        this.w2 = w2;
        this.w1 = w1;
        this.w0 = w0;
    }

    /**
     * Returns the value {@code w3·2^192 + w2·2^128 + w1·2^64 + w0}, each word read as unsigned.
     *
     * @param w3 bits 192..255
     * @param w2 bits 128..191
     * @param w1 bits 64..127
     * @param w0 bits 0..63
     * @return the value
     */
    public static U256 of(long w3, long w2, long w1, long w0) {
        return new U256(w3, w2, w1, w0);
    }

    /**
     * Returns a small value.
     *
     * @param unsignedValue the value, read as unsigned 64 bits
     * @return the value
     */
    public static U256 ofLong(long unsignedValue) {
        return new U256(0, 0, 0, unsignedValue);
    }

    /**
     * Converts a {@link BigInteger} in [0, 2^256).
     *
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException if the value is negative or needs more than 256 bits
     */
    public static U256 of(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("value " + value + " is outside [0, 2^256)");
        }
        return new U256(value.shiftRight(192).longValue(), value.shiftRight(128).longValue(),
                value.shiftRight(64).longValue(), value.longValue());
    }

    /**
     * Reads 32 bytes as a big-endian number, the way a hash is read as an integer (docs/protocol.md §6).
     *
     * @param bytes the source
     * @param offset where the 32 bytes start
     * @return the value
     */
    public static U256 fromBigEndian(byte[] bytes, int offset) {
        return new U256(Words.readLongBigEndian(bytes, offset), Words.readLongBigEndian(bytes, offset + 8),
                Words.readLongBigEndian(bytes, offset + 16), Words.readLongBigEndian(bytes, offset + 24));
    }

    /**
     * Parses hex as the node parses a nonce: an optional {@code 0x} or {@code 0X}, then 0 to 64 hex digits of
     * either case, counted as written (leading zeros count). No digits at all is zero.
     *
     * @param text the text
     * @return the value
     * @throws IllegalArgumentException naming the problem when the text is not such hex
     */
    public static U256 parseHex(CharSequence text) {
        U256 value = tryParseHex(text);
        if (value == null) {
            throw new IllegalArgumentException(describeHexError(text));
        }
        return value;
    }

    /**
     * Like {@link #parseHex(CharSequence)} but returns {@code null} instead of throwing, for hot paths where a
     * bad value is an expected outcome.
     *
     * @param text the text
     * @return the value, or {@code null} if the text is not valid hex of at most 64 digits
     */
    public static U256 tryParseHex(CharSequence text) {
        int start = hexStart(text);
        int end = text.length();
        if (end - start > MAX_HEX_DIGITS || !allHex(text, start, end)) {
            return null;
        }
        // Each word is read from its own (up to) 16 digits, counted from the end: no shifting across words.
        return new U256(word(text, start, end - 48), word(text, start, end - 32), word(text, start, end - 16),
                word(text, start, end));
    }

    private static boolean allHex(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Words.hexValue(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** @return the value of the up to 16 digits ending at {@code wordEnd}, none before {@code start} */
    private static long word(CharSequence text, int start, int wordEnd) {
        long word = 0;
        for (int i = Math.max(start, wordEnd - 16); i < wordEnd; i++) {
            word = (word << 4) | Words.hexValue(text.charAt(i));
        }
        return word;
    }

    private static int hexStart(CharSequence text) {
        boolean prefixed = text.length() >= 2 && text.charAt(0) == '0'
                && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        return prefixed ? 2 : 0;
    }

    private static String describeHexError(CharSequence text) {
        int start = hexStart(text);
        int digits = text.length() - start;
        if (digits > MAX_HEX_DIGITS) {
            return "'" + abbreviate(text) + "' has " + digits + " hex digits, at most " + MAX_HEX_DIGITS
                    + " are allowed";
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Words.hexValue(c) < 0) {
                return "'" + abbreviate(text) + "' is not hex: unexpected character '" + c + "' at position "
                        + i;
            }
        }
        return "'" + abbreviate(text) + "' is not hex";
    }

    private static String abbreviate(CharSequence text) {
        return text.length() <= 80 ? text.toString() : text.subSequence(0, 77) + "...";
    }

    /** @return bits 192..255 */
    public long w3() {
        return w3;
    }

    /** @return bits 128..191 */
    public long w2() {
        return w2;
    }

    /** @return bits 64..127 */
    public long w1() {
        return w1;
    }

    /** @return bits 0..63 */
    public long w0() {
        return w0;
    }

    /** @return whether this is zero */
    public boolean isZero() {
        return (w3 | w2 | w1 | w0) == 0;
    }

    /**
     * Subtracts modulo 2^256.
     *
     * @param other the subtrahend
     * @return {@code (this - other) mod 2^256}
     */
    public U256 subtract(U256 other) {
        long r0 = w0 - other.w0;
        long borrow = Words.borrowOut(w0, other.w0, r0, 0);
        long r1 = w1 - other.w1 - borrow;
        borrow = Words.borrowOut(w1, other.w1, r1, borrow);
        long r2 = w2 - other.w2 - borrow;
        borrow = Words.borrowOut(w2, other.w2, r2, borrow);
        long r3 = w3 - other.w3 - borrow;
        return new U256(r3, r2, r1, r0);
    }

    /**
     * Adds a small value modulo 2^256, for stepping nonces.
     *
     * @param unsignedIncrement the increment, read as unsigned 64 bits
     * @return {@code (this + unsignedIncrement) mod 2^256}
     */
    public U256 add(long unsignedIncrement) {
        long r0 = w0 + unsignedIncrement;
        long carry = Long.compareUnsigned(r0, w0) < 0 ? 1 : 0;
        long r1 = w1 + carry;
        carry &= r1 == 0 ? 1 : 0;
        long r2 = w2 + carry;
        carry &= r2 == 0 ? 1 : 0;
        return new U256(w3 + carry, r2, r1, r0);
    }

    /**
     * Bitwise AND.
     *
     * @param mask the other operand
     * @return {@code this & mask}
     */
    public U256 and(U256 mask) {
        return new U256(w3 & mask.w3, w2 & mask.w2, w1 & mask.w1, w0 & mask.w0);
    }

    @Override
    public int compareTo(U256 other) {
        return Words.compareUnsigned(w3, w2, w1, w0, other.w3, other.w2, other.w1, other.w0);
    }

    /** @return the value as a non-negative {@link BigInteger} */
    public BigInteger toBigInteger() {
        BigInteger result = BigInteger.ZERO;
        for (long word : new long[]{w3, w2, w1, w0}) {
            result = result.shiftLeft(64).or(BigInteger.valueOf(word).and(MASK_64));
        }
        return result;
    }

    /**
     * Writes the value as 32 big-endian bytes.
     *
     * @param target where to write
     * @param offset the first byte written
     */
    public void toBigEndian(byte[] target, int offset) {
        Words.writeLongBigEndian(w3, target, offset);
        Words.writeLongBigEndian(w2, target, offset + 8);
        Words.writeLongBigEndian(w1, target, offset + 16);
        Words.writeLongBigEndian(w0, target, offset + 24);
    }

    /** @return 32 big-endian bytes */
    public byte[] toBigEndian() {
        byte[] bytes = new byte[32];
        toBigEndian(bytes, 0);
        return bytes;
    }

    /**
     * Formats as the boundary of a notify: {@code 0x} and lowercase hex without leading zeros, possibly of odd
     * length; zero is {@code 0x0} (docs/protocol.md §4).
     *
     * @return the text
     */
    public String toMinimalHex() {
        char[] digits = hexDigits();
        int first = 0;
        while (first < 63 && digits[first] == '0') {
            first++;
        }
        return "0x" + new String(digits, first, 64 - first);
    }

    /**
     * Formats as a hash: {@code 0x} and exactly 64 lowercase hex digits, leading zeros kept (docs/protocol.md §4).
     *
     * @return the text
     */
    public String toPaddedHex() {
        return "0x" + new String(hexDigits());
    }

    /** @return the value in decimal, as the node writes a nonce in its "already solved" message */
    public String toDecimal() {
        return toBigInteger().toString();
    }

    private char[] hexDigits() {
        char[] digits = new char[64];
        long[] words = {w3, w2, w1, w0};
        for (int w = 0; w < 4; w++) {
            for (int n = 0; n < 16; n++) {
                digits[w * 16 + n] = HEX[(int) (words[w] >>> (60 - 4 * n)) & 0xf];
            }
        }
        return digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof U256 other && w3 == other.w3 && w2 == other.w2 && w1 == other.w1
                && w0 == other.w0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(w3) * 31 * 31 * 31 + Long.hashCode(w2) * 31 * 31 + Long.hashCode(w1) * 31
                + Long.hashCode(w0);
    }

    /** @return the minimal hex form, as {@link #toMinimalHex()} */
    @Override
    public String toString() {
        return toMinimalHex();
    }
}

package org.stratumlab.pow;

/** Word-level helpers for {@link U256} and the PoW rule: unsigned compare, borrow, byte order, hex digits. */
final class Words {
    private Words() {
    }

    /** @return the value of an ASCII hex digit of either case, or -1 (no Unicode digits, unlike Character.digit) */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** @return 1 if computing {@code a - b - borrowIn = difference} borrowed from the next word, else 0 */
    static long borrowOut(long a, long b, long difference, long borrowIn) {
        // Hacker's Delight 2-13: the borrow is the top bit of (~a & b) | (~(a ^ b) & difference).
        return ((~a & b) | (~(a ^ b) & difference)) >>> 63;
    }

    static int compareUnsigned(long a3, long a2, long a1, long a0, long b3, long b2, long b1, long b0) {
        if (a3 != b3) {
            return Long.compareUnsigned(a3, b3);
        }
        if (a2 != b2) {
            return Long.compareUnsigned(a2, b2);
        }
        if (a1 != b1) {
            return Long.compareUnsigned(a1, b1);
        }
        return Long.compareUnsigned(a0, b0);
    }

    static long readLongBigEndian(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }

    static void writeLongBigEndian(long value, byte[] target, int offset) {
        for (int i = 0; i < 8; i++) {
            target[offset + i] = (byte) (value >>> (56 - 8 * i));
        }
    }
}

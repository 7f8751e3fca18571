package org.stratumlab.protocol.miner;

import io.netty.buffer.ByteBuf;
import org.stratumlab.pow.U256;

/** Writes a {@link U256} as {@code 0x} and minimal lowercase hex straight into a buffer, without a String. */
final class HexWriter {
    private static final byte[] DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c',
            'd',
            'e', 'f'};

    private HexWriter() {
    }

    /** Writes as {@link U256#toMinimalHex()} formats: {@code 0x0} for zero. */
    static void writeMinimalHex(ByteBuf out, U256 value) {
        out.writeByte('0').writeByte('x');
        int top = value.w3() != 0 ? 3 : value.w2() != 0 ? 2 : value.w1() != 0 ? 1 : 0;
        long topWord = word(value, top);
        writeDigits(out, topWord, Math.max(1, (64 - Long.numberOfLeadingZeros(topWord) + 3) / 4));
        for (int w = top - 1; w >= 0; w--) {
            writeDigits(out, word(value, w), 16);
        }
    }

    private static long word(U256 value, int index) {
        return switch (index) {
            case 3 -> value.w3();
            case 2 -> value.w2();
            case 1 -> value.w1();
            default -> value.w0();
        };
    }

    /** Writes the low {@code digits} nibbles of {@code word}, most significant first. */
    private static void writeDigits(ByteBuf out, long word, int digits) {
        for (int n = digits - 1; n >= 0; n--) {
            out.writeByte(DIGITS[(int) (word >>> (4 * n)) & 0xf]);
        }
    }
}

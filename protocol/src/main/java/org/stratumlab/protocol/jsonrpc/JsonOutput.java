package org.stratumlab.protocol.jsonrpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Writes JSON strings and numbers into a {@link ByteBuf} the way the node's serializer (serde_json) does, so
 * that echoed ids and reason strings match it byte for byte: {@code "} and {@code \} escaped with a
 * backslash; {@code \b \t \n \f \r} as short escapes; other control characters below U+0020 as
 * <code>&#92;u00XX</code> with lowercase hex; everything else, non-ASCII included, as raw UTF-8.
 */
public final class JsonOutput {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private JsonOutput() {
    }

    /**
     * Writes {@code value} as a quoted JSON string.
     *
     * @param out where to write
     * @param value the string's value
     */
    public static void writeString(ByteBuf out, CharSequence value) {
        out.writeByte('"');
        writeEscaped(out, value);
        out.writeByte('"');
    }

    /**
     * Writes the inside of a JSON string (no quotes), for strings assembled from fixed text and values.
     *
     * @param out where to write
     * @param value the text to escape
     */
    public static void writeEscaped(ByteBuf out, CharSequence value) {
        int runStart = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            if (i > runStart) {
                ByteBufUtil.writeUtf8(out, value, runStart, i);
            }
            writeEscape(out, c);
            runStart = i + 1;
        }
        if (value.length() > runStart) {
            ByteBufUtil.writeUtf8(out, value, runStart, value.length());
        }
    }

    private static void writeEscape(ByteBuf out, char c) {
        out.writeByte('\\');
        switch (c) {
            case '"' -> out.writeByte('"');
            case '\\' -> out.writeByte('\\');
            case '\b' -> out.writeByte('b');
            case '\t' -> out.writeByte('t');
            case '\n' -> out.writeByte('n');
            case '\f' -> out.writeByte('f');
            case '\r' -> out.writeByte('r');
            default -> {
                out.writeByte('u').writeByte('0').writeByte('0');
                out.writeByte(HEX[c >>> 4]).writeByte(HEX[c & 0xf]);
            }
        }
    }

    /**
     * Writes {@code value} in decimal, read as unsigned: JSON-RPC ids go up to 2^64 - 1 (docs/protocol.md §2).
     *
     * @param out where to write
     * @param value the value, unsigned
     */
    public static void writeUnsignedDecimal(ByteBuf out, long value) {
        if (value < 0) {
            // Above Long.MAX_VALUE: rare (huge ids), so the allocating path is fine.
            ByteBufUtil.writeAscii(out, Long.toUnsignedString(value));
            return;
        }
        int digits = decimalDigits(value);
        int at = out.writerIndex();
        out.ensureWritable(digits);
        for (int i = digits - 1; i >= 0; i--) {
            out.setByte(at + i, '0' + (int) (value % 10));
            value /= 10;
        }
        out.writerIndex(at + digits);
    }

    private static int decimalDigits(long value) {
        int digits = 1;
        while (value >= 10) {
            value /= 10;
            digits++;
        }
        return digits;
    }
}

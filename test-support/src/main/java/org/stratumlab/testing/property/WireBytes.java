package org.stratumlab.testing.property;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Generates byte streams a hostile or broken peer might send a line-based server: text, line ends of every kind,
 * lines just under, at and over a limit, valid multi-byte UTF-8 at its boundaries, the malformed sequences RFC 3629
 * forbids, raw random bytes, and request-like lines. Stateless.
 */
public final class WireBytes {
    /** Code points at the edges of UTF-8's encoding lengths and of the surrogate range. */
    private static final int[] EDGE_CODE_POINTS = {0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff,
            0x10000,
            0x1f600, 0x10ffff, 0xe9, 0x77ff};
    /** Overlong forms, surrogates, beyond U+10FFFF, stray or missing continuation bytes. */
    private static final int[][] MALFORMED = {{0xc0, 0x80}, {0xc1, 0xbf}, {0xe0, 0x80, 0x80},
            {0xe0, 0x9f, 0xbf},
            {0xed, 0xa0, 0x80}, {0xed, 0xbf, 0xbf}, {0xf0, 0x80, 0x80, 0x80}, {0xf0, 0x8f, 0xbf, 0xbf},
            {0xf4, 0x90, 0x80, 0x80}, {0xf5, 0x80, 0x80, 0x80}, {0xf8, 0x88, 0x80, 0x80, 0x80}, {0xff},
            {0xfe},
            {0x80}, {0xbf}, {0xe2, 0x82}, {0xf0, 0x9f, 0x98}, {0xc3}};
    private static final byte[] TEXT = "{}[]\":,0123456789abcdefxyz \\ -."
            .getBytes(StandardCharsets.US_ASCII);
    private static final String[] REQUESTS = {
            "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"rig\",\"\"]}",
            "{\"id\":2,\"method\":\"mining.submit\",\"params\":[\"rig\",\"j\",\"0x1\",\"0x"
                    + "00".repeat(32) + "\"]}",
            "[]", "{}", "", " ", "null", "{\"id\":\"\u00e9\",\"method\":\"x\"}"};

    private WireBytes() {
    }

    /**
     * @param random the case's source
     * @param pieces how many pieces to join
     * @param maxLineBytes the limit the stream is aimed at, so that lines near it are common
     * @return the stream
     */
    public static byte[] stream(SplittableRandom random, int pieces, int maxLineBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < pieces; i++) {
            piece(random, maxLineBytes, out);
        }
        return out.toByteArray();
    }

    private static void piece(SplittableRandom random, int maxLineBytes, ByteArrayOutputStream out) {
        switch (random.nextInt(12)) {
            case 0, 1 -> text(random, random.nextInt(maxLineBytes + 4), out);
            case 2, 3 -> out.write('\n');
            case 4 -> out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            case 5 -> out.write('\r');
            case 6 ->
                out.writeBytes(Character.toString(EDGE_CODE_POINTS[random.nextInt(EDGE_CODE_POINTS.length)])
                        .getBytes(StandardCharsets.UTF_8));
            case 7 -> {
                for (int b : MALFORMED[random.nextInt(MALFORMED.length)]) {
                    out.write(b);
                }
            }
            case 8 -> {
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    out.write(random.nextInt(256));
                }
            }
            case 9 -> out.writeBytes("x".repeat(Math.max(0, maxLineBytes - 1 + random.nextInt(4)))
                    .getBytes(StandardCharsets.US_ASCII)); // just under, at and over the limit
            default -> out.writeBytes((REQUESTS[random.nextInt(REQUESTS.length)] + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void text(SplittableRandom random, int length, ByteArrayOutputStream out) {
        for (int i = 0; i < length; i++) {
            out.write(TEXT[random.nextInt(TEXT.length)]);
        }
    }
}

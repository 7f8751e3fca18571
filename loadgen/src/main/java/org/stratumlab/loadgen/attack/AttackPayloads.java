package org.stratumlab.loadgen.attack;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes the connection-level kinds send, built once per run and shared by every attacker (a payload is only
 * ever read). Each is a whole line with its {@code \n}, except where the kind is about not ending one.
 */
final class AttackPayloads {
    /** The size of {@link AttackKind#LINE_MEGABYTES}'s line. */
    static final int MEGABYTES_LINE_BYTES = 4 << 20;
    /** The depth of {@link AttackKind#DEEP_NESTING}'s arrays. */
    static final int NESTING_DEPTH = 5_000;
    /** The calls in {@link AttackKind#GIANT_BATCH}'s line. */
    static final int BATCH_CALLS = 10_000;
    static final int HUGE_ID_DIGITS = 5_000;
    static final int HUGE_NONCE_DIGITS = 1_000;
    /** The worker name attackers subscribe and submit with. */
    static final String WORKER = "attacker";

    static final byte[] SUBSCRIBE = line("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"" + WORKER
            + "\",\"\"]}");
    static final byte[] SLOW_BYTE = {' '};
    static final byte[] SLOW_START = {'{'};
    static final byte[] MALFORMED = line("{\"id\":1,\"method\":");
    static final byte[] INVALID_UTF8 = concat(
            "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"".getBytes(StandardCharsets.US_ASCII),
            new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
            "\",\"\"]}\n".getBytes(StandardCharsets.US_ASCII));
    static final byte[] HTTP_REQUEST = "GET / HTTP/1.1\r\nHost: stratum\r\nUser-Agent: stratumlab\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** The lines of {@link #HTTP_REQUEST}. */
    static final int HTTP_LINES = 4;
    static final byte[] TLS_HELLO = TlsHello.bytes();
    static final byte[] DEEP_NESTING = line("[".repeat(NESTING_DEPTH) + "]".repeat(NESTING_DEPTH));
    static final byte[] HUGE_NUMBERS = line("{\"id\":" + "9".repeat(HUGE_ID_DIGITS)
            + ",\"method\":\"mining.submit\",\"params\":[\"" + WORKER + "\",\"0x" + "1".repeat(64) + "\",\"0x"
            + "f".repeat(HUGE_NONCE_DIGITS) + "\",\"0x" + "1".repeat(64) + "\"]}");
    static final byte[] GIANT_BATCH = line(batch());
    static final byte[] MEGABYTES = padded(MEGABYTES_LINE_BYTES);

    private AttackPayloads() {
    }

    /**
     * @param lineBytes the line's length without its {@code \n}
     * @return a subscribe whose worker name pads it to exactly that length, then {@code \n}
     */
    static byte[] padded(int lineBytes) {
        String head = "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"";
        String tail = "\",\"\"]}";
        int pad = lineBytes - head.length() - tail.length();
        if (pad < 1) {
            throw new IllegalArgumentException("a line of " + lineBytes + " bytes is too short to pad");
        }
        return line(head + "a".repeat(pad) + tail);
    }

    private static String batch() {
        StringBuilder text = new StringBuilder(BATCH_CALLS * 24).append('[');
        for (int i = 0; i < BATCH_CALLS; i++) {
            text.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"method\":\"x\"}");
        }
        return text.append(']').toString();
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Counts the line ends in a payload: the lines an endpoint that reads it will frame. */
    static int lines(byte[] payload) {
        int lines = 0;
        for (byte b : payload) {
            lines += b == '\n' ? 1 : 0;
        }
        return lines;
    }
}

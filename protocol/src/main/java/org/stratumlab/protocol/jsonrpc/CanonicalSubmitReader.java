package org.stratumlab.protocol.jsonrpc;

import java.nio.charset.StandardCharsets;

/**
 * Matches one line against the canonical submit shape of {@link CanonicalSubmit}, byte by byte, and fills the
 * instance when it matches. It only says yes where the strict reader would read a valid {@code mining.submit} call
 * with four well-formed string params; anything it is not sure of is a no, never an answer of its own.
 *
 * <p>
 * Reused for every line of its {@link CanonicalSubmit}, on that instance's thread.
 */
final class CanonicalSubmitReader {
    private static final byte[] ID = ascii("{\"id\":");
    private static final byte[] JSONRPC = ascii(",\"jsonrpc\":\"2.0\"");
    private static final byte[] METHOD = ascii(",\"method\":\"mining.submit\",\"params\":[\"");
    private static final byte[] END = ascii("\"]}");
    /** docs/protocol.md §5: a nonce has at most 64 digits, a pow_hash exactly 64. */
    private static final int HEX_DIGITS = 64;
    /** <code>{"id":0,"method":"mining.submit","params":["","","","</code>, 64 digits and the end. */
    static final int SHORTEST_LINE_BYTES = ID.length + 1 + METHOD.length + 3 * 3 + HEX_DIGITS + END.length;
    /** 19 decimal digits may pass 2^63 - 1; up to 18 cannot. */
    private static final int SAFE_ID_DIGITS = 18;

    private final byte[] bytes;
    private int end;
    private int at;
    private int workerLength;

    /** @param bytes where each line is copied before {@link #readInto} */
    CanonicalSubmitReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param submit filled when the line matches
     * @param length the line's length in {@code bytes}
     * @return whether it matched
     */
    boolean readInto(CanonicalSubmit submit, int length) {
        end = length;
        at = 0;
        if (!skip(ID)) {
            return false;
        }
        long id = readId();
        if (id < 0) {
            return false;
        }
        boolean jsonrpc = skip(JSONRPC);
        if (!skip(METHOD)) {
            return false;
        }
        int workerStart = at;
        if (!skipWorker() || !skipString() || !readHex(submit.nonceWords(), false)
                || !readHex(submit.powHashWords(), true) || !skip(END) || at != end) {
            return false;
        }
        submit.set(id, jsonrpc, workerStart, workerStart + workerLength);
        return true;
    }

    private boolean skip(byte[] expected) {
        if (end - at < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        at += expected.length;
        return true;
    }

    /** @return the id, or -1: no digits, a leading zero (not JSON), or 2^63 and above */
    private long readId() {
        int start = at;
        long value = 0;
        while (at < end && isDigit(bytes[at])) {
            int digit = bytes[at] - '0';
            if (at - start >= SAFE_ID_DIGITS && value > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            value = value * 10 + digit;
            at++;
        }
        int digits = at - start;
        if (digits == 0 || (digits > 1 && bytes[start] == '0')) {
            return -1;
        }
        return value;
    }

    /** The worker, up to and past its closing quote and the comma: printable ASCII, nothing to escape. */
    private boolean skipWorker() {
        int start = at;
        while (at < end && bytes[at] != '"') {
            byte b = bytes[at];
            if (b < 0x20 || b > 0x7e || b == '\\') {
                return false;
            }
            at++;
        }
        workerLength = at - start;
        return skipClose();
    }

    /** The job id, which the node ignores: any string without an escape or a control character. */
    private boolean skipString() {
        while (at < end && bytes[at] != '"') {
            byte b = bytes[at];
            if ((b >= 0 && b < 0x20) || b == '\\') {
                return false; // bytes of 0x80 and above are valid UTF-8 here, as the line was checked
            }
            at++;
        }
        return skipClose();
    }

    /** Past {@code ","}, the end of one param and the start of the next; the last param's end is {@link #END}. */
    private boolean skipClose() {
        if (end - at < 3 || bytes[at + 1] != ',' || bytes[at + 2] != '"') {
            return false;
        }
        at += 3;
        return true;
    }

    /**
     * Reads hex up to the closing quote into {@code words} (most significant first), as
     * {@code SubmitParams.parseNonce} and {@code parsePowHash} read them: an optional {@code 0x} or {@code 0X},
     * then at most (for a pow_hash exactly) 64 digits of either case.
     */
    private boolean readHex(long[] words, boolean exactly64) {
        int start = at;
        int close = start;
        while (close < end && bytes[close] != '"') {
            close++;
        }
        if (close - start >= 2 && bytes[start] == '0'
                && (bytes[start + 1] == 'x' || bytes[start + 1] == 'X')) {
            start += 2;
        }
        int digits = close - start;
        if (digits > HEX_DIGITS || (exactly64 && digits != HEX_DIGITS)) {
            return false;
        }
        for (int w = 0; w < 4; w++) {
            int wordEnd = close - 16 * (3 - w);
            long word = 0;
            for (int i = Math.max(start, wordEnd - 16); i < wordEnd; i++) {
                int digit = hexValue(bytes[i]);
                if (digit < 0) {
                    return false;
                }
                word = (word << 4) | digit;
            }
            words[w] = word;
        }
        at = close;
        return exactly64 || skipClose();
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

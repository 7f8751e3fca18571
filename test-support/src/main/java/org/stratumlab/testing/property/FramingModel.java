package org.stratumlab.testing.property;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference model of request framing, written from docs/protocol.md §1 and §7 and not from the decoder: what
 * the framing must deliver for a byte stream, however it is cut into reads. Split on {@code \n}; drop one
 * {@code \r} right before it; a line longer than the limit is one error, reported as soon as it can no longer
 * fit (even before its {@code \n}); a line that is not UTF-8 (RFC 3629, {@link #isUtf8}) is one error; bytes after
 * the last {@code \n} are no line. Stateless.
 */
public final class FramingModel {
    private FramingModel() {
    }

    /**
     * @param stream the bytes a peer sends
     * @param maxLineBytes the longest accepted line, without its line end
     * @param tooLong the event that stands for an over-long line
     * @param invalidUtf8 the event that stands for a line that is not UTF-8
     * @return the events in order: each accepted line as its text, or one of the two error events
     */
    public static List<Object> events(byte[] stream, int maxLineBytes, Object tooLong, Object invalidUtf8) {
        List<Object> events = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (byte b : stream) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            byte[] bytes = line.toByteArray();
            line.reset();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r'
                    ? bytes.length - 1
                    : bytes.length;
            if (length > maxLineBytes) {
                events.add(tooLong);
            } else if (!isUtf8(bytes, length)) {
                events.add(invalidUtf8);
            } else {
                events.add(new String(bytes, 0, length, StandardCharsets.UTF_8));
            }
        }
        byte[] tail = line.toByteArray();
        boolean mayStillFit = tail.length <= maxLineBytes
                || (tail.length == maxLineBytes + 1 && tail[tail.length - 1] == '\r');
        if (!mayStillFit) {
            events.add(tooLong);
        }
        return events;
    }

    /**
     * UTF-8 as RFC 3629 §4 defines it (its table of well-formed byte sequences): no overlong forms, no surrogates,
     * nothing above U+10FFFF.
     *
     * @param bytes the bytes
     * @param length how many of them, from the first, to check
     * @return whether they are well-formed UTF-8
     */
    public static boolean isUtf8(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xff;
            int[] second; // the range of the second byte, by the first (RFC 3629's table)
            int continuations;
            if (b < 0x80) {
                i++;
                continue;
            } else if (b >= 0xc2 && b <= 0xdf) {
                second = new int[]{0x80, 0xbf};
                continuations = 1;
            } else if (b == 0xe0) {
                second = new int[]{0xa0, 0xbf};
                continuations = 2;
            } else if (b == 0xed) {
                second = new int[]{0x80, 0x9f};
                continuations = 2;
            } else if (b >= 0xe1 && b <= 0xef) {
                second = new int[]{0x80, 0xbf};
                continuations = 2;
            } else if (b == 0xf0) {
                second = new int[]{0x90, 0xbf};
                continuations = 3;
            } else if (b >= 0xf1 && b <= 0xf3) {
                second = new int[]{0x80, 0xbf};
                continuations = 3;
            } else if (b == 0xf4) {
                second = new int[]{0x80, 0x8f};
                continuations = 3;
            } else {
                return false;
            }
            if (i + continuations >= length) {
                return false;
            }
            for (int k = 1; k <= continuations; k++) {
                int c = bytes[i + k] & 0xff;
                int low = k == 1 ? second[0] : 0x80;
                int high = k == 1 ? second[1] : 0xbf;
                if (c < low || c > high) {
                    return false;
                }
            }
            i += continuations + 1;
        }
        return true;
    }
}

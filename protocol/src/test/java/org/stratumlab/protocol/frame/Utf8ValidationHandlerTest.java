package org.stratumlab.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stratumlab.testing.EventRecorder;
import org.stratumlab.testing.Lines;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Utf8ValidationHandlerTest {
    private final EventRecorder recorder = new EventRecorder();
    private final EmbeddedChannel channel = new EmbeddedChannel(new LineFrameDecoder(1024),
            Utf8ValidationHandler.INSTANCE, recorder);
    private final List<ByteBuf> inputs = new ArrayList<>();

    private void write(byte[] bytes) {
        ByteBuf input = Lines.direct(bytes);
        inputs.add(input);
        channel.writeInbound(input);
    }

    private static byte[] hexLine(String hex) {
        byte[] line = HexFormat.of().parseHex(hex);
        byte[] withEnd = java.util.Arrays.copyOf(line, line.length + 1);
        withEnd[line.length] = '\n';
        return withEnd;
    }

    @AfterEach
    void everyBufferIsReleased() {
        channel.finishAndReleaseAll();
        inputs.forEach(input -> assertEquals(0, input.refCnt()));
        recorder.lines().forEach(line -> assertEquals(0, line.refCnt()));
    }

    @Test
    void passesValidMultiByteUtf8() {
        String text = "{\"id\":\"é€😀\"}";
        write((text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(text), recorder.events());
    }

    @Test
    void passesEmptyLines() {
        write("\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(List.of(""), recorder.events());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "7b80", // lone continuation byte
            "c0af", // overlong '/'
            "e080af", // overlong 3-byte
            "f08282ac", // overlong 4-byte
            "eda080", // UTF-16 surrogate D800 encoded
            "f4908080", // above U+10FFFF
            "f5808080", // byte never valid
            "ff", "fe", "e282", // truncated at the end of the line
            "c328" // lead byte followed by a non-continuation
    })
    void reportsInvalidUtf8AndReleasesTheLine(String hex) {
        write(hexLine(hex));
        assertEquals(List.of("!InvalidUtf8Exception"), recorder.events());
    }

    @Test
    void checksEachLineOnItsOwn() {
        write(hexLine("6f6b")); // ok
        write(hexLine("ff"));
        write(hexLine("e282ac")); // €
        assertEquals(List.of("ok", "!InvalidUtf8Exception", "€"), recorder.events());
    }

    @Test
    void findsInvalidBytesAtAnyPositionOfALongLine() {
        for (int at = 0; at < 40; at++) {
            byte[] bytes = "0123456789abcdefghijklmnopqrstuvwxyzABCD"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            ByteBuf valid = Lines.direct(bytes);
            bytes[at] = (byte) 0x80;
            ByteBuf invalid = Lines.direct(bytes);
            ByteBuf sliced = Lines
                    .direct(("é" + new String(bytes, 0, 40, java.nio.charset.StandardCharsets.ISO_8859_1))
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                    .skipBytes(1);
            try {
                assertTrue(Utf8ValidationHandler.isValidUtf8(valid));
                assertFalse(Utf8ValidationHandler.isValidUtf8(invalid), "invalid byte at " + at);
                assertFalse(Utf8ValidationHandler.isValidUtf8(sliced),
                        "invalid byte at " + at + " after an offset");
            } finally {
                valid.release();
                invalid.release();
                sliced.release();
            }
        }
    }

    @Test
    void acceptsMultiByteCharactersAfterLongAsciiRuns() {
        ByteBuf line = Lines.direct("{\"jsonrpc\":\"2.0\",\"id\":\"abé€\ud83d\ude00\"}");
        try {
            assertTrue(Utf8ValidationHandler.isValidUtf8(line));
        } finally {
            line.release();
        }
    }

    @Test
    void validatesAsAFunctionToo() {
        ByteBuf valid = Lines.direct("héllo");
        ByteBuf invalid = Lines.direct(new byte[]{(byte) 0xc3});
        try {
            assertTrue(Utf8ValidationHandler.isValidUtf8(valid));
            assertFalse(Utf8ValidationHandler.isValidUtf8(invalid));
        } finally {
            valid.release();
            invalid.release();
        }
    }
}

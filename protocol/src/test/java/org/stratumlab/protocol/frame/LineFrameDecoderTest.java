package org.stratumlab.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratumlab.testing.EventRecorder;
import org.stratumlab.testing.Lines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineFrameDecoderTest {
    private final EventRecorder recorder = new EventRecorder();
    private final List<ByteBuf> inputs = new ArrayList<>();
    private LineFrameDecoder decoder;
    private EmbeddedChannel channel;

    private void open(int maxLineBytes) {
        decoder = new LineFrameDecoder(maxLineBytes);
        channel = new EmbeddedChannel(decoder, recorder);
    }

    private void write(String text) {
        ByteBuf input = Lines.direct(text);
        inputs.add(input);
        channel.writeInbound(input);
    }

    @AfterEach
    void everyBufferIsReleased() {
        channel.finishAndReleaseAll();
        for (ByteBuf input : inputs) {
            assertEquals(0, input.refCnt(), "input buffer still referenced");
        }
        for (ByteBuf line : recorder.lines()) {
            assertEquals(0, line.refCnt(), "line still referenced");
        }
    }

    @Test
    void splitsOnNewlineAndDropsTheLineEnd() {
        open(100);
        write("{\"a\":1}\n{\"b\":2}\n");
        assertEquals(List.of("{\"a\":1}", "{\"b\":2}"), recorder.events());
    }

    @Test
    void stripsCarriageReturnBeforeNewline() {
        open(100);
        write("abc\r\ndef\n");
        assertEquals(List.of("abc", "def"), recorder.events());
    }

    @Test
    void keepsCarriageReturnThatDoesNotEndTheLine() {
        open(100);
        write("a\rb\n");
        assertEquals(List.of("a\rb"), recorder.events());
    }

    @Test
    void deliversEmptyLines() {
        open(100);
        write("\n\r\n\nx\n");
        assertEquals(List.of("", "", "", "x"), recorder.events());
    }

    @Test
    void joinsALineSplitAcrossReads() {
        open(100);
        write("ab");
        write("c\nd");
        assertEquals(List.of("abc"), recorder.events());
        write("e\r");
        write("\n");
        assertEquals(List.of("abc", "de"), recorder.events());
    }

    @Test
    void decodesManyLinesFromOneRead() {
        open(100);
        StringBuilder text = new StringBuilder();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            text.append("line ").append(i).append(i % 2 == 0 ? "\n" : "\r\n");
            expected.add("line " + i);
        }
        write(text.toString());
        assertEquals(expected, recorder.events());
    }

    @Test
    void acceptsALineOfExactlyTheLimitWithEitherLineEnd() {
        open(4);
        write("abcd\nefgh\r\n");
        assertEquals(List.of("abcd", "efgh"), recorder.events());
    }

    @Test
    void waitsForTheNewlineWhenTheLimitIsFollowedByCarriageReturn() {
        open(4);
        write("abcd\r");
        assertEquals(List.of(), recorder.events());
        write("\n");
        assertEquals(List.of("abcd"), recorder.events());
    }

    @Test
    void reportsCarriageReturnPastTheLimitWhenNoNewlineFollows() {
        open(4);
        write("abcd\r");
        write("x");
        assertEquals(List.of("!LineTooLongException"), recorder.events());
    }

    @Test
    void reportsAnOverLongLineAsSoonAsTheLimitIsPassed() {
        open(8);
        write("123456789");
        assertEquals(List.of("!LineTooLongException"), recorder.events());
        LineTooLongException reported = assertInstanceOf(LineTooLongException.class,
                recorder.exceptions().get(0));
        assertInstanceOf(TooLongFrameException.class, reported);
        assertEquals(8, reported.maxLineBytes());
        assertEquals(0, reported.getStackTrace().length);
    }

    @Test
    void discardsTheRestOfAnOverLongLineWithoutBufferingIt() {
        open(16);
        write("x".repeat(17));
        String chunk = "y".repeat(1000);
        for (int i = 0; i < 1000; i++) {
            write(chunk);
            assertEquals(0, decoder.bufferedBytes());
        }
        assertEquals(List.of("!LineTooLongException"), recorder.events());
        write("tail\nok\n");
        assertEquals(List.of("!LineTooLongException", "ok"), recorder.events());
    }

    @Test
    void neverBuffersMoreThanTheLimitOfAnUnfinishedLine() {
        open(16);
        for (int i = 0; i < 16; i++) {
            write("z");
            assertTrue(decoder.bufferedBytes() <= 17);
        }
        assertEquals(List.of(), recorder.events());
        write("z");
        assertEquals(0, decoder.bufferedBytes());
        assertEquals(List.of("!LineTooLongException"), recorder.events());
    }

    @Test
    void reportsAnOverLongLineThatArrivesWholeAndGoesOn() {
        open(5);
        write("first\n0123456789\nnext\n");
        assertEquals(List.of("first", "!LineTooLongException", "next"), recorder.events());
    }

    @Test
    void reportsEachOverLongLineOnce() {
        open(3);
        write("aaaaaa");
        write("aaaa\nbbbbbbbb\nok\n");
        assertEquals(List.of("!LineTooLongException", "!LineTooLongException", "ok"), recorder.events());
    }

    @Test
    void dropsAnUnfinishedLastLineOnClose() {
        open(100);
        write("done\npartial");
        assertFalse(channel.finish());
        assertEquals(List.of("done"), recorder.events());
    }

    @Test
    void rejectsALimitBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new LineFrameDecoder(0));
        open(1); // for the @AfterEach
    }

    @Test
    void keepsLinesInOrderAroundAnOverLongLineSplitAcrossReads() {
        open(4);
        write("a\nxxx");
        write("xxxx");
        write("xx\nb\n");
        assertEquals(List.of("a", "!LineTooLongException", "b"), recorder.events());
        assertEquals(Collections.nCopies(1, LineTooLongException.class),
                recorder.exceptions().stream().map(Object::getClass).toList());
    }
}

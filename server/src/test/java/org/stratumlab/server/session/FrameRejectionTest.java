package org.stratumlab.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.stratumlab.server.testing.Wire;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A line that closes the connection (docs/protocol.md §1, §7) does not take the replies to the lines before it, read
 * in the same read, down with it: they were written but not yet flushed when the bad line arrived.
 */
class FrameRejectionTest {
    private static final String INVALID_REQUEST = Wire.error(-32600, "Invalid request", "null") + "\n";

    /** @return every byte the connection wrote, as text */
    private static String written(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (String out = EmbeddedSessions.readOutbound(channel); out != null; out = EmbeddedSessions
                .readOutbound(channel)) {
            text.append(out);
        }
        return text.toString();
    }

    @Test
    void repliesBeforeAnInvalidUtf8LineOfTheSameReadAreSentBeforeTheClose() {
        try (EmbeddedSessions sessions = new EmbeddedSessions(0)) {
            EmbeddedChannel channel = sessions.open();
            ByteBuf read = Unpooled.buffer().writeBytes("[]\n[]\n".getBytes(StandardCharsets.US_ASCII));
            channel.writeInbound(read.writeByte(0xff).writeByte('\n').writeBytes("[]\n".getBytes()));
            assertEquals(INVALID_REQUEST + INVALID_REQUEST, written(channel),
                    "nothing after the invalid line");
            assertFalse(channel.isActive());
            assertEquals(0, read.refCnt());
            assertEquals(List.of(), sessions.errorLog);
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void repliesBeforeAnOverLongLineOfTheSameReadAreSentBeforeItsError() {
        try (EmbeddedSessions sessions = new EmbeddedSessions(0)) {
            EmbeddedChannel channel = sessions.open();
            channel.writeInbound(Unpooled.copiedBuffer("[]\n" + "x".repeat(1025) + "\n[]\n",
                    StandardCharsets.US_ASCII));
            assertEquals(INVALID_REQUEST, EmbeddedSessions.readOutbound(channel));
            assertEquals(Wire.LINE_TOO_LONG + "\n", EmbeddedSessions.readOutbound(channel));
            assertNull(EmbeddedSessions.readOutbound(channel));
            assertFalse(channel.isActive());
            channel.finishAndReleaseAll();
        }
    }
}

package org.stratumlab.server.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * The notify writer on an {@link EmbeddedChannel}: a writable channel gets each notify at once; an unwritable
 * one keeps only the newest and counts the others as dropped, so its pending bytes do not grow with the number
 * of jobs; and every buffer is released, whichever way it went (paranoid leak detection checks the rest).
 */
class NotifyWriterTest {
    /** Unwritable above 64 pending bytes, writable again below 32. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32, 64);
    private static final int STALL_BYTES = 128;

    private final ServerMetrics metrics = new ServerMetrics();
    private final NotifyWriter writer = new NotifyWriter(metrics);
    private final EmbeddedChannel channel = new EmbeddedChannel(writer);
    /** Every buffer the test made, each to be at refCnt 0 in the end. */
    private final List<ByteBuf> made = new ArrayList<>();

    @AfterEach
    void everyBufferIsReleased() {
        channel.finishAndReleaseAll();
        for (ByteBuf buf : made) {
            assertEquals(0, buf.refCnt(), () -> "not released: " + buf.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void writableChannelGetsEachNotifyAtOnce() {
        push("job 1");
        push("job 2");

        assertEquals("job 1", readOutbound());
        assertEquals("job 2", readOutbound());
        assertEquals(2, metrics.snapshot().notifiesSent());
        assertEquals(0, metrics.snapshot().notifiesDropped());
    }

    @Test
    void unwritableChannelKeepsOnlyTheNewestNotifyAndCountsTheDrops() {
        stall();
        long stalledBytes = pendingBytes(); // the stalled write and the buffer's own overhead per entry

        for (int i = 1; i <= 100; i++) {
            push("job " + i);
        }

        assertEquals(stalledBytes, pendingBytes(), "notifies must not queue behind a stalled channel");
        assertEquals(0, metrics.snapshot().notifiesSent());
        assertEquals(99, metrics.snapshot().notifiesDropped());
        channel.flush(); // the peer reads: the channel drains and becomes writable
        assertEquals("x".repeat(STALL_BYTES), readOutbound());
        channel.runPendingTasks();
        assertEquals("job 100", readOutbound());
        assertNull(channel.readOutbound());
        assertEquals(1, metrics.snapshot().notifiesSent());
    }

    @Test
    void pendingNotifyIsReleasedWhenTheConnectionCloses() {
        stall();
        push("job 1");

        channel.close();

        assertEquals(1, metrics.snapshot().notifiesDropped());
        assertEquals(0, metrics.snapshot().notifiesSent());
    }

    @Test
    void closedConnectionGetsNothing() {
        channel.close();

        push("job 1");

        assertNull(channel.readOutbound());
        assertEquals(0, metrics.snapshot().notifiesSent() + metrics.snapshot().notifiesDropped());
    }

    /** Fills the outbound buffer past the high watermark with a write nobody flushes, as a peer that stops reading. */
    private void stall() {
        channel.config().setWriteBufferWaterMark(WATER_MARK);
        channel.write(buffer("x".repeat(STALL_BYTES)));
        assertFalse(channel.isWritable());
    }

    /** Pushes a line as the registry does: the writer takes no ownership, the caller releases its own reference. */
    private void push(String text) {
        ByteBuf line = buffer(text);
        writer.push(line);
        line.release();
    }

    private ByteBuf buffer(String text) {
        ByteBuf buf = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        made.add(buf);
        return buf;
    }

    private long pendingBytes() {
        return channel.unsafe().outboundBuffer().totalPendingWriteBytes();
    }

    private String readOutbound() {
        ByteBuf out = channel.readOutbound();
        assertTrue(out != null, "nothing written");
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }
}

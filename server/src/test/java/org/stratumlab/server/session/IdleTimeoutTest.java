package org.stratumlab.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratumlab.server.metrics.ServerMetrics.Rejection;
import org.stratumlab.server.notify.NotifyWriter;

/**
 * The idle timeout in virtual time: the connection's pipeline on an {@link EmbeddedChannel} whose clock only
 * moves when the test says, so the timeout is checked to the nanosecond without waiting for it.
 */
class IdleTimeoutTest {
    private static final long IDLE_NS = TimeUnit.SECONDS.toNanos(30);
    private static final String SUBSCRIBE = "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"w\",\"\"]}\n";

    private final EmbeddedSessions sessions = new EmbeddedSessions(IDLE_NS);

    @AfterEach
    void close() {
        sessions.close();
    }

    @Test
    void silentConnectionIsClosedAtTheIdleTimeoutAndCounted() {
        EmbeddedChannel channel = sessions.open();

        assertClosedExactlyAtTheTimeout(channel);
    }

    @Test
    void aRequestRestartsTheTimeout() {
        EmbeddedChannel channel = sessions.open();
        EmbeddedSessions.advance(channel, IDLE_NS - 1);

        channel.writeInbound(EmbeddedSessions.bytes(SUBSCRIBE));
        assertEquals("{\"result\":true,\"id\":1}\n", EmbeddedSessions.readOutbound(channel));

        assertClosedExactlyAtTheTimeout(channel);
    }

    @Test
    void subscriberThatOnlyReceivesIsStillIdle() {
        EmbeddedChannel channel = sessions.open();
        channel.writeInbound(EmbeddedSessions.bytes(SUBSCRIBE));
        EmbeddedSessions.readOutbound(channel);
        NotifyWriter writer = channel.pipeline().get(NotifyWriter.class);

        // Notifies flow out, but only inbound bytes keep a connection alive.
        for (int i = 0; i < 3; i++) {
            EmbeddedSessions.advance(channel, IDLE_NS / 4);
            ByteBuf line = EmbeddedSessions.bytes("{ \"id\": " + (17 + i) + " }\n");
            writer.push(line);
            line.release();
            assertEquals("{ \"id\": " + (17 + i) + " }\n", EmbeddedSessions.readOutbound(channel));
            assertEquals(0, line.refCnt());
        }
        assertTrue(channel.isOpen());
        EmbeddedSessions.advance(channel, IDLE_NS - 3 * (IDLE_NS / 4));

        assertFalse(channel.isOpen());
        assertEquals(1, sessions.metrics.snapshot().rejectedByReason().get(Rejection.IDLE));
    }

    /** Open one nanosecond before the timeout since the last inbound bytes, closed and counted at it. */
    private void assertClosedExactlyAtTheTimeout(EmbeddedChannel channel) {
        EmbeddedSessions.advance(channel, IDLE_NS - 1);
        assertTrue(channel.isOpen(), "closed before the timeout");
        EmbeddedSessions.advance(channel, 1);
        assertFalse(channel.isOpen(), "open at the timeout");
        assertEquals(1, sessions.metrics.snapshot().rejectedByReason().get(Rejection.IDLE));
    }
}

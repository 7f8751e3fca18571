package org.stratumlab.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stratumlab.server.metrics.MetricsEndpoint;
import org.stratumlab.testing.Prometheus;

/**
 * The terminal handler counts what it does not expect: a bug thrown anywhere in the pipeline closes the
 * connection, is counted by exception class and logged once per class; a peer's reset is not a bug.
 */
@Timeout(20)
class UnexpectedErrorTest {
    private static final String BUG = IllegalStateException.class.getName();

    private final EmbeddedSessions sessions = new EmbeddedSessions(0);

    /** Stands for a handler with a bug: throws on every read. */
    private static final class ThrowingHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
            throw new IllegalStateException("a bug under test");
        }
    }

    @AfterEach
    void close() {
        sessions.close();
    }

    @Test
    void exceptionFromAHandlerClosesTheConnectionAndIsCountedAndLoggedOnce() {
        EmbeddedChannel first = sessions.open(new ThrowingHandler());

        first.writeInbound(EmbeddedSessions.bytes("{}\n"));

        assertFalse(first.isOpen());
        assertEquals(Map.of(BUG, 1L), sessions.metrics.unexpectedErrors().snapshot());
        assertEquals(1, sessions.errorLog.size(), sessions.errorLog::toString);
        String line = sessions.errorLog.get(0);
        assertTrue(line.contains(BUG) && line.contains("a bug under test")
                && line.contains(ThrowingHandler.class.getName() + ".channelRead"), line);
    }

    @Test
    void theSameClassAgainIsCountedButNotLoggedAgain() {
        sessions.open(new ThrowingHandler()).writeInbound(EmbeddedSessions.bytes("{}\n"));
        EmbeddedChannel second = sessions.open(new ThrowingHandler());

        second.writeInbound(EmbeddedSessions.bytes("{}\n"));

        assertFalse(second.isOpen());
        assertEquals(Map.of(BUG, 2L), sessions.metrics.unexpectedErrors().snapshot());
        assertEquals(2L, sessions.metrics.snapshot().unexpectedErrors().get(BUG));
        assertEquals(1, sessions.errorLog.size(), sessions.errorLog::toString);
    }

    @Test
    void peerResetClosesWithoutCounting() {
        EmbeddedChannel channel = sessions.open();

        channel.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));

        assertFalse(channel.isOpen());
        assertEquals(Map.of(), sessions.metrics.unexpectedErrors().snapshot());
        assertEquals(0, sessions.errorLog.size(), sessions.errorLog::toString);
    }

    @Test
    void unexpectedErrorsAreExposedByClass() throws Exception {
        sessions.open(new ThrowingHandler()).writeInbound(EmbeddedSessions.bytes("{}\n"));
        sessions.open(new ThrowingHandler()).writeInbound(EmbeddedSessions.bytes("{}\n"));

        try (MetricsEndpoint endpoint = MetricsEndpoint.start(sessions.metrics, 0)) {
            String body = Prometheus.scrape(endpoint.port());
            assertEquals(2, Prometheus.value(body, "stratum_unexpected_errors_total{class=\"" + BUG + "\"}"),
                    body);
        }
    }
}

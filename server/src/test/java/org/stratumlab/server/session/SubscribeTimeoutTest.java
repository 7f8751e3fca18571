package org.stratumlab.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.metrics.ServerMetrics.Rejection;

/**
 * The subscribe timeout and the defaults in virtual time (docs/protocol.md §7): a connection that has not
 * subscribed in time is closed and counted; a subscribed miner that stays silent is never closed, by default
 * as on the node; and with the node's limits neither timeout applies, whatever they are set to.
 */
class SubscribeTimeoutTest {
    private static final long SUBSCRIBE_NS = TimeUnit.SECONDS.toNanos(20);
    private static final long DAY_NS = TimeUnit.DAYS.toNanos(1);
    private static final String SUBSCRIBE = "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"w\",\"\"]}\n";

    private EmbeddedSessions sessions;

    @AfterEach
    void close() {
        sessions.close();
    }

    @Test
    void connectionThatDoesNotSubscribeIsClosedAtTheSubscribeTimeoutAndCounted() {
        EmbeddedChannel channel = open(b -> b.subscribeTimeoutNs(SUBSCRIBE_NS));
        channel.writeInbound(EmbeddedSessions.bytes("{\"id\":1,\"method\":\"probe\"}\n"));
        EmbeddedSessions.readOutbound(channel); // talking is not subscribing

        EmbeddedSessions.advance(channel, SUBSCRIBE_NS - 1);
        assertTrue(channel.isOpen(), "closed before the timeout");
        EmbeddedSessions.advance(channel, 1);
        assertFalse(channel.isOpen(), "open at the timeout");
        assertEquals(1, rejected(Rejection.SUBSCRIBE_TIMEOUT));
    }

    @Test
    void subscribedConnectionOutlivesTheSubscribeTimeout() {
        EmbeddedChannel channel = open(b -> b.subscribeTimeoutNs(SUBSCRIBE_NS));
        EmbeddedSessions.advance(channel, SUBSCRIBE_NS - 1);
        subscribe(channel);

        EmbeddedSessions.advance(channel, DAY_NS);

        assertTrue(channel.isOpen());
        assertEquals(0, rejected(Rejection.SUBSCRIBE_TIMEOUT));
    }

    @Test
    void byDefaultASilentSubscriberIsNeverClosed() {
        EmbeddedChannel channel = open(UnaryOperator.identity());
        subscribe(channel);

        EmbeddedSessions.advance(channel, DAY_NS);

        assertTrue(channel.isOpen());
        assertEquals(0, rejected(Rejection.IDLE));
    }

    @Test
    void withTheNodesLimitsNoTimeoutApplies() {
        EmbeddedChannel silent = open(
                b -> b.nodeLimits(true).idleTimeoutNs(SUBSCRIBE_NS).subscribeTimeoutNs(SUBSCRIBE_NS));
        EmbeddedChannel subscribed = open(
                b -> b.nodeLimits(true).idleTimeoutNs(SUBSCRIBE_NS).subscribeTimeoutNs(SUBSCRIBE_NS));
        subscribe(subscribed);

        EmbeddedSessions.advance(silent, DAY_NS);
        EmbeddedSessions.advance(subscribed, DAY_NS);

        assertTrue(silent.isOpen());
        assertTrue(subscribed.isOpen());
    }

    private EmbeddedChannel open(UnaryOperator<ServerConfig.Builder> settings) {
        if (sessions == null) {
            sessions = new EmbeddedSessions(settings.apply(ServerConfig.builder()).build());
        }
        return sessions.open();
    }

    private static void subscribe(EmbeddedChannel channel) {
        channel.writeInbound(EmbeddedSessions.bytes(SUBSCRIBE));
        assertEquals("{\"result\":true,\"id\":1}\n", EmbeddedSessions.readOutbound(channel));
    }

    private long rejected(Rejection reason) {
        return sessions.metrics.snapshot().rejectedByReason().get(reason);
    }
}

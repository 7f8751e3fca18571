package org.stratumlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.server.session.StratumChannelInitializer;
import org.stratumlab.testing.Await;
import org.stratumlab.testing.LineClient;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Wire;

/**
 * {@code --node-limits} over real TCP: the node's transport (docs/protocol.md §1) serves at most 1024 connections
 * and holds the others unread, has no line limit, and queues every push to a slow reader instead of keeping only
 * the newest. (That no timeout applies is checked in virtual time, in {@code session.SubscribeTimeoutTest}.)
 */
@Timeout(120)
class NodeLimitsTest {
    private static final int SERVED = StratumChannelInitializer.CONFLUX_NODE_MAX_SERVED_CONNECTIONS;
    private static final int PUSHES = 10_000;

    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    @Test
    void connectionBeyondTheNodesLimitIsHeldUnreadUntilAServedOneCloses() throws IOException {
        StratumServer server = fixture.start(b -> b.nodeLimits(true));
        List<LineClient> served = new ArrayList<>(SERVED);
        for (int i = 0; i < SERVED; i++) {
            LineClient client = fixture.connect();
            client.send(Wire.subscribe(Integer.toString(i), "w" + i, ""));
            served.add(client);
        }
        LineClient held = fixture.connect();
        held.send(Wire.subscribe("\"held\"", "held", ""));
        for (int i = 0; i < SERVED; i++) {
            assertEquals(Wire.result("true", Integer.toString(i)), served.get(i).readLine(WAIT));
        }
        Await.until("the last connection is accepted and held", () -> server.metrics().held() == 1,
                server.metrics()::held, WAIT);

        // Every served connection has been answered, and the held one's subscribe was sent before any of them.
        assertFalse(held.hasUnreadBytes(), "the held connection was answered");
        assertEquals(SERVED, fixture.metrics().subscribed());

        served.get(0).close();

        assertEquals(Wire.result("true", "\"held\""), held.readLine(WAIT));
        fixture.awaitMetrics("the held one took the freed place",
                m -> m.subscribed() == SERVED && m.connections() == SERVED);
        assertEquals(0, server.metrics().held());
    }

    @Test
    void everyPushToASlowReaderIsQueuedNotDropped() throws IOException {
        StratumServer server = fixture.start(b -> b.nodeLimits(true));
        LineClient stalled = fixture.connect(4096);
        fixture.subscribe(stalled, "stalled");

        for (int i = 0; i < PUSHES; i++) {
            server.blocks().newJobNow();
        }
        fixture.awaitMetrics("every push was queued or dropped",
                m -> m.jobs() == 1 + PUSHES && m.notifiesSent() + m.notifiesDropped() == PUSHES);

        ServerMetrics.Snapshot state = fixture.metrics();
        assertEquals(0, state.notifiesDropped(), state::toString);
        String line = null;
        for (int i = 0; i < PUSHES; i++) {
            line = stalled.readLine(WAIT);
            assertEquals(17 + i, Wire.notifyId(line), line);
        }
        assertEquals(Wire.notify(Dialect.conflux(), 16 + PUSHES, server.chain().current()), line);
        fixture.assertNothingPending(stalled);
    }

    @Test
    void aLineOf100KibIsParsedNotRejected() throws IOException {
        fixture.start(b -> b.nodeLimits(true));
        LineClient client = fixture.connect();
        String worker = "w".repeat(100 * 1024);

        client.send(Wire.subscribe("1", worker, ""));

        assertEquals(Wire.result("true", "1"), client.readLine(WAIT));
        assertEquals(0, fixture.metrics().rejectedByReason().get(ServerMetrics.Rejection.LINE_TOO_LONG));
    }
}

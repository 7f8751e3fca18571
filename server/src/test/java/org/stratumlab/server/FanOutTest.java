package org.stratumlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.server.metrics.ServerMetrics;
import org.stratumlab.testing.LineClient;
import org.stratumlab.server.testing.ServerFixture;
import org.stratumlab.server.testing.Wire;

/**
 * Notify fan-out under load (Tests): many subscribers all get the same bytes, and a subscriber that
 * stops reading over real TCP has its older notifies dropped and counted, and gets the newest when it reads
 * again. That the dropped notifies leave no pending bytes behind is measured on the writer itself, in
 * {@code notify.NotifyWriterTest}.
 */
@Timeout(120)
class FanOutTest {
    private static final int CONNECTIONS = 1_000;
    private static final int PUSHES = 10_000;

    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    @Test
    void thousandSubscribersAllReceiveTheSameNotifyLine() throws IOException {
        StratumServer server = fixture.start(b -> b.ioThreads(4));
        List<LineClient> clients = new ArrayList<>(CONNECTIONS);
        for (int i = 0; i < CONNECTIONS; i++) {
            LineClient client = fixture.connect();
            client.send(Wire.subscribe(Integer.toString(i), "worker-" + i, ""));
            clients.add(client);
        }
        for (int i = 0; i < CONNECTIONS; i++) {
            assertEquals(Wire.result("true", Integer.toString(i)), clients.get(i).readLine(WAIT));
        }
        assertEquals(CONNECTIONS, fixture.metrics().subscribed());

        server.blocks().newJobNow();

        String expected = Wire.notify(Dialect.conflux(), 17, fixture.predictedJobs(2).get(1));
        for (LineClient client : clients) {
            assertEquals(expected, client.readLine(WAIT));
        }
        fixture.awaitMetrics("every notify counted", m -> m.notifiesSent() == CONNECTIONS);
    }

    @Test
    void subscriberThatStopsReadingHasOlderNotifiesDroppedAndGetsTheNewestWhenItReads() throws IOException {
        StratumServer server = fixture.start();
        LineClient stalled = fixture.connect(4096);
        fixture.subscribe(stalled, "stalled");

        for (int i = 0; i < PUSHES; i++) {
            server.blocks().newJobNow();
        }

        fixture.awaitMetrics("every push reached the stalled subscriber, one at most still pending",
                m -> m.jobs() == 1 + PUSHES && m.notifiesSent() + m.notifiesDropped() >= PUSHES - 1);
        ServerMetrics.Snapshot stalledState = fixture.metrics();
        assertTrue(stalledState.notifiesDropped() > 0, "older notifies are replaced: " + stalledState);
        assertTrue(stalledState.notifiesSent() + stalledState.notifiesDropped() <= PUSHES,
                stalledState::toString);

        String newest = Wire.notify(Dialect.conflux(), 16 + PUSHES, server.chain().current());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String line;
        do {
            line = stalled.readLine(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            assertTrue(Wire.isNotify(line), line);
        } while (!line.equals(newest));
        fixture.awaitMetrics("the pending notify was sent",
                m -> m.notifiesSent() + m.notifiesDropped() == PUSHES);
        fixture.assertNothingPending(stalled);
    }
}

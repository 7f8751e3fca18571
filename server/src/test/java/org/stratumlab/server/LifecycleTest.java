package org.stratumlab.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stratumlab.server.testing.ServerFixture.WAIT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stratumlab.testing.LineClient;
import org.stratumlab.server.testing.ServerFixture;

/** Starting and stopping the embedded server (Behaviour: on shutdown close connections). */
@Timeout(20)
class LifecycleTest {
    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();

    @Test
    void closeEndsEveryConnection() throws IOException {
        fixture.start(b -> b.ioThreads(2));
        LineClient subscribed = fixture.subscribed("w");
        LineClient idle = fixture.connect();
        LineClient midLine = fixture.connect();
        midLine.sendRaw("{\"id\":1,".getBytes(StandardCharsets.UTF_8));
        fixture.awaitMetrics("three connections", m -> m.connections() == 3);

        fixture.stopServer();

        subscribed.assertClosed(WAIT);
        idle.assertClosed(WAIT);
        midLine.assertClosed(WAIT);
    }

    @Test
    void portInUseFailsWithMessageNamingTheAddress() throws IOException {
        StratumServer first = fixture.start();
        int port = first.localAddress().getPort();

        IOException e = assertThrows(IOException.class,
                () -> StratumServer.start(ServerConfig.builder().port(port).blockIntervalNs(0).build()));

        assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void describeNamesAddressTransportAndSettings() throws IOException {
        StratumServer server = fixture.start();

        String line = server.describe();

        assertTrue(
                line.startsWith("stratumlab server listening on 127.0.0.1:" + server.localAddress().getPort()
                        + " transport=" + server.transport()
                        + " dialect=conflux difficulty=4 window=1 block-interval=off"),
                line);
        assertTrue(Set.of("epoll", "nio").contains(server.transport()), server.transport());
    }
}

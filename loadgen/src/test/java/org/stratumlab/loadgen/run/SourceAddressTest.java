package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.testing.ScriptedPeer;

/** Connections are spread round robin over the local source addresses given (beyond ~28k per address). */
@Timeout(20)
class SourceAddressTest {
    @TempDir
    Path out;

    @Test
    void connectionsAreSpreadRoundRobinOverTheSourceAddresses() throws Exception {
        List<InetAddress> sources = List.of(InetAddress.getByName("127.0.0.1"),
                InetAddress.getByName("127.0.0.2"),
                InetAddress.getByName("127.0.0.3"));
        try (ScriptedPeer peer = ScriptedPeer.start(connection -> {
            while (true) {
                connection.readLine(); // a silent peer: only the connections matter here
            }
        })) {
            LoadRun.Result result = Runs.run(Runs.config(Fleets.of(6, 1).sourceAddresses(sources).build(),
                    peer.address(), null, 500, out));
            assertEquals(6, result.counts().connectedMax());
            Map<InetAddress, Long> bySource = peer.remoteAddresses().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(Map.of(sources.get(0), 2L, sources.get(1), 2L, sources.get(2), 2L), bySource);
        }
    }
}

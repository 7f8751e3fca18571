package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.stratumlab.server.ServerConfig;

/** What the embedded simulator comes back as after a phase's restart. */
class EmbeddedServerSettingsTest {
    private static final ServerConfig START = ServerConfig.builder().port(0).difficulty(BigInteger.valueOf(4))
            .window(1).blockIntervalNs(500_000_000L).seed(9).build();

    @Test
    void aRestartKeepsWhatEarlierPhasesChangedOnANewChain() {
        ServerConfig retargeted = EmbeddedServer.afterChanges(START,
                new Phase.ServerAction(false, BigInteger.valueOf(64), 100_000_000L, 8));
        ServerConfig restarted = EmbeddedServer.afterRestart(retargeted, 40123);
        assertEquals(40123, restarted.port(), "the port its miners know");
        assertEquals(BigInteger.valueOf(64), restarted.difficulty());
        assertEquals(8, restarted.window());
        assertEquals(100_000_000L, restarted.blockIntervalNs());
        assertEquals(10, restarted.seed(), "another chain: its jobs are new jobs");
        assertEquals(START.dialect(), restarted.dialect());
        assertEquals(START.maxConnections(), restarted.maxConnections());
    }

    @Test
    void anActionThatChangesNothingLeavesTheSettingsAlone() {
        assertEquals(START, EmbeddedServer.afterChanges(START, Phase.ServerAction.NONE));
    }
}

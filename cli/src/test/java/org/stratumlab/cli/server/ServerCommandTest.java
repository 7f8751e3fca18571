package org.stratumlab.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stratumlab.cli.CliRun;

@Timeout(30)
class ServerCommandTest {
    @Test
    void aPortInUseIsOneLineNamingTheAddressAndExitCodeTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("server", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err()
                    .startsWith("stratumlab server: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + ": "),
                    run.err());
            assertTrue(run.err().contains("; choose another --port or --host"), run.err());
            assertFalse(run.err().contains("internal error"), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void aMetricsPortInUseNamesTheMetricsOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("server", "--port", "0", "--metrics-port",
                    String.valueOf(taken.getLocalPort()));
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("stratumlab server: cannot serve metrics on 127.0.0.1:"
                    + taken.getLocalPort() + ": "), run.err());
            assertTrue(run.err().contains("; choose another --metrics-port"), run.err());
            assertFalse(run.err().contains("--port or --host"), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
            assertEquals("", run.out(), "the server never said it listens");
        }
    }
}

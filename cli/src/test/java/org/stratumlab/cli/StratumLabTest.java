package org.stratumlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StratumLabTest {
    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("pow"), run.out());
        assertTrue(run.out().contains("Exit codes:"), run.out());
    }

    @Test
    void versionNamesTheProjectAndTheJvm() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("stratumlab "), run.out());
        assertTrue(run.out().contains(System.getProperty("java.version")), run.out());
    }

    @Test
    void unknownSubcommandIsOneLineAndExitCodeTwo() {
        CliRun run = CliRun.of("frobnicate");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("frobnicate"), run.err());
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertEquals("stratumlab: a subcommand is required (see 'stratumlab --help')", run.err().strip());
    }
}

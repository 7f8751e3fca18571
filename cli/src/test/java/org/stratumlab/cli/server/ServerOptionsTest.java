package org.stratumlab.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stratumlab.cli.CliRun;
import org.stratumlab.loadgen.simulator.ServerSetting;
import org.stratumlab.loadgen.simulator.ServerSettings;
import org.stratumlab.loadgen.testing.ServerConfigs;
import org.stratumlab.server.ServerConfig;
import picocli.CommandLine;

/**
 * The options made from the settings table read back what the table writes, for every component of
 * {@link ServerConfig} (the other forms are checked in loadgen's ServerSettingsTest).
 */
class ServerOptionsTest {
    private static final int ROUNDS = 200;

    @Test
    void randomSettingsReadBackFromTheCommandLine() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < ROUNDS; i++) {
            ServerConfig config = ServerConfigs.random(random);
            List<String> args = args(config);
            assertEquals(config, parse(args), "seed " + seed + ", round " + i + ": " + args);
        }
    }

    @Test
    void everyComponentOfTheConfigIsReachableFromTheCommandLine() {
        ServerConfig defaults = ServerConfig.builder().build();
        for (RecordComponent component : ServerConfig.class.getRecordComponents()) {
            ServerConfig one = ServerConfigs.with(defaults, component, ServerConfigs.everyComponentChanged());
            assertEquals(one, parse(args(one)), component.getName());
        }
    }

    @Test
    void helpListsEverySettingWithItsDescription() {
        CliRun run = CliRun.of("server", "--help");
        assertEquals(0, run.exitCode(), run.err());
        String help = run.out().replaceAll("\\s+", " ");
        for (ServerSetting<?> s : ServerSettings.all()) {
            assertTrue(help.contains("--" + s.key()), s.key() + " missing from:\n" + run.out());
            assertTrue(help.contains(s.description().replaceAll("\\s+", " ").substring(0, 20)), s.key());
        }
        assertTrue(help.contains("--new-job-on-solution[=BOOL]"), run.out());
        assertTrue(help.contains("[--password=P | --secret=HEX]"), run.out());
    }

    private static List<String> args(ServerConfig config) {
        return ServerSettings.write(config).entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList();
    }

    private static ServerConfig parse(List<String> args) {
        CommandLine.ParseResult parsed = new CommandLine(ServerOptions.mixin())
                .parseArgs(args.toArray(String[]::new));
        return ServerOptions.toConfig(parsed, ServerConfig.builder());
    }
}

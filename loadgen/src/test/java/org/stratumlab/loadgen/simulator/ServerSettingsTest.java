package org.stratumlab.loadgen.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.scenario.ScenarioException;
import org.stratumlab.loadgen.scenario.ScenarioLoader;
import org.stratumlab.loadgen.testing.ServerConfigs;
import org.stratumlab.server.ServerConfig;
import org.stratumlab.server.ServerSecret;

/**
 * Every form the settings table makes reads back what it wrote: the fork pipe's JSON line and the scenario file's
 * {@code target.embedded} (the command line's form is checked in cli). And every component of {@link ServerConfig}
 * has a row, so that a component added without one fails here.
 */
class ServerSettingsTest {
    private static final int ROUNDS = 200;

    @TempDir
    Path dir;

    @Test
    void randomSettingsReadBackFromTheForkPipeAndTheScenarioFile() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < ROUNDS; i++) {
            ServerConfig config = ServerConfigs.random(random);
            String why = "seed " + seed + ", round " + i + ": " + ServerSettings.write(config);
            assertEquals(config, ForkProtocol.parseConfig(ForkProtocol.configLine(config)), why);
            assertEquals(config, viaScenarioFile(config), why);
        }
    }

    @Test
    void everyComponentOfTheConfigHasARowAndReachesEveryForm() throws Exception {
        ServerConfig defaults = ServerConfig.builder().build();
        ServerConfig changed = ServerConfigs.everyComponentChanged();
        for (RecordComponent component : ServerConfig.class.getRecordComponents()) {
            String name = component.getName();
            assertNotEquals(ServerConfigs.value(component, defaults), ServerConfigs.value(component, changed),
                    name + ": ServerConfigs.everyComponentChanged() must change it");
            assertTrue(ServerSettings.all().stream().anyMatch(s -> s.component().equals(name)),
                    name + " has no row in ServerSettings");
            ServerConfig one = ServerConfigs.with(defaults, component, changed);
            assertEquals(one, ForkProtocol.parseConfig(ForkProtocol.configLine(one)),
                    name + " on the fork pipe");
            assertEquals(one, viaScenarioFile(one), name + " in a scenario file");
        }
    }

    @Test
    void aPasswordIsReadAsItsSecretAndExcludesTheSecret() {
        ServerConfig config = ServerSettings.read(Map.of("password", "pw"), ServerConfig.builder());
        assertEquals(ServerSecret.ofPassword("pw"), config.secret());
        Map<String, String> both = new LinkedHashMap<>();
        both.put("password", "pw");
        both.put("secret", ServerSecret.ofPassword("pw").toHex());
        assertEquals("secret: give password or secret, not both", assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.read(both, ServerConfig.builder())).getMessage());
    }

    @Test
    void theEchoKeepsItsNamesAndNeverHoldsTheSecret() {
        ServerConfig config = ServerConfigs.everyComponentChanged();
        Map<String, Object> echo = ServerSettings.echo(config);
        assertEquals("77", echo.get("difficulty"));
        assertEquals(8, echo.get("window"));
        assertEquals("doc", echo.get("dialect"));
        assertEquals(250.0, echo.get("blockIntervalMs"));
        assertEquals(false, echo.get("newJobOnSolution"));
        assertEquals(true, echo.get("notifyOnSubscribe"));
        assertEquals(true, echo.get("passwordRequired"));
        assertEquals(config.ioThreads(), echo.get("ioThreads"));
        assertFalse(echo.containsKey("secret") || echo.containsKey("password"), echo.toString());
        assertFalse(echo.toString().contains(config.secret().toHex()), echo.toString());
        assertEquals(false, ServerSettings.echo(ServerConfig.builder().build()).get("passwordRequired"));
    }

    private ServerConfig viaScenarioFile(ServerConfig config) throws IOException {
        StringBuilder yaml = new StringBuilder("target:\n  embedded:\n");
        ServerSettings.write(config).forEach((key, text) -> yaml.append("    ").append(key).append(": '")
                .append(text.replace("'", "''")).append("'\n"));
        yaml.append("phases:\n  - duration: 1s\n    miners: 2\n");
        Path file = Files.writeString(dir.resolve("settings.yaml"), yaml.toString());
        try {
            return ScenarioLoader.load(file, List.of()).embedded();
        } catch (ScenarioException e) {
            throw new AssertionError(yaml.toString(), e);
        }
    }
}

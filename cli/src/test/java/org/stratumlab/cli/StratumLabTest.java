package org.stratumlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
    void everyCommandPrintsTheVersionWithEitherFlag() {
        List<List<String>> commands = commandsWithVersionOption();
        assertTrue(commands.size() >= 12, "every subcommand, to any depth: " + commands);
        for (List<String> command : commands) {
            for (String flag : List.of("-V", "--version")) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertEquals(0, run.exitCode(), args + ": " + run.err());
                assertTrue(run.out().startsWith("stratumlab "), args + " printed '" + run.out() + "'");
                assertTrue(run.out().contains(System.getProperty("java.version")), args + ": " + run.out());
            }
        }
    }

    @Test
    void helpExamplesAreNeverWrappedMidCommand() {
        int width = StratumLab.commandLine().getUsageHelpWidth();
        for (List<String> command : commandsWithVersionOption()) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            List<String> help = CliRun.of(args.toArray(String[]::new)).out().lines().toList();
            boolean inExamples = false;
            String previous = "";
            for (String line : help) {
                if (line.startsWith("Example")) {
                    inExamples = true;
                } else if (line.isBlank()) {
                    inExamples = false;
                } else if (inExamples) {
                    // A wrapped line would start at column 0; a continued command says so with a backslash.
                    assertTrue(line.startsWith("  "),
                            args + ": '" + line + "' is a wrapped piece of a command");
                    assertTrue(line.length() <= width, args + ": '" + line + "' is wider than " + width);
                    assertTrue(!line.startsWith("      ") || previous.endsWith(" \\"),
                            args + ": '" + line + "' continues a line that does not end with a backslash");
                }
                previous = line;
            }
        }
    }

    /** @return the argument path of every command that has -V, e.g. [pow, check] */
    private static List<List<String>> commandsWithVersionOption() {
        List<List<String>> paths = new ArrayList<>();
        collect(StratumLab.commandLine(), List.of(), paths);
        return paths;
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> paths) {
        if (cmd.getCommandSpec().findOption("-V") != null) {
            paths.add(path);
        }
        cmd.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // aliases would repeat a command
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                collect(sub, subPath, paths);
            }
        });
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

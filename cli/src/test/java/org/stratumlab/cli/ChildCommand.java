package org.stratumlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code stratumlab} command as a new JVM on the tests' class path, as a user runs it. */
public final class ChildCommand {
    private ChildCommand() {
    }

    /**
     * @param jvmOptions options of the child JVM, before its class path
     * @param args the command's arguments
     * @return the command line
     */
    public static List<String> of(List<String> jvmOptions, String... args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StratumLab.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Reads a child's output line by line into {@code lines} until it closes: run it on a thread of its own.
     *
     * @param process the child, its stderr redirected into its stdout
     * @param lines where each line goes
     */
    public static void readLines(Process process, List<String> lines) {
        try (BufferedReader in = process.inputReader()) {
            in.lines().forEach(lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

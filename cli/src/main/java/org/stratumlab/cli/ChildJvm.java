package org.stratumlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stratumlab.loadgen.simulator.ForkProtocol;

/**
 * A {@code stratumlab} command in a JVM of its own, as {@code run --repeat} and {@code run --shards N --local}
 * start them: the java, the JVM options worth passing on and the class path of this JVM, so that the child runs
 * the same code on the same JVM; its output is copied to ours, line by line.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param arguments the arguments of {@code stratumlab}, e.g. {@code run FILE --out DIR}
     * @return the whole command line of the child JVM
     */
    public static List<String> command(List<String> arguments) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(
                ForkProtocol.forwardedJvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StratumLab.class.getName()));
        command.addAll(arguments);
        return command;
    }

    /**
     * @param arguments the arguments of {@code stratumlab}
     * @param environment variables the child gets besides ours
     * @return the started child, its standard input closed
     * @throws IOException if it cannot be started
     */
    public static Process start(List<String> arguments, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(arguments));
        builder.environment().putAll(environment);
        Process child = builder.start();
        child.getOutputStream().close();
        return child;
    }

    /**
     * Copies a child's output to ours until it ends.
     *
     * @param from the child's stdout or stderr
     * @param to where its lines go
     * @param prefix put before each line (empty for none)
     */
    public static void copy(InputStream from, PrintWriter to, String prefix) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (to) {
                    to.println(prefix + line);
                    to.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param from the child's stdout or stderr
     * @param to where its lines go
     * @param prefix put before each line
     * @param name the thread's name
     * @return a started daemon thread copying it, to join once the child has ended
     */
    public static Thread copying(InputStream from, PrintWriter to, String prefix, String name) {
        Thread thread = new Thread(() -> copy(from, to, prefix), name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}

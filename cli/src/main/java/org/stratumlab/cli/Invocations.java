package org.stratumlab.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.stratumlab.results.Summary;
import picocli.CommandLine.Model.CommandSpec;

/** What a run's summary records of the command that made it: a result is reproducible only with it. */
public final class Invocations {
    private Invocations() {
    }

    /**
     * @param spec the running subcommand
     * @param overrides the scenario's {@code --set} overrides, or an empty list
     * @return the command line as typed, the overrides, the version and the JVM's options
     */
    public static Summary.Invocation of(CommandSpec spec, List<String> overrides) {
        List<String> commandLine = new ArrayList<>();
        commandLine.add("stratumlab");
        commandLine.addAll(spec.root().commandLine().getParseResult().originalArgs());
        return new Summary.Invocation(commandLine, overrides, VersionProvider.version(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), gitCommit());
    }

    /**
     * The checkout's commit, as {@code git} reports it (the launcher runs from the repository root): a few
     * milliseconds once per run; empty when there is no git or no checkout.
     */
    static String gitCommit() {
        try {
            String head = run("git", "rev-parse", "HEAD");
            if (head.isEmpty()) {
                return "";
            }
            boolean dirty = !run("git", "status", "--porcelain", "--untracked-files=no").isEmpty();
            return dirty ? head + "-dirty" : head;
        } catch (IOException e) {
            return ""; // no git here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process git = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .strip();
        return git.waitFor() == 0 ? out : "";
    }
}

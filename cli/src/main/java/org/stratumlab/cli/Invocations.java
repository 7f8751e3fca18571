package org.stratumlab.cli;

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
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}

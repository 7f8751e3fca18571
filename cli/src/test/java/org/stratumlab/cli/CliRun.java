package org.stratumlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the command line as main() would do it, with stdout, stderr and the exit code captured. */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun of(String... args) {
        return with(CommandLine.defaultFactory(), args);
    }

    /** The same with subcommands made by {@code factory}, e.g. given a small file descriptor limit. */
    public static CliRun with(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = StratumLab.commandLine(factory);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exitCode = cmd.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}

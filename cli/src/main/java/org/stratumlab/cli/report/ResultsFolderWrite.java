package org.stratumlab.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What {@code report index} and {@code report attacks} share: write a file from a results folder, print where it
 * went, and turn a bad folder (missing, a malformed summary.json) into one line and exit code 2.
 */
final class ResultsFolderWrite {
    /** Writes a file from a results folder. */
    @FunctionalInterface
    interface Writer {
        Path write(Path resultsDir) throws IOException;
    }

    private ResultsFolderWrite() {
    }

    /**
     * @param spec the command, for its output and its usage errors
     * @param dir the results folder
     * @param verb what the command does to it, for the I/O error's line (e.g. {@code index})
     * @param writer what writes the file
     * @return the exit code: 0
     * @throws ParameterException for a bad folder or a failed write, in one line
     */
    static int run(CommandLine.Model.CommandSpec spec, Path dir, String verb, Writer writer) {
        try {
            spec.commandLine().getOut().println("wrote " + writer.write(dir));
            return 0;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot " + verb + " " + dir + " (" + e + ")");
        }
    }
}

package org.stratumlab.results;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes and reads a repeated run's {@code runs.json} through {@link RunSet}, as {@link SummaryFile} does
 * {@code summary.json}: a missing or mistyped key is one line naming the file and the key, and keys this version
 * does not know are ignored.
 */
public final class RunSetFile {
    private RunSetFile() {
    }

    /**
     * @param set the aggregate
     * @param file where to write it
     * @throws IOException if it cannot be written
     */
    public static void write(RunSet set, Path file) throws IOException {
        SummaryFile.writeValue(set, file);
    }

    /**
     * @param file a runs.json
     * @return what it says
     * @throws IllegalArgumentException if it is missing, unreadable, not JSON or lacks a key, naming the file
     */
    public static RunSet read(Path file) {
        return SummaryFile.parse(SummaryFile.text(file), file.toString(), RunSet.class);
    }
}

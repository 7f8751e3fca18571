package org.stratumlab.loadgen.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes scenario files for the tests of this package: real files, read back by {@link ScenarioLoader}. */
final class ScenarioFiles {
    /** The smallest valid body: one phase of two miners. */
    static final String ONE_PHASE = """
            phases:
              - duration: 1s
                miners: 2
            """;

    private ScenarioFiles() {
    }

    /**
     * @return the repository's {@code scenarios/}, found by walking up from the working directory (the module's)
     * @throws IllegalStateException when there is none above it
     */
    static Path shippedDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scenarios/smoke.yaml"))) {
                return dir.resolve("scenarios");
            }
        }
        throw new IllegalStateException("no scenarios/smoke.yaml above " + Path.of("").toAbsolutePath());
    }

    /**
     * @param dir where to write
     * @param fileName the file's name, e.g. {@code broken.yaml}
     * @param yaml the content
     * @return the file
     */
    static Path write(Path dir, String fileName, String yaml) {
        try {
            return Files.writeString(dir.resolve(fileName), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.stratumlab.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The folder a run writes to ({@code --out}, or the default under {@code results/}), claimed before anything
 * starts: a run that cannot write its results must not start an embedded server and miners first, and a run
 * never overwrites another run's results.
 */
public final class RunFolder {
    private RunFolder() {
    }

    /**
     * Creates the folder if needed and checks that this run may write there.
     *
     * @param dir the run folder
     * @throws IllegalArgumentException one line naming {@code --out} and the reason: a file is there, the folder
     *         already holds files, it cannot be created or it is not writable
     */
    public static void claim(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw problem(dir, "is a file, not a folder");
        }
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            throw problem(dir, "already holds files; a run never overwrites another's results: give a new or "
                    + "empty folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileSystemException e) {
            throw problem(dir, "cannot be created: '" + e.getFile() + "': " + reason(e));
        } catch (IOException e) {
            throw problem(dir, "cannot be created: " + e.getMessage());
        }
        if (!Files.isWritable(dir)) {
            throw problem(dir, "is not writable");
        }
    }

    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is there, not a folder";
        }
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw problem(dir, "cannot be read: " + e.getMessage());
        }
    }

    private static IllegalArgumentException problem(Path dir, String reason) {
        return new IllegalArgumentException("--out: '" + dir + "' " + reason);
    }
}

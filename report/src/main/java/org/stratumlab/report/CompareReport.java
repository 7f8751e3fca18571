package org.stratumlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders two runs side by side into one self-contained HTML file: both runs' headers, every key figure and
 * outcome of A and B with the change from A to B (e.g. {@code +12.3%}), and the latency percentile spectra of A
 * and B overlaid. Used to compare a change against a baseline, or one machine against another.
 */
public final class CompareReport {
    private CompareReport() {
    }

    /**
     * @param a the baseline run directory
     * @param b the run compared with it
     * @param outFile the HTML file to write (its folder must exist)
     * @return {@code outFile}
     * @throws IllegalArgumentException if a run directory or one of its files is missing or malformed
     * @throws IOException if the file cannot be written
     */
    public static Path render(Path a, Path b, Path outFile) throws IOException {
        String html = ComparePage.html(RunData.load(a), RunData.load(b));
        Files.writeString(outFile, html, StandardCharsets.UTF_8);
        return outFile;
    }

    /**
     * The default output of a comparison: {@code compare-<A's name>-vs-<B's name>.html} in A's parent folder, next
     * to the runs (e.g. in {@code results/runs/}, which git ignores), rather than wherever the command was typed.
     *
     * @param a the baseline run directory
     * @param b the run compared with it
     * @return where to write the comparison
     */
    public static Path defaultOutFile(Path a, Path b) {
        Path absoluteA = a.toAbsolutePath().normalize();
        Path folder = absoluteA.getParent() != null ? absoluteA.getParent() : absoluteA;
        return folder.resolve("compare-" + name(absoluteA) + "-vs-" + name(b.toAbsolutePath().normalize())
                + ".html");
    }

    private static String name(Path dir) {
        Path name = dir.getFileName();
        return name == null ? "root" : name.toString();
    }
}

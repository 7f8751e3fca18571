package org.stratumlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a run directory's {@code report.html} (docs/architecture.md, "What a run writes"): one self-contained page (inline
 * CSS and SVG, no scripts, no network) with the run's header, key figures, thresholds and charts: the latency
 * percentile spectrum, notify skew, throughput, miners and submit latency over time, and outcomes by reason.
 *
 * <p>Reads {@code summary.json} and {@code latency.hlog} (required) and {@code timeseries.csv} (optional: without
 * it the charts over time are left out). Calling it again re-renders the page from the same files.
 */
public final class RunReport {
    /** The report's file name inside a run directory. */
    public static final String FILE_NAME = "report.html";

    private RunReport() {
    }

    /**
     * @param runDir a run directory, as {@code stratumlab loadgen} or {@code stratumlab run} leave it
     * @return the written {@code runDir/report.html}
     * @throws IllegalArgumentException if the directory or one of its files is missing or malformed; the
     *         one-line message names the file and what is wrong
     * @throws IOException if the report cannot be written
     */
    public static Path render(Path runDir) throws IOException {
        RunData run = RunData.load(runDir);
        Path file = runDir.resolve(FILE_NAME);
        Files.writeString(file, RunPage.html(run), StandardCharsets.UTF_8);
        return file;
    }
}

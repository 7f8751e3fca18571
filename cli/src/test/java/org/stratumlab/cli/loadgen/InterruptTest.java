package org.stratumlab.cli.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.ChildCommand;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.testing.Await;

/**
 * SIGTERM (handled as Ctrl-C's SIGINT is) in the middle of a run:
 * {@code stratumlab} as a process of its own, as a user runs it, drains, writes a complete run folder marked
 * interrupted, renders its report, and exits 130.
 */
@Timeout(120)
class InterruptTest {
    @TempDir
    Path out;

    @Test
    void aSignalMidRunLeavesACompleteRenderedInterruptedRunAndExits130() throws Exception {
        Process process = new ProcessBuilder(ChildCommand.of(List.of(), "loadgen", "--miners", "5",
                "--duration", "10m",
                "--solve-rate", "5", "--out", out.toString(), "--io-threads", "1", "--server.difficulty=1",
                "--server.block-interval=0", "--server.new-job-on-solution=false",
                "--server.notify-on-subscribe",
                "--server.io-threads=1")).redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> ChildCommand.readLines(process, lines), "child-output");
        reader.start();
        try {
            Await.until("its progress line shows accepted submits",
                    () -> lines.stream().anyMatch(l -> l.matches("\\s*\\d+s/600s .* accepted [1-9].*")),
                    lines::toString, Duration.ofSeconds(60));
            // SIGTERM; Process.destroy() would send the same but close the output before the reader has it all.
            assertTrue(process.toHandle().destroy(), "SIGTERM sent");
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "it ends: " + lines);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly(); // only on failure: it closes the output before the reader has it all
            }
        }
        reader.join();
        assertEquals(ExitCode.INTERRUPTED.code(), process.exitValue(), lines.toString());
        assertTrue(
                lines.stream().anyMatch(l -> l.matches("stratumlab loadgen: interrupted after [0-9.]+ s of "
                        + "600 s; the results so far are written, marked interrupted")),
                lines.toString());

        Summary summary = SummaryFile.read(out.resolve(SummaryFile.FILE_NAME));
        assertTrue(summary.interrupted(), "marked interrupted");
        assertEquals(600.0, summary.plannedDurationS());
        assertTrue(summary.gotGoing(), "an interrupted run is not judged as one that never got going");
        Summary.Submits submits = summary.submits();
        assertTrue(submits.accepted() > 0, submits.toString());
        assertEquals(submits.sent(), submits.accepted() + submits.rejectedTotal() + submits.errors()
                + submits.unanswered(), "every submit sent has its outcome: " + submits);
        for (String file : List.of("latency.hlog", "timeseries.csv")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("INTERRUPTED"), "banner");
        assertTrue(report.matches("(?s).*interrupted after [0-9.]+ s of 600 s.*"), "how far it got");
        assertTrue(report.trim().endsWith("</html>"), "the report is complete");
    }
}

package org.stratumlab.cli.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.cli.ChildCommand;
import org.stratumlab.cli.CliRun;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import org.stratumlab.testing.Await;

/**
 * SIGKILL in the middle of a run, which gives it no chance to clean up: the run folder still holds a summary (its
 * last checkpoint) that parses, says it is partial and when it ends, has submits that add up, and renders.
 */
@Timeout(120)
class KilledRunTest {
    @TempDir
    Path out;

    @Test
    void aKilledRunLeavesAReadablePartialSummaryThatRenders() throws Exception {
        Process process = new ProcessBuilder(ChildCommand.of(List.of(), "loadgen", "--miners", "5",
                "--duration", "10m", "--solve-rate", "5", "--out", out.toString(), "--io-threads", "1",
                "--server.difficulty=1", "--server.block-interval=0", "--server.new-job-on-solution=false",
                "--server.notify-on-subscribe", "--server.io-threads=1"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path file = out.resolve(SummaryFile.FILE_NAME);
        try {
            Await.until("a checkpoint with accepted submits", () -> checkpointAccepted(file) > 0,
                    () -> "summary.json exists: " + Files.exists(file), Duration.ofSeconds(60));
            process.destroyForcibly(); // SIGKILL on Linux
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "it ends");
        } finally {
            process.destroyForcibly();
        }
        assertEquals(137, process.exitValue(), "killed by SIGKILL (128 + 9)");

        Summary summary = SummaryFile.read(file);
        assertTrue(summary.partial(), "marked partial");
        assertTrue(summary.checkpointAt() != null && !summary.interrupted(), summary.toString());
        Summary.Submits submits = summary.submits();
        assertTrue(submits.accepted() > 0, submits.toString());
        assertEquals(submits.sent(), submits.accepted() + submits.rejectedTotal() + submits.errors()
                + submits.unanswered(), "every submit sent has its outcome: " + submits);
        assertEquals(600.0, summary.plannedDurationS());

        CliRun report = CliRun.of("report", out.toString());
        assertEquals(0, report.exitCode(), report.toString());
        assertTrue(report.out().contains("a partial run ending at " + summary.checkpointAt()), report.out());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("PARTIAL"), "banner");
        assertTrue(html.contains("a partial run ending at " + summary.checkpointAt()), "when it ends");
        assertTrue(html.trim().endsWith("</html>"), "the report is complete");
    }

    /** @return accepted submits in the folder's checkpoint, or 0 while there is none */
    private static long checkpointAccepted(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        Summary summary = SummaryFile.read(file); // written atomically: never half a file
        return summary.partial() ? summary.submits().accepted() : 0;
    }
}

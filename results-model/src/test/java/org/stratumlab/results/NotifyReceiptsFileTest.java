package org.stratumlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notify-receipts.jsonl through its one class: written, read back whole, and a broken line named. */
class NotifyReceiptsFileTest {
    @TempDir
    Path tmp;

    private static Histogram offsets(long... values) {
        Histogram h = new Histogram(3);
        for (long v : values) {
            h.recordValue(v);
        }
        return h;
    }

    @Test
    void linesComeBackAsWrittenInOrder() throws IOException {
        Path file = tmp.resolve(NotifyReceiptsFile.FILE_NAME);
        List<NotifyReceiptsFile.JobReceipts> jobs = List.of(
                new NotifyReceiptsFile.JobReceipts("0x" + "a1".repeat(32), 1_764_655_938_123_456L, 5,
                        offsets(0, 12, 250, 250)),
                new NotifyReceiptsFile.JobReceipts("0x" + "b2".repeat(32), 1_764_655_938_623_456L, 3,
                        offsets()));
        try (NotifyReceiptsFile.Writer writer = NotifyReceiptsFile.Writer.create(file)) {
            for (NotifyReceiptsFile.JobReceipts job : jobs) {
                writer.write(job);
            }
        }
        assertEquals(2, Files.readAllLines(file).size(), "one line per job");
        List<NotifyReceiptsFile.JobReceipts> back = NotifyReceiptsFile.read(file);
        assertEquals(jobs, back);
        assertEquals(4, back.get(0).offsetsUs().getTotalCount());
        assertEquals(0, back.get(0).offsetsUs().getMinValue(), "the first receipt's offset is 0");
        assertThrows(IOException.class, () -> NotifyReceiptsFile.Writer.create(file).close(),
                "an existing file is never overwritten");
    }

    @Test
    void theHistogramIsEncodedAsLatencyHlogEncodesItsOwn() {
        Histogram h = offsets(3, 40, 40, 9_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter log = new HistogramLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        log.outputIntervalHistogram(0, 1, h, 1.0);
        String logLine = bytes.toString(StandardCharsets.UTF_8).strip();
        String encoded = logLine.substring(logLine.lastIndexOf(',') + 1);
        String line = NotifyReceiptsFile.toLine(new NotifyReceiptsFile.JobReceipts("0x01", 1, 4, h));
        assertTrue(line.contains("\"offsetsUs\":\"" + encoded + "\""), line + " vs " + logLine);
        assertEquals(
                "{\"powHash\":\"0x01\",\"firstReceiptUs\":1,\"receipts\":4,\"offsetsUs\":\"" + encoded
                        + "\"}",
                line);
    }

    @Test
    void aBrokenLineIsNamedWithTheFileTheLineAndTheKey() throws IOException {
        Path file = tmp.resolve(NotifyReceiptsFile.FILE_NAME);
        String good = NotifyReceiptsFile
                .toLine(new NotifyReceiptsFile.JobReceipts("0x01", 1, 2, offsets(0, 5)));
        Files.writeString(file, good + "\n" + good.replace("\"receipts\":2,", "") + "\n");
        assertEquals(file + " line 2: receipts is missing",
                assertThrows(IllegalArgumentException.class, () -> NotifyReceiptsFile.read(file))
                        .getMessage());
        Files.writeString(file, good.replace("\"receipts\":2", "\"receipts\":1") + "\n");
        assertEquals(file + " line 1: receipts (1) must be at least the offsets' count (2)",
                assertThrows(IllegalArgumentException.class, () -> NotifyReceiptsFile.read(file))
                        .getMessage());
        Files.writeString(file,
                good.replaceFirst("\"offsetsUs\":\"[^\"]+\"", "\"offsetsUs\":\"bm90IGEgaGlzdG9ncmFt\""));
        assertEquals(file + " line 1: offsetsUs is not a compressed, base64-encoded HdrHistogram",
                assertThrows(IllegalArgumentException.class, () -> NotifyReceiptsFile.read(file))
                        .getMessage());
        assertEquals(tmp.resolve("none.jsonl") + ": not found", assertThrows(IllegalArgumentException.class,
                () -> NotifyReceiptsFile.read(tmp.resolve("none.jsonl"))).getMessage());
    }
}

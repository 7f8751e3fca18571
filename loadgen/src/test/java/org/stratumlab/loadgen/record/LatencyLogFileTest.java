package org.stratumlab.loadgen.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.results.Metric;

/**
 * latency.hlog written by {@link LatencyLogWriter} and read back by {@link LatencyLogFile}: every metric's
 * histogram of every sample comes back equal, with its timestamps to the millisecond (a merge aligns and judges
 * the warm-up on them); HdrHistogram's own reader still reads the file.
 */
class LatencyLogFileTest {
    /** An odd base time: seconds with milliseconds that a double does not hold exactly. */
    private static final long BASE_MS = 1_764_655_938_123L;

    @TempDir
    Path dir;

    @Test
    void everySampleComesBackWithItsHistogramsAndExactTimestamps() throws IOException {
        Path file = dir.resolve("latency.hlog");
        long[] startsMs = {BASE_MS + 1, BASE_MS + 1_000, BASE_MS + 4_999, BASE_MS + 5_001, BASE_MS + 123_457};
        List<List<Histogram>> written = new ArrayList<>();
        try (LatencyLogWriter log = new LatencyLogWriter(file, BASE_MS)) {
            for (int i = 0; i < startsMs.length; i++) {
                List<Histogram> sample = new ArrayList<>();
                for (Metric metric : Metric.values()) {
                    Histogram h = new Histogram(3);
                    for (int k = 0; k <= i; k++) {
                        h.recordValueWithCount(17L * (metric.ordinal() + 1) * (k + 1) + 1_000_003L * i,
                                k + 1);
                    }
                    h.setStartTimeStamp(startsMs[i]);
                    h.setEndTimeStamp(startsMs[i] + 997 + i);
                    log.write(metric, h);
                    sample.add(h.copy());
                }
                written.add(sample);
            }
        }

        LatencyLogFile read = LatencyLogFile.read(file);
        assertEquals(BASE_MS, read.baseEpochMs());
        assertEquals(startsMs.length, read.samples().size());
        for (int i = 0; i < startsMs.length; i++) {
            for (Metric metric : Metric.values()) {
                Histogram back = read.samples().get(i).of(metric);
                Histogram sent = written.get(i).get(metric.ordinal());
                assertEquals(sent, back, metric + " of sample " + i);
                assertEquals(startsMs[i], back.getStartTimeStamp(), metric + " of sample " + i);
                assertEquals(startsMs[i] + 997 + i, back.getEndTimeStamp(), metric + " of sample " + i);
            }
        }
        assertTrue(LagWarmUp.isAfter(read.samples().get(3).of(Metric.LAG).getStartTimeStamp(), BASE_MS));
        assertTrue(!LagWarmUp.isAfter(read.samples().get(2).of(Metric.LAG).getStartTimeStamp(), BASE_MS));

        // HdrHistogram's reader reads it too: every tag's intervals, and the submits once more untagged.
        int intervals = 0;
        try (InputStream in = Files.newInputStream(file)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader
                    .nextIntervalHistogram()) {
                intervals++;
            }
        }
        assertEquals(startsMs.length * (Metric.values().length + 1), intervals);
    }

    @Test
    void aTagThisVersionDoesNotKnowIsAnErrorNamingTheFileAndLine() throws IOException {
        Path file = dir.resolve("latency.hlog");
        try (LatencyLogWriter log = new LatencyLogWriter(file, BASE_MS)) {
            Histogram h = new Histogram(3);
            h.setStartTimeStamp(BASE_MS);
            h.setEndTimeStamp(BASE_MS + 1000);
            log.write(Metric.CONNECT, h);
        }
        String text = Files.readString(file).replace("Tag=connect,", "Tag=reconnect,");
        Files.writeString(file, text);
        int line = text.lines().toList().indexOf(
                text.lines().filter(l -> l.startsWith("Tag=reconnect,")).findFirst().orElseThrow()) + 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatencyLogFile.read(file));
        assertEquals(file + ": line " + line + ": tag 'reconnect' is not one this version knows",
                e.getMessage());
    }
}

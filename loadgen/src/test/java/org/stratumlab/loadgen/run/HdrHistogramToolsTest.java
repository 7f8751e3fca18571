package org.stratumlab.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stratumlab.loadgen.testing.Fleets;
import org.stratumlab.loadgen.testing.RunFiles;
import org.stratumlab.loadgen.testing.Runs;
import org.stratumlab.results.Metric;

/**
 * What a run writes for HdrHistogram's own tools, read by those tools: the interval log by
 * {@code HistogramLogReader} and {@code HistogramLogProcessor} as a user would run them, and the {@code .hgrm}
 * percentile files in the format wrk2 writes and HdrHistogram's plotter reads.
 */
@Timeout(30)
class HdrHistogramToolsTest {
    /** A line of a percentile distribution: value, percentile, total count, 1/(1-percentile) (absent at 100 %). */
    private static final Pattern PERCENTILE_ROW = Pattern
            .compile(" +\\d+\\.\\d{3} +[01]\\.\\d{12} +\\d+( +(\\d+\\.\\d{2}|Infinity))?");
    private static final Pattern MAX_AND_COUNT = Pattern
            .compile("#\\[Max {5}= +(\\d+\\.\\d{3}), Total count {4}= +(\\d+)]");

    @TempDir
    static Path out;

    @BeforeAll
    static void run() throws Exception {
        Runs.run(Runs.config(Fleets.of(4, 20).build(), null, Runs.steadyServer().build(), 2000, out));
    }

    @Test
    void noIntervalStartsBeforeTheLogDoes() throws IOException {
        // HistogramLogProcessor skips an interval that starts before the log's start time: its samples would
        // vanish from what the tool reports.
        try (var in = Files.newInputStream(out.resolve(Metric.LATENCY_LOG_FILE))) {
            HistogramLogReader reader = new HistogramLogReader(in);
            EncodableHistogram interval;
            int intervals = 0;
            while ((interval = reader.nextIntervalHistogram()) != null) {
                intervals++;
                assertTrue(interval.getStartTimeStamp() >= (long) (reader.getStartTimeSec() * 1000),
                        "interval " + intervals + " starts at " + interval.getStartTimeStamp()
                                + " ms, the log at "
                                + reader.getStartTimeSec() + " s");
            }
            assertTrue(intervals > 0);
        }
    }

    @Test
    void untaggedIntervalsAreTheSubmitsSoThatToolsWithoutATagReadThem() throws IOException {
        List<Histogram> intervals = RunFiles.intervals(out);
        long untagged = intervals.stream().filter(h -> h.getTag() == null).mapToLong(Histogram::getTotalCount)
                .sum();
        long submits = RunFiles.summary(out).get("latencyUs").get("submit").get("count").asLong();
        assertTrue(submits > 0, "the run submitted nothing");
        assertEquals(submits, untagged);
        assertEquals(RunFiles.latencyByTag(out).get(Metric.SUBMIT.tag()).getTotalCount(), untagged);
    }

    @Test
    void theHeaderListsExactlyTheTagsTheFileHolds() throws IOException {
        String header = Files.readAllLines(out.resolve(Metric.LATENCY_LOG_FILE)).get(0);
        Matcher listed = Pattern.compile("tags: ([a-z, -]+);").matcher(header);
        assertTrue(listed.find(), header);
        List<String> inHeader = List.of(listed.group(1).split(", ")).stream().sorted().toList();
        List<String> inFile = RunFiles.intervals(out).stream().map(Histogram::getTag)
                .filter(tag -> tag != null).distinct().sorted().toList();
        assertEquals(inFile, inHeader, header);
        assertEquals(Metric.values().length, inFile.size());
    }

    @Test
    void histogramLogProcessorReadsThePlainLogAsUsersRunIt() throws IOException {
        Path processed = out.resolve("processed");
        // In process, what `java -cp HdrHistogram.jar org.HdrHistogram.HistogramLogProcessor -i latency.hlog
        // -o processed` does (no -tag): the constructor parses the arguments, run() reads and writes.
        new HistogramLogProcessor(new String[]{"-i", out.resolve(Metric.LATENCY_LOG_FILE).toString(), "-o",
                processed.toString()}).run();

        List<String> timeline = Files.readAllLines(processed);
        assertTrue(timeline.stream().anyMatch(l -> l.startsWith("Time: IntervalPercentiles")), timeline
                .toString());
        String hgrm = Files.readString(Path.of(processed + ".hgrm"));
        long submits = RunFiles.summary(out).get("latencyUs").get("submit").get("count").asLong();
        Matcher total = MAX_AND_COUNT.matcher(hgrm);
        assertTrue(total.find(), hgrm);
        assertEquals(submits, Long.parseLong(total.group(2)), hgrm);
    }

    @Test
    void percentileFilesHaveHdrHistogramsFormatAndAgreeWithTheSummary() throws IOException {
        JsonNode latencies = RunFiles.summary(out).get("latencyUs");
        for (Metric metric : Metric.values()) {
            List<String> lines = Files.readAllLines(out.resolve(metric.percentileFile()));
            assertEquals("       Value     Percentile TotalCount 1/(1-Percentile)", lines.get(0),
                    metric.percentileFile());
            assertEquals("", lines.get(1), metric.percentileFile());
            JsonNode summary = latencies.get(metric.summaryKey());
            int footer = lines.size() - 3;
            for (String row : lines.subList(2, footer)) {
                assertTrue(PERCENTILE_ROW.matcher(row).matches(),
                        metric.percentileFile() + ": '" + row + "'");
            }
            assertTrue(lines.get(footer).startsWith("#[Mean    = "), lines.get(footer));
            Matcher total = MAX_AND_COUNT.matcher(lines.get(footer + 1));
            assertTrue(total.matches(), lines.get(footer + 1));
            assertTrue(lines.get(footer + 2).startsWith("#[Buckets = "), lines.get(footer + 2));
            // Milliseconds with three decimals: exactly the summary's microseconds.
            assertEquals(String.format(Locale.ROOT, "%.3f", summary.get("max").asLong() / 1000.0),
                    total.group(1), metric.percentileFile());
            assertEquals(summary.get("count").asLong(), Long.parseLong(total.group(2)),
                    metric.percentileFile());
        }
    }
}

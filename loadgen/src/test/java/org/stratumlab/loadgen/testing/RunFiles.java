package org.stratumlab.loadgen.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;

/** Reads back what a run wrote: summary.json, latency.hlog (with HdrHistogram's own reader), timeseries.csv. */
public final class RunFiles {
    private RunFiles() {
    }

    /**
     * @param summary a run's summary
     * @return it as the JSON tree summary.json holds
     */
    public static JsonNode tree(Summary summary) {
        try {
            return new ObjectMapper().readTree(SummaryFile.toJson(summary));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * @param outDir the run's folder
     * @return summary.json
     * @throws IOException if it cannot be read
     */
    public static JsonNode summary(Path outDir) throws IOException {
        return new ObjectMapper().readTree(outDir.resolve("summary.json").toFile());
    }

    /**
     * @param outDir the run's folder
     * @return every tagged interval histogram of latency.hlog added up, by tag
     * @throws IOException if it cannot be read
     */
    public static Map<String, Histogram> latencyByTag(Path outDir) throws IOException {
        Map<String, Histogram> byTag = new LinkedHashMap<>();
        for (Histogram h : intervals(outDir)) {
            if (h.getTag() != null) {
                byTag.computeIfAbsent(h.getTag(), tag -> new Histogram(3)).add(h);
            }
        }
        return byTag;
    }

    /**
     * @param outDir the run's folder
     * @return every interval histogram of latency.hlog, tagged or not, in the file's order
     * @throws IOException if it cannot be read
     */
    public static List<Histogram> intervals(Path outDir) throws IOException {
        List<Histogram> intervals = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(outDir.resolve("latency.hlog").toFile())) {
            EncodableHistogram interval;
            while ((interval = reader.nextIntervalHistogram()) != null) {
                intervals.add((Histogram) interval);
            }
        }
        return intervals;
    }

    /**
     * @param outDir the run's folder
     * @return timeseries.csv's lines, the header first
     * @throws IOException if it cannot be read
     */
    public static List<String> timeseriesLines(Path outDir) throws IOException {
        return Files.readAllLines(outDir.resolve("timeseries.csv"));
    }

    /**
     * @param outDir the run's folder
     * @param column a column of timeseries.csv
     * @return its values, one per row
     * @throws IOException if it cannot be read
     */
    public static List<Double> column(Path outDir, String column) throws IOException {
        List<String> lines = timeseriesLines(outDir);
        int index = List.of(lines.get(0).split(",")).indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + lines.get(0));
        }
        List<Double> values = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            values.add(Double.parseDouble(line.split(",")[index]));
        }
        return values;
    }

    /**
     * @param outDir the run's folder
     * @param column a column of timeseries.csv
     * @return the column's values added up
     * @throws IOException if it cannot be read
     */
    public static long columnSum(Path outDir, String column) throws IOException {
        return Math.round(column(outDir, column).stream().mapToDouble(Double::doubleValue).sum());
    }
}

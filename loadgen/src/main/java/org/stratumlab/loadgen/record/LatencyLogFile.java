package org.stratumlab.loadgen.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.stratumlab.results.Metric;

/**
 * A run's {@code latency.hlog} read back sample by sample, as {@link LatencyLogWriter} wrote it: the log's base
 * time and, for each sample, every metric's interval histogram with its start and end in epoch milliseconds.
 *
 * <p>The timestamps are read from the log's text, where they are milliseconds after the base time, exactly.
 * HdrHistogram's own {@code HistogramLogReader} adds them to the base time as double seconds and truncates, which
 * may put an interval a millisecond early: too coarse for a merge that must judge the generator's warm-up exactly
 * as the run did. The untagged copy of the submits is skipped; a tag this version does not know is an error, not
 * dropped.
 *
 * @param baseEpochMs the log's base time: the run's start
 * @param samples each sample's intervals, in the order they were written
 */
public record LatencyLogFile(long baseEpochMs, List<Sample> samples) {
    private static final Pattern BASE_TIME = Pattern.compile("#\\[BaseTime: ([0-9.]+) ");
    private static final Pattern INTERVAL = Pattern.compile(
            "(?:Tag=([^,]*),)?([0-9.]+),([0-9.]+),[0-9.]+,(\\S+)");

    /** Copies the samples. */
    public LatencyLogFile {
        samples = List.copyOf(samples);
    }

    /**
     * One sample of a run: what every metric recorded between two samplings.
     *
     * @param byMetric each metric's interval histogram, its start and end timestamps in epoch milliseconds
     */
    public record Sample(Map<Metric, Histogram> byMetric) {
        /** Copies the map. */
        public Sample {
            byMetric = Collections.unmodifiableMap(new EnumMap<>(byMetric));
        }

        /**
         * @param metric a metric
         * @return its interval histogram
         */
        public Histogram of(Metric metric) {
            return byMetric.get(metric);
        }
    }

    /**
     * @param file a latency.hlog
     * @return its base time and samples
     * @throws IllegalArgumentException naming the file (and the line) when it is missing, unreadable, not an
     *         interval log, holds an unknown tag or not every tag in every sample
     */
    public static LatencyLogFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": not found");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e + ")");
        }
        Long baseMs = null;
        Map<Metric, List<Histogram>> byMetric = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            byMetric.put(metric, new ArrayList<>());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher base = BASE_TIME.matcher(line);
            if (base.lookingAt()) {
                baseMs = Math.round(Double.parseDouble(base.group(1)) * 1000);
                continue;
            }
            if (line.startsWith("#") || line.startsWith("\"") || line.isBlank()) {
                continue;
            }
            Matcher interval = INTERVAL.matcher(line);
            if (!interval.matches()) {
                throw new IllegalArgumentException(
                        file + ": line " + (i + 1) + " is not an interval histogram");
            }
            if (interval.group(1) == null) {
                continue; // the untagged copy of the submits
            }
            Metric metric = byTag(interval.group(1));
            if (metric == null) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + ": tag '" + interval.group(1)
                        + "' is not one this version knows");
            }
            if (baseMs == null) {
                throw new IllegalArgumentException(file + ": no BaseTime line before the first interval");
            }
            long startMs = baseMs + millis(interval.group(2));
            Histogram histogram = decode(file, i + 1, interval.group(4));
            histogram.setStartTimeStamp(startMs);
            histogram.setEndTimeStamp(startMs + millis(interval.group(3)));
            byMetric.get(metric).add(histogram);
        }
        if (baseMs == null) {
            throw new IllegalArgumentException(
                    file + ": not an HdrHistogram interval log (no BaseTime line)");
        }
        return new LatencyLogFile(baseMs, samples(file, byMetric));
    }

    private static List<Sample> samples(Path file, Map<Metric, List<Histogram>> byMetric) {
        int count = byMetric.get(Metric.SUBMIT).size();
        for (Map.Entry<Metric, List<Histogram>> tag : byMetric.entrySet()) {
            if (tag.getValue().size() != count) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: tag %s has %d intervals, tag %s has %d: every sample logs every tag", file,
                        tag.getKey().tag(), tag.getValue().size(), Metric.SUBMIT.tag(), count));
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<Metric, Histogram> sample = new EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) {
                sample.put(metric, byMetric.get(metric).get(i));
            }
            samples.add(new Sample(sample));
        }
        return samples;
    }

    /** Seconds as the log writes them, with three decimals, to whole milliseconds. */
    private static long millis(String seconds) {
        return Math.round(Double.parseDouble(seconds) * 1000);
    }

    private static Histogram decode(Path file, int line, String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(base64)),
                    0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException(
                    file + ": line " + line + ": not a readable histogram (" + e + ")");
        }
    }

    private static Metric byTag(String tag) {
        for (Metric metric : Metric.values()) {
            if (metric.tag().equals(tag)) {
                return metric;
            }
        }
        return null;
    }
}

package org.stratumlab.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of {@code timeseries.csv}, in {@link TimeSeriesColumn}'s order: the one place that writes a row's text
 * and reads it back. A run writes one per sample; a merge of shards reads the shards' rows and writes their sums.
 *
 * @param elapsedS seconds since the run started, to 0.1
 * @param connections connections open at the row's time
 * @param subscribed miners subscribed at the row's time
 * @param submits submits sent in the interval
 * @param outcomes submits that ended in the interval, by outcome (every outcome present)
 * @param notifies notifies received in the interval
 * @param submitP50Us the interval's median submit latency, microseconds
 * @param submitP99Us the interval's 99th percentile submit latency, microseconds
 * @param intervalS the interval's length, seconds, to 0.001
 * @param lagP99Us the interval's 99th percentile generator lag, microseconds
 * @param phase the phase the interval belongs to; empty when none
 */
public record TimeSeriesRow(double elapsedS, long connections, long subscribed, long submits,
        Map<Outcome, Long> outcomes, long notifies, long submitP50Us, long submitP99Us, double intervalS,
        long lagP99Us, String phase) {

    /** Copies the outcomes, each of which must be there. */
    public TimeSeriesRow {
        Checks.require(outcomes.keySet().containsAll(List.of(Outcome.values())),
                "a row counts every outcome");
        outcomes = Collections.unmodifiableMap(new EnumMap<>(outcomes));
        phase = phase == null ? "" : phase;
    }

    /**
     * @param outcome an outcome
     * @return how many submits ended so in the interval
     */
    public long of(Outcome outcome) {
        return outcomes.get(outcome);
    }

    /** @return the row as the file holds it, without its line end */
    public String toLine() {
        return String.format(Locale.ROOT, "%.1f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%.3f,%d,%s", elapsedS,
                connections, subscribed, submits, of(Outcome.ACCEPTED), of(Outcome.REJECTED_STALE),
                of(Outcome.REJECTED_INCORRECT), of(Outcome.REJECTED_DUPLICATE), of(Outcome.REJECTED_OTHER),
                of(Outcome.ERROR), of(Outcome.UNANSWERED), notifies, submitP50Us, submitP99Us, intervalS,
                lagP99Us, phase);
    }

    /**
     * Reads a file this version wrote, every column in its place.
     *
     * @param file a timeseries.csv
     * @return its rows, in order
     * @throws IllegalArgumentException naming the file (and the line and column) when it is missing, unreadable,
     *         has another header or a cell that is not what its column holds
     */
    public static List<TimeSeriesRow> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": not found");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e + ")");
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(TimeSeriesColumn.headerLine())) {
            throw new IllegalArgumentException(
                    file + ": the header is not " + TimeSeriesColumn.headerLine()
                            + " (written by another version?)");
        }
        List<TimeSeriesRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(parse(file, i + 1, lines.get(i)));
            }
        }
        return rows;
    }

    private static TimeSeriesRow parse(Path file, int line, String text) {
        String[] cells = text.strip().split(",", -1);
        TimeSeriesColumn[] columns = TimeSeriesColumn.values();
        if (cells.length != columns.length) {
            throw new IllegalArgumentException(file + ": line " + line + " has " + cells.length
                    + " fields, the header has " + columns.length);
        }
        Cells row = new Cells(file, line, cells);
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        outcomes.put(Outcome.ACCEPTED, row.count(TimeSeriesColumn.ACCEPTED));
        outcomes.put(Outcome.REJECTED_STALE, row.count(TimeSeriesColumn.REJECTED_STALE));
        outcomes.put(Outcome.REJECTED_INCORRECT, row.count(TimeSeriesColumn.REJECTED_INCORRECT));
        outcomes.put(Outcome.REJECTED_DUPLICATE, row.count(TimeSeriesColumn.REJECTED_DUPLICATE));
        outcomes.put(Outcome.REJECTED_OTHER, row.count(TimeSeriesColumn.REJECTED_OTHER));
        outcomes.put(Outcome.ERROR, row.count(TimeSeriesColumn.ERRORS));
        outcomes.put(Outcome.UNANSWERED, row.count(TimeSeriesColumn.UNANSWERED));
        return new TimeSeriesRow(row.seconds(TimeSeriesColumn.ELAPSED_S),
                row.count(TimeSeriesColumn.CONNECTIONS),
                row.count(TimeSeriesColumn.SUBSCRIBED), row.count(TimeSeriesColumn.SUBMITS), outcomes,
                row.count(TimeSeriesColumn.NOTIFIES), row.count(TimeSeriesColumn.SUBMIT_P50_US),
                row.count(TimeSeriesColumn.SUBMIT_P99_US), row.seconds(TimeSeriesColumn.INTERVAL_S),
                row.count(TimeSeriesColumn.LAG_P99_US), cells[TimeSeriesColumn.PHASE.ordinal()]);
    }

    /** One line's cells, each read as its column holds it, naming the place of one that does not parse. */
    private record Cells(Path file, int line, String[] cells) {
        long count(TimeSeriesColumn column) {
            try {
                return Long.parseLong(cells[column.ordinal()]);
            } catch (NumberFormatException e) {
                throw bad(column, "a whole number");
            }
        }

        double seconds(TimeSeriesColumn column) {
            try {
                double value = Double.parseDouble(cells[column.ordinal()]);
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(column, "a number");
        }

        private IllegalArgumentException bad(TimeSeriesColumn column, String expected) {
            return new IllegalArgumentException(
                    file + ": line " + line + ", column " + column.header() + ": '"
                            + cells[column.ordinal()] + "' is not " + expected);
        }
    }
}

package org.stratumlab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stratumlab.results.TimeSeriesColumn;
import java.util.Optional;

/**
 * A run's {@code timeseries.csv} (written by {@code IntervalSampler}, one row per second) as columns of numbers,
 * looked up by their header name. Rows hold counts per interval; {@link #perSecond} turns them into rates using
 * each row's actual interval length, because the sampler's intervals are not exactly a second.
 */
final class TimeSeries {
    private static final String ELAPSED = TimeSeriesColumn.ELAPSED_S.header();
    /** The columns the report draws; the file may hold more (and older files fewer of the others). */
    static final List<TimeSeriesColumn> USED = List.of(TimeSeriesColumn.ELAPSED_S,
            TimeSeriesColumn.CONNECTIONS,
            TimeSeriesColumn.SUBSCRIBED, TimeSeriesColumn.SUBMITS, TimeSeriesColumn.ACCEPTED,
            TimeSeriesColumn.SUBMIT_P50_US, TimeSeriesColumn.SUBMIT_P99_US);

    private final Map<String, double[]> columnsByName;
    private final int rows;

    private TimeSeries(Map<String, double[]> columnsByName, int rows) {
        this.columnsByName = columnsByName;
        this.rows = rows;
    }

    /**
     * @param file a timeseries.csv
     * @return its columns, or empty if there is no such file (published runs may leave it out)
     * @throws IllegalArgumentException if it exists but is unreadable or malformed
     */
    static Optional<TimeSeries> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e + ")");
        }
        return Optional.of(parse(file, lines));
    }

    private static TimeSeries parse(Path file, List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty, expected a header line");
        }
        String[] header = lines.get(0).strip().split(",", -1);
        for (String column : USED.stream().map(TimeSeriesColumn::header).toList()) {
            if (!List.of(header).contains(column)) {
                throw new IllegalArgumentException(file + ": the header lacks the column " + column);
            }
        }
        List<String> body = lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank()).toList();
        Map<String, double[]> columns = new HashMap<>();
        boolean[] numeric = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            numeric[i] = numeric(header[i]);
            if (numeric[i]) {
                columns.put(header[i], new double[body.size()]);
            }
        }
        for (int row = 0; row < body.size(); row++) {
            String[] cells = body.get(row).strip().split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(file + ": line " + (row + 2) + " has " + cells.length
                        + " fields, the header has " + header.length);
            }
            for (int i = 0; i < cells.length; i++) {
                if (numeric[i]) {
                    columns.get(header[i])[row] = cell(file, row + 2, header[i], cells[i]);
                }
            }
        }
        return new TimeSeries(columns, body.size());
    }

    /** A column the file's writer knows to hold text (the phase's name) is not read as a number. */
    private static boolean numeric(String header) {
        for (TimeSeriesColumn column : TimeSeriesColumn.values()) {
            if (column.header().equals(header)) {
                return column.isNumeric();
            }
        }
        return true;
    }

    private static double cell(Path file, int line, String column, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the place.
        }
        throw new IllegalArgumentException(file + ": line " + line + ", column " + column + ": '" + text
                + "' is not a number");
    }

    /** @return the number of rows (seconds) */
    int rows() {
        return rows;
    }

    /** @return a column as it is in the file */
    double[] column(String name) {
        double[] column = columnsByName.get(name);
        if (column == null) {
            throw new IllegalStateException("no column " + name);
        }
        return column;
    }

    /** @return a column's values at the times of the rows that cover time (see {@link #perSecond}) */
    Points values(TimeSeriesColumn column) {
        return points(column.header(), false);
    }

    /**
     * @return a column of per-interval counts as rates per second. The sampler's final row may repeat the
     *         previous row's time (its last, near-empty interval after the run stopped); a rate over no time
     *         means nothing, so such rows are left out, here and in {@link #values}.
     */
    Points perSecond(TimeSeriesColumn column) {
        return points(column.header(), true);
    }

    private Points points(String name, boolean perSecond) {
        double[] column = column(name);
        double[] elapsed = column(ELAPSED);
        List<double[]> points = new ArrayList<>();
        double previous = 0;
        for (int i = 0; i < rows; i++) {
            double seconds = elapsed[i] - previous;
            if (seconds > 0) {
                points.add(new double[]{elapsed[i], perSecond ? column[i] / seconds : column[i]});
            }
            previous = elapsed[i];
        }
        return new Points(points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }

    /**
     * Values over time.
     *
     * @param elapsedS seconds since the start
     * @param values one value per time
     */
    record Points(double[] elapsedS, double[] values) {
    }
}

package org.stratumlab.results;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The columns of {@code timeseries.csv}, in the file's order: one row per sampling interval (about a second), plus
 * one at each phase boundary and one after the final drain. Counts are per interval; connections and subscribed
 * are levels at the row's time. The column's name in the header is the constant's name in lower case.
 */
public enum TimeSeriesColumn {
    /** Seconds since the run started. */
    ELAPSED_S,
    /** Connections open. */
    CONNECTIONS,
    /** Miners subscribed. */
    SUBSCRIBED,
    /** Submits sent in the interval. */
    SUBMITS,
    /** Submits accepted in the interval. */
    ACCEPTED,
    /** Stale rejections in the interval. */
    REJECTED_STALE,
    /** Incorrect-nonce rejections in the interval. */
    REJECTED_INCORRECT,
    /** Duplicate rejections in the interval. */
    REJECTED_DUPLICATE,
    /** Other rejections in the interval. */
    REJECTED_OTHER,
    /** Error replies in the interval. */
    ERRORS,
    /** Submits that ended unanswered in the interval. */
    UNANSWERED,
    /** Notifies received in the interval. */
    NOTIFIES,
    /** Submit latency median of the interval, microseconds. */
    SUBMIT_P50_US,
    /** Submit latency 99th percentile of the interval, microseconds. */
    SUBMIT_P99_US,
    /** The interval's length in seconds (about 1; shorter at a phase boundary and at the end). */
    INTERVAL_S,
    /** The generator's lag 99th percentile of the interval, microseconds. */
    LAG_P99_US,
    /** The phase the interval belongs to (text; older files lack the last three columns). */
    PHASE;

    /** The file's name in a run folder. */
    public static final String FILE_NAME = "timeseries.csv";

    /** @return whether its cells are numbers ({@link #PHASE} holds a name) */
    public boolean isNumeric() {
        return this != PHASE;
    }

    /** @return the column's name in the header */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the header line, without its line end */
    public static String headerLine() {
        return Stream.of(values()).map(TimeSeriesColumn::header).collect(Collectors.joining(","));
    }
}

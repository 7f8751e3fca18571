package org.stratumlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** timeseries.csv's rows written and read back by one class, and a bad cell named by line and column. */
class TimeSeriesRowTest {
    @TempDir
    Path dir;

    @Test
    void aRowComesBackAsWritten() throws IOException {
        TimeSeriesRow row = row(3.2, "steady");
        TimeSeriesRow empty = row(4.0, "");
        Path file = write(TimeSeriesColumn.headerLine(), row.toLine(), empty.toLine());
        assertEquals(List.of(row, empty), TimeSeriesRow.read(file));
        assertEquals("3.2,10,9,100,90,1,2,3,4,5,0,7,250,900,1.005,40,steady", row.toLine());
    }

    @Test
    void aCellThatIsNotItsColumnsKindIsNamedByLineAndColumn() throws IOException {
        Path file = write(TimeSeriesColumn.headerLine(), row(1, "a").toLine().replace(",100,", ",many,"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeSeriesRow.read(file));
        assertEquals(file + ": line 2, column submits: 'many' is not a whole number", e.getMessage());
    }

    @Test
    void anotherHeaderIsRefused() throws IOException {
        Path file = write("elapsed_s,submits", "1.0,3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeSeriesRow.read(file));
        assertEquals(file + ": the header is not " + TimeSeriesColumn.headerLine()
                + " (written by another version?)", e.getMessage());
    }

    private static TimeSeriesRow row(double elapsed, String phase) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        long n = 0;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, outcome == Outcome.ACCEPTED ? 90 : outcome == Outcome.UNANSWERED ? 0 : ++n);
        }
        return new TimeSeriesRow(elapsed, 10, 9, 100, outcomes, 7, 250, 900, 1.005, 40, phase);
    }

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("timeseries.csv");
        Files.write(file, List.of(lines));
        return file;
    }
}

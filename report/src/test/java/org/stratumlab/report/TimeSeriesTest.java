package org.stratumlab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.stratumlab.results.TimeSeriesColumn;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesTest {
    private static final String HEADER = "elapsed_s,connections,subscribed,submits,accepted,submit_p50_us,"
            + "submit_p99_us\n";

    @TempDir
    Path tmp;

    private TimeSeries read(String csv) throws IOException {
        Path file = tmp.resolve("timeseries.csv");
        Files.writeString(file, csv);
        return TimeSeries.read(file).orElseThrow();
    }

    @Test
    void ratesUseEachIntervalsLengthAndSkipTheEmptyFinalSample() throws IOException {
        // As IntervalSampler leaves it: the final sample repeats the last time with what arrived after the stop.
        TimeSeries series = read(HEADER + "1.0,5,5,100,90,1,2\n2.5,5,5,300,290,1,2\n2.5,0,0,0,1,0,0\n");
        TimeSeries.Points rates = series.perSecond(TimeSeriesColumn.SUBMITS);
        assertArrayEquals(new double[]{1.0, 2.5}, rates.elapsedS());
        assertArrayEquals(new double[]{100, 200}, rates.values());
        assertEquals(3, series.rows());
        assertArrayEquals(new double[]{5, 5, 0}, series.column("connections"));
    }

    @Test
    void aMissingFileIsNoSeries() {
        assertTrue(TimeSeries.read(tmp.resolve("timeseries.csv")).isEmpty());
    }

    @Test
    void aMissingColumnIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("elapsed_s,connections\n1.0,5\n"));
        assertEquals(tmp.resolve("timeseries.csv") + ": the header lacks the column subscribed",
                e.getMessage());
    }

    @Test
    void aShortRowIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(HEADER + "1.0,5,5\n"));
        assertEquals(tmp.resolve("timeseries.csv") + ": line 2 has 3 fields, the header has 7",
                e.getMessage());
    }
}

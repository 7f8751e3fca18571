package org.stratumlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {
    @ParameterizedTest
    @CsvSource({"0, 0 µs", "378, 378 µs", "1260, 1.26 ms", "15015, 15.0 ms", "95551, 95.6 ms",
            "250000, 250 ms",
            "1500000, 1.50 s"})
    void latencyKeepsThreeDigitsInAReadableUnit(double us, String expected) {
        assertEquals(expected, Format.latencyUs(us));
    }

    @ParameterizedTest
    @CsvSource({"100, 112.3, +12.3%", "100, 90, -10.0%", "5, 5, 0.0%", "0, 3, n/a", "0, 0, 0.0%"})
    void changeIsRelativeToTheBaseline(double a, double b, String expected) {
        assertEquals(expected, Format.change(a, b));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "<a href='x'>&</a>|&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;", "\"q\"|&quot;q&quot;",
            "plain|plain"})
    void htmlEscapesEverythingThatCouldOpenMarkup(String text, String expected) {
        assertEquals(expected, Format.html(text));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "0.05, 0.05", "2, 2", "150, 150", "20000, 20k", "1500000, 1.5M"})
    void axisLabelsAreShort(double value, String expected) {
        assertEquals(expected, Format.axis(value));
    }
}

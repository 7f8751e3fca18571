package org.stratumlab.loadgen.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stratumlab.loadgen.units.Units;

/** Durations, sizes and address ranges as scenario files and the command line write them. */
class UnitsTest {
    @ParameterizedTest(name = "{0} is {1} ns")
    @CsvSource({"0,0", "7ns,7", "3us,3000", "500ms,500000000", "1.5s,1500000000", "10 s,10000000000",
            "2m,120000000000", "1h,3600000000000", " 250ms ,250000000"})
    void aDurationIsANumberAndAUnit(String text, long ns) {
        assertEquals(ns, Units.durationNs(text));
    }

    @Test
    void aDurationWithoutAKnownUnitSaysWhatADurationLooksLike() {
        for (String text : List.of("10", "5x", "ms", "-1s", "1d")) {
            assertEquals(
                    "'" + text
                            + "' is not a duration: a number and a unit (ns, us, ms, s, m, h), e.g. 500ms or "
                            + "10s",
                    assertThrows(IllegalArgumentException.class, () -> Units.durationNs(text)).getMessage());
        }
        assertEquals("'99999999999h' is too long a duration",
                assertThrows(IllegalArgumentException.class, () -> Units.durationNs("99999999999h"))
                        .getMessage());
    }

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({"64,64", "8k,8192", "8K,8192", "2m,2097152", "2047m,2146435072"})
    void aSizeIsBytesOrANumberWithKOrM(String text, int bytes) {
        assertEquals(bytes, Units.sizeBytes(text));
    }

    @Test
    void aSizeThatIsNotOneOrIsTooLargeIsRejected() {
        assertEquals("'8x' is not a size: bytes, or a number with k or m",
                assertThrows(IllegalArgumentException.class, () -> Units.sizeBytes("8x")).getMessage());
        assertEquals("'2048m' is too large a size (at most 2g)",
                assertThrows(IllegalArgumentException.class, () -> Units.sizeBytes("2048m")).getMessage());
        assertEquals("'99999999999999999999' is too large a size (at most 2g)",
                assertThrows(IllegalArgumentException.class, () -> Units.sizeBytes("99999999999999999999"))
                        .getMessage());
    }

    @Test
    void anAddressRangeListsEveryAddressFromFirstToLast() throws Exception {
        assertEquals(List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"),
                InetAddress.getByName("127.0.0.3")), AddressRange.parse("127.0.0.1-127.0.0.3"));
        assertEquals(List.of(InetAddress.getByName("127.0.0.5")), AddressRange.parse("127.0.0.5"));
    }

    @Test
    void anAddressRangeMayOnlyGrowInItsLastNumber() {
        for (String text : List.of("127.0.0.9-127.0.0.1", "127.0.0.1-127.0.1.2", "::1-::2")) {
            assertEquals(
                    "'" + text + "' is not an IPv4 range like 127.0.0.1-127.0.0.8 (only the last number may "
                            + "differ, upwards)",
                    assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(text))
                            .getMessage());
        }
    }
}

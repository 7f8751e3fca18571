package org.stratumlab.protocol.jsonrpc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stratumlab.testing.Lines.written;

class JsonOutputTest {
    private static String string(String value) {
        return written(out -> JsonOutput.writeString(out, value));
    }

    @Test
    void escapesQuoteAndBackslash() {
        assertEquals("\"a\\\"b\\\\c\"", string("a\"b\\c"));
    }

    @Test
    void usesShortEscapesWhereSerdeJsonDoes() {
        assertEquals("\"\\b\\t\\n\\f\\r\"", string("\b\t\n\f\r"));
    }

    @Test
    void escapesOtherControlCharactersWithLowercaseHex() {
        assertEquals("\"\\u0000\\u0001\\u001f\\u000b\"", string("\u0000\u0001\u001f\u000b"));
    }

    @Test
    void writesEverythingElseAsRawUtf8() {
        assertEquals("\"/ \u007f é € 😀\"", string("/ \u007f é € 😀"));
        assertEquals("\"\"", string(""));
    }

    @Test
    void writesEscapedTextWithoutQuotes() {
        assertEquals("x\\\"y", written(out -> JsonOutput.writeEscaped(out, "x\"y")));
    }

    @Test
    void writesUnsignedDecimals() {
        assertEquals("0", written(out -> JsonOutput.writeUnsignedDecimal(out, 0)));
        assertEquals("9", written(out -> JsonOutput.writeUnsignedDecimal(out, 9)));
        assertEquals("10", written(out -> JsonOutput.writeUnsignedDecimal(out, 10)));
        assertEquals("9223372036854775807",
                written(out -> JsonOutput.writeUnsignedDecimal(out, Long.MAX_VALUE)));
        assertEquals("9223372036854775808",
                written(out -> JsonOutput.writeUnsignedDecimal(out, Long.MIN_VALUE)));
        assertEquals("18446744073709551615", written(out -> JsonOutput.writeUnsignedDecimal(out, -1L)));
    }
}

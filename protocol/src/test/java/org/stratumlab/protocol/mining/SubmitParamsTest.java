package org.stratumlab.protocol.mining;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.jsonrpc.JsonRpcRequestParser;
import org.stratumlab.protocol.jsonrpc.Params;
import org.stratumlab.testing.Lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class SubmitParamsTest {
    static final String HASH = "0x2106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deaf";

    private static SubmitParams submit(String json) {
        var line = Lines.direct("{\"id\":1,\"method\":\"mining.submit\",\"params\":" + json + "}");
        try {
            return SubmitParams.of(((JsonRpcCall) JsonRpcRequestParser.parse(line)).params());
        } finally {
            line.release();
        }
    }

    @Test
    void readsFourStrings() {
        assertEquals(new SubmitParams("w", "0xjob", U256.of(0, 0, 0, 0x1f), U256.parseHex(HASH)),
                submit("[\"w\",\"0xjob\",\"0x1F\",\"" + HASH + "\"]"));
    }

    @Test
    void dropsNonStringElementsAsTheNodeDoes() {
        assertEquals(new SubmitParams("w", "j", U256.ZERO, U256.parseHex(HASH)),
                submit("[\"w\",5,null,\"j\",[\"x\"],\"0\",{},\"" + HASH + "\",true]"));
        assertNull(submit("[\"w\",\"j\",5,\"" + HASH + "\"]"), "a numeric nonce leaves three strings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[\"w\",\"j\",\"0x1\"]", "[\"w\",\"j\",\"0x1\",\"" + HASH + "\",\"x\"]",
            "null",
            "{\"a\":\"b\"}"})
    void rejectsAWrongArityOrNonArrayAsMalformed(String json) {
        assertNull(submit(json));
    }

    @Test
    void rejectsAbsentParamsAsMalformed() {
        assertNull(SubmitParams.of(Params.ABSENT));
    }

    @Test
    void readsNoncesAsTheNodeDoes() {
        assertEquals(U256.ZERO, SubmitParams.parseNonce(""));
        assertEquals(U256.ZERO, SubmitParams.parseNonce("0x"));
        assertEquals(U256.of(0, 0, 0, 0xab), SubmitParams.parseNonce("0xAb"));
        assertEquals(U256.of(0, 0, 0, 0xab), SubmitParams.parseNonce("ab"));
        assertEquals(U256.of(0, 0, 0, 0xab), SubmitParams.parseNonce("0X00ab"));
        assertEquals(U256.MAX, SubmitParams.parseNonce("0x" + "F".repeat(64)));
        assertEquals(U256.of(0, 0, 0, 1), SubmitParams.parseNonce("0".repeat(63) + "1"));
    }

    @Test
    void treatsTwoSpellingsOfANonceAsOneValue() {
        assertEquals(SubmitParams.parseNonce("0x00FF"), SubmitParams.parseNonce("ff"));
    }

    /** 65 digits are too many even when the first is a leading zero (docs/protocol.md §5). */
    @ParameterizedTest
    @ValueSource(strings = {"0x00000000000000000000000000000000000000000000000000000000000000001", "0xg",
            "12 ", " 12", "-1", "0x0x1", "+1"})
    void rejectsNoncesThatAreNotHexOfAtMost64Digits(String nonce) {
        assertNull(SubmitParams.parseNonce(nonce));
        assertNull(submit("[\"w\",\"j\",\"" + nonce + "\",\"" + HASH + "\"]"));
    }

    @Test
    void readsAPowHashOfExactly64DigitsWithOrWithoutPrefix() {
        U256 expected = U256.parseHex(HASH);
        assertEquals(expected, SubmitParams.parsePowHash(HASH));
        assertEquals(expected, SubmitParams.parsePowHash(HASH.substring(2)));
        assertEquals(expected, SubmitParams.parsePowHash(HASH.toUpperCase().replace("0X", "0x")));
        assertNotNull(SubmitParams.parsePowHash("0x" + "0".repeat(64)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "0x1",
            "0x2106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880dea",
            "0x2106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deaf0",
            "0x2106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deag"})
    void rejectsAPowHashThatIsNot64HexDigits(String hash) {
        assertNull(SubmitParams.parsePowHash(hash));
        assertNull(submit("[\"w\",\"j\",\"0x1\",\"" + hash + "\"]"));
    }
}

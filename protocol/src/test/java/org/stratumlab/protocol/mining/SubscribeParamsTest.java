package org.stratumlab.protocol.mining;

import org.junit.jupiter.api.Test;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.jsonrpc.JsonRpcRequestParser;
import org.stratumlab.protocol.jsonrpc.Params;
import org.stratumlab.testing.Lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SubscribeParamsTest {
    private static Params params(String json) {
        var line = Lines.direct("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":" + json + "}");
        try {
            return ((JsonRpcCall) JsonRpcRequestParser.parse(line)).params();
        } finally {
            line.release();
        }
    }

    private static String message(String json) {
        Params params = params(json);
        assertNull(SubscribeParams.of(params));
        return SubscribeParams.invalidParamsMessage(params);
    }

    @Test
    void acceptsExactlyTwoStrings() {
        assertEquals(new SubscribeParams("cfxmine", ""), SubscribeParams.of(params("[\"cfxmine\",\"\"]")));
        assertNull(SubscribeParams.invalidParamsMessage(params("[\"w\",\"pw\"]")));
    }

    @Test
    void describesAWrongArityAsTheNodeDoes() {
        assertEquals("Invalid params: invalid length 1, expected a tuple of size 2.", message("[\"w\"]"));
        assertEquals("Invalid params: invalid length 0, expected a tuple of size 2.", message("[]"));
        assertEquals("Invalid params: invalid length 3, expected fewer elements in array.",
                message("[\"a\",\"b\",\"c\"]"));
    }

    @Test
    void describesAWrongTypeAsTheNodeDoes() {
        assertEquals("Invalid params: invalid type: integer `5`, expected a string.", message("[5,\"x\"]"));
        assertEquals("Invalid params: invalid type: boolean `true`, expected a string.",
                message("[\"w\",true]"));
        assertEquals("Invalid params: invalid type: null, expected a string.", message("[null]"));
        assertEquals("Invalid params: invalid type: floating point `1.5`, expected a string.",
                message("[1.5]"));
        assertEquals("Invalid params: invalid type: sequence, expected a string.", message("[[],\"x\"]"));
        assertEquals("Invalid params: invalid type: map, expected a string.", message("[\"w\",{}]"));
    }

    @Test
    void describesParamsThatAreNotAnArray() {
        assertEquals("Invalid params: invalid type: null, expected a tuple of size 2.", message("null"));
        assertEquals("Invalid params: invalid type: map, expected a tuple of size 2.", message("{}"));
        assertEquals("Invalid params: invalid type: null, expected a tuple of size 2.",
                SubscribeParams.invalidParamsMessage(Params.ABSENT));
    }
}

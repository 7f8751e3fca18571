package org.stratumlab.protocol.jsonrpc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stratumlab.testing.Lines.written;

class JsonRpcResponseWriterTest {
    private static String result(boolean jsonrpc, String value, JsonRpcId id) {
        return written(out -> {
            JsonRpcResponseWriter.writeResultStart(out, jsonrpc);
            out.writeCharSequence(value, java.nio.charset.StandardCharsets.UTF_8);
            JsonRpcResponseWriter.writeResponseEnd(out, id);
        });
    }

    @Test
    void writesAResultWithJsonrpcFirstAndIdLast() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":1}",
                result(true, "true", JsonRpcId.ofNumber(1)));
    }

    @Test
    void writesAResultWithoutJsonrpcWhenTheRequestHadNone() {
        assertEquals("{\"result\":[true],\"id\":1}", result(false, "[true]", JsonRpcId.ofNumber(1)));
    }

    @Test
    void echoesIdsUnchangedInTypeAndValue() {
        assertEquals("{\"result\":0,\"id\":18446744073709551615}",
                result(false, "0", JsonRpcId.ofNumber(-1L)));
        assertEquals("{\"result\":0,\"id\":null}", result(false, "0", JsonRpcId.NULL));
        assertEquals("{\"result\":0,\"id\":\"7\"}", result(false, "0", JsonRpcId.ofString("7")));
        assertEquals("{\"result\":0,\"id\":\"a\\\"b\\\\c\\n\\u001f\u00e9\"}",
                result(false, "0", JsonRpcId.ofString("a\"b\\c\n\u001f\u00e9")));
    }

    @Test
    void echoesAParsedIdTheWayTheNodeReEncodesIt() {
        JsonRpcCall call = JsonRpcRequestParserTest
                .call("{\"id\":\"\\u0041\\/\\t\\u00E9\",\"method\":\"mining.subscribe\"}");
        assertEquals("{\"result\":true,\"id\":\"A/\\t\u00e9\"}", result(false, "true", call.responseId()));
    }

    @Test
    void writesTheParseErrorLine() {
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}\n",
                written(JsonRpcResponseWriter::writeParseErrorLine));
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}",
                written(out -> JsonRpcResponseWriter.writeError(out, true, JsonRpcError.PARSE_ERROR,
                        JsonRpcId.NULL)));
    }

    @Test
    void writesTheLineTooLongLine() {
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Request line too long\"},\"id\":null}\n",
                written(JsonRpcResponseWriter::writeLineTooLongLine));
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Request line too long\"},\"id\":null}",
                written(out -> JsonRpcResponseWriter.writeError(out, true, JsonRpcError.LINE_TOO_LONG,
                        JsonRpcId.NULL)));
    }

    @Test
    void writesInvalidRequestWithTheId() {
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid request\"},\"id\":\"x\"}",
                written(out -> JsonRpcResponseWriter.writeError(out, true, JsonRpcError.INVALID_REQUEST,
                        JsonRpcId.ofString("x"))));
    }

    @Test
    void writesMethodNotFoundWithOrWithoutJsonrpc() {
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":3}",
                written(out -> JsonRpcResponseWriter.writeError(out, true, JsonRpcError.METHOD_NOT_FOUND,
                        JsonRpcId.ofNumber(3))));
        assertEquals("{\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":3}",
                written(out -> JsonRpcResponseWriter.writeError(out, false, JsonRpcError.METHOD_NOT_FOUND,
                        JsonRpcId.ofNumber(3))));
    }

    @Test
    void writesInvalidParamsAsTheNodeDoes() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":"
                + "\"Invalid params: invalid length 1, expected a tuple of size 2.\"},\"id\":1}",
                written(out -> JsonRpcResponseWriter.writeError(out, true, JsonRpcError.INVALID_PARAMS_CODE,
                        "Invalid params: invalid length 1, expected a tuple of size 2.",
                        JsonRpcId.ofNumber(1))));
    }

    @Test
    void writesAnyErrorCode() {
        assertEquals("{\"error\":{\"code\":5,\"message\":\"m\"},\"id\":null}",
                written(out -> JsonRpcResponseWriter.writeError(out, false, 5, "m", JsonRpcId.NULL)));
        assertEquals("{\"error\":{\"code\":-2147483648,\"message\":\"m\"},\"id\":null}",
                written(out -> JsonRpcResponseWriter.writeError(out, false, Integer.MIN_VALUE, "m",
                        JsonRpcId.NULL)));
    }

    @Test
    void exposesTheSpecCodesAndMessages() {
        assertEquals(-32700, JsonRpcError.PARSE_ERROR.code());
        assertEquals("Invalid request", JsonRpcError.INVALID_REQUEST.message());
        assertEquals(-32601, JsonRpcError.METHOD_NOT_FOUND.code());
        assertEquals(-32600, JsonRpcError.LINE_TOO_LONG.code());
    }

    @Test
    void writesALineEnd() {
        assertEquals("\n", written(JsonRpcResponseWriter::writeLineEnd));
    }
}

package org.stratumlab.protocol.jsonrpc;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stratumlab.testing.Lines;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonRpcRequestParserTest {
    /** Parses from a direct buffer (what sockets deliver) and a heap buffer; both must agree. */
    static ParsedLine parse(String line) {
        ByteBuf direct = Lines.direct(line);
        ByteBuf heap = Lines.heap(line);
        try {
            ParsedLine fromDirect = JsonRpcRequestParser.parse(direct);
            assertEquals(fromDirect, JsonRpcRequestParser.parse(heap), "heap and direct disagree");
            assertEquals(0, direct.readerIndex(), "the line must not be consumed");
            return fromDirect;
        } finally {
            direct.release();
            heap.release();
        }
    }

    static JsonRpcCall call(String line) {
        return assertInstanceOf(JsonRpcCall.class, parse(line));
    }

    private static JsonRpcId id(long value) {
        return JsonRpcId.ofNumber(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", " ", "\t", "not json", "{", "{\"id\":1", "}", "{\"method\":\"a\",}", "[1,]", "{'method':'a'}",
            "{\"method\":\"a\"}{\"method\":\"b\"}", "{\"method\":\"a\"} {\"method\":\"b\"}",
            "{\"method\":\"a\"}x",
            "{\"method\":\"a\"}]", "{\"method\":\"a\"} 1", "1", "-1", "\"mining.subscribe\"", "null", "true",
            "{\"method\":\"a\"/*c*/}", "{\"method\":NaN}", "{\"method\":\"a\",\"params\":[01]}",
            "{\"method\":\"a\\x\"}", "{\"method\":\"tab\there\"}"
    })
    void answersParseErrorToLinesThatAreNotOneJsonValue(String line) {
        assertSame(ParsedLine.PARSE_ERROR, parse(line));
        assertEquals(ParsedLine.Kind.PARSE_ERROR, parse(line).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0", "1.5", "1e3", "1.0", "true", "[]", "{}", "18446744073709551616",
            "99999999999999999999999"})
    void answersParseErrorToAnIdTheNodeCannotRead(String idValue) {
        assertSame(ParsedLine.PARSE_ERROR, parse("{\"id\":" + idValue + ",\"method\":\"mining.submit\"}"));
        assertSame(ParsedLine.PARSE_ERROR, parse("{\"id\":" + idValue + ",\"extra\":1}"));
    }

    @Test
    void answersParseErrorToARepeatedId() {
        assertSame(ParsedLine.PARSE_ERROR, parse("{\"id\":1,\"id\":2,\"method\":\"a\"}"));
    }

    @Test
    void answersParseErrorToALoneSurrogateEscapeAnywhere() {
        assertSame(ParsedLine.PARSE_ERROR, parse("{\"id\":\"\\ud800\",\"method\":\"a\"}"));
        assertSame(ParsedLine.PARSE_ERROR, parse("{\"id\":1,\"method\":\"\\udc00\"}"));
        assertSame(ParsedLine.PARSE_ERROR, parse("{\"id\":1,\"method\":\"a\",\"params\":[\"x\\ud800y\"]}"));
        assertSame(ParsedLine.PARSE_ERROR,
                parse("{\"id\":1,\"method\":\"a\",\"params\":[[{\"k\":\"\\ud800\"}]]}"));
        assertSame(ParsedLine.PARSE_ERROR, parse("{\"id\":1,\"\\ud800\":1}"));
        assertSame(ParsedLine.PARSE_ERROR, parse("{\"id\":1,\"x\":{\"\\udfff\":1}}"));
    }

    @Test
    void acceptsASurrogatePairEscape() {
        assertEquals(JsonRpcId.ofString("😀"), call("{\"id\":\"\\ud83d\\ude00\",\"method\":\"a\"}").id());
    }

    @Test
    void answersParseErrorToBytesThatWouldMakeJacksonGuessAnotherEncoding() {
        assertSame(ParsedLine.PARSE_ERROR, parse("\uFEFF{\"method\":\"a\"}")); // UTF-8 byte order mark
        ByteBuf utf16 = Lines.direct(new byte[]{0, '{', 0, '}'});
        try {
            assertSame(ParsedLine.PARSE_ERROR, JsonRpcRequestParser.parse(utf16));
        } finally {
            utf16.release();
        }
    }

    @Test
    void answersParseErrorToNestingPastTheLimit() {
        int depth = JsonSource.MAX_NESTING_DEPTH;
        // The object and the params array are two levels; fill up to the limit, then one more.
        String fits = "{\"id\":1,\"method\":\"a\",\"params\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1)
                + "}";
        String tooDeep = "{\"id\":1,\"method\":\"a\",\"params\":" + "[".repeat(depth) + "]".repeat(depth)
                + "}";
        assertTrue(call(fits).isValid());
        assertSame(ParsedLine.PARSE_ERROR, parse(tooDeep));
        assertSame(ParsedLine.PARSE_ERROR, parse("[".repeat(100_000)));
    }

    @Test
    void answersParseErrorToHugeNumbers() {
        String huge = "1".repeat(JsonSource.MAX_NUMBER_LENGTH + 1);
        assertSame(ParsedLine.PARSE_ERROR, parse("{\"id\":1,\"method\":\"a\",\"params\":[" + huge + "]}"));
    }

    @Test
    void readsASubscribeWithJsonrpc() {
        assertEquals(JsonRpcCall.request(id(1), "mining.subscribe", Params.ofStrings("cfxmine", ""), true),
                call("{\"jsonrpc\":\"2.0\",\"method\":\"mining.subscribe\",\"params\":[\"cfxmine\", \"\"],\"id\":1}"));
    }

    @Test
    void readsARequestWithoutJsonrpcAsOneToAnswerWithoutIt() {
        JsonRpcCall call = call("{\"id\":2,\"method\":\"mining.submit\",\"params\":[]}");
        assertTrue(call.isValid());
        assertFalse(call.hasJsonrpc());
        assertEquals("mining.submit", call.method());
    }

    @Test
    void toleratesWhitespaceAroundTheValue() {
        assertTrue(call(" \t{ \"id\" : 1 , \"method\" : \"a\" }\t \r").isValid());
    }

    @Test
    void keepsIdsInTheirTypeAndValue() {
        assertEquals(id(0), call("{\"id\":0,\"method\":\"a\"}").id());
        assertEquals(id(Long.MAX_VALUE), call("{\"id\":9223372036854775807,\"method\":\"a\"}").id());
        assertEquals(id(-1L), call("{\"id\":18446744073709551615,\"method\":\"a\"}").id());
        assertEquals(JsonRpcId.ofString("a\"b\\c/é\n"),
                call("{\"id\":\"a\\\"b\\\\c\\/\\u00e9\\n\",\"method\":\"a\"}").id());
        assertEquals(JsonRpcId.ofString(""), call("{\"id\":\"\",\"method\":\"a\"}").id());
        assertEquals(JsonRpcId.NULL, call("{\"id\":null,\"method\":\"a\"}").id());
    }

    @Test
    void tellsANullIdFromNoId() {
        JsonRpcCall nullId = call("{\"id\":null,\"method\":\"mining.submit\"}");
        JsonRpcCall noId = call("{\"method\":\"mining.submit\"}");
        assertFalse(nullId.isNotification());
        assertTrue(nullId.expectsResponse());
        assertTrue(noId.isNotification());
        assertFalse(noId.expectsResponse());
        assertEquals(JsonRpcId.NULL, noId.responseId());
    }

    @Test
    void keepsParamsByKind() {
        assertEquals(Params.ABSENT, call("{\"id\":1,\"method\":\"a\"}").params());
        assertEquals(Params.NULL, call("{\"id\":1,\"method\":\"a\",\"params\":null}").params());
        assertEquals(Params.OBJECT, call("{\"id\":1,\"method\":\"a\",\"params\":{\"w\":\"x\"}}").params());
    }

    @Test
    void keepsTheTypeAndTextOfEachParam() {
        Params params = call(
                "{\"id\":1,\"method\":\"a\",\"params\":[\"s\",5,-1.5e3,true,false,null,[1,[2]],{\"k\":[]},\"\\u0041\"]}")
                .params();
        assertEquals(Params.Kind.ARRAY, params.kind());
        assertEquals(9, params.size());
        assertEquals(List.of(ParamType.STRING, ParamType.INTEGER, ParamType.FLOAT, ParamType.BOOLEAN,
                ParamType.BOOLEAN, ParamType.NULL, ParamType.ARRAY, ParamType.OBJECT, ParamType.STRING),
                java.util.stream.IntStream.range(0, 9).mapToObj(params::type).toList());
        assertEquals("s", params.string(0));
        assertEquals(null, params.string(1));
        assertEquals("5", params.text(1));
        assertEquals("-1.5e3", params.text(2));
        assertEquals("true", params.text(3));
        assertEquals("null", params.text(5));
        assertEquals(null, params.text(6));
        assertEquals("A", params.string(8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":7,\"method\":\"a\",\"extra\":1}", "{\"id\":7,\"jsonrpc\":\"1.0\",\"method\":\"a\"}",
            "{\"id\":7,\"jsonrpc\":2,\"method\":\"a\"}", "{\"id\":7,\"jsonrpc\":null,\"method\":\"a\"}",
            "{\"id\":7,\"jsonrpc\":\"2.00\",\"method\":\"a\"}", "{\"id\":7}", "{\"id\":7,\"method\":5}",
            "{\"id\":7,\"method\":null}", "{\"id\":7,\"method\":\"a\",\"params\":\"x\"}",
            "{\"id\":7,\"method\":\"a\",\"params\":5}", "{\"id\":7,\"method\":\"a\",\"params\":true}",
            "{\"id\":7,\"method\":\"a\",\"method\":\"b\"}",
            "{\"id\":7,\"jsonrpc\":\"2.0\",\"jsonrpc\":\"2.0\",\"method\":\"a\"}",
            "{\"id\":7,\"method\":\"a\",\"params\":[],\"params\":[]}", "{\"method\":\"a\",\"id\":7,\"ID\":1}"
    })
    void readsAnInvalidRequestThatEchoesItsId(String line) {
        assertEquals(JsonRpcCall.invalid(id(7)), call(line));
    }

    @Test
    void readsAnInvalidRequestWithoutIdAsOneAnsweredWithNullId() {
        JsonRpcCall call = call("{\"method\":\"a\",\"extra\":1}");
        assertFalse(call.isValid());
        assertTrue(call.expectsResponse());
        assertEquals(JsonRpcId.NULL, call.responseId());
        assertTrue(call.hasJsonrpc());
        assertEquals(JsonRpcCall.invalid(null), call("{}"));
    }

    @Test
    void readsAnEmptyArrayAsOneInvalidRequest() {
        assertEquals(JsonRpcCall.invalid(null), call("[]"));
    }

    @Test
    void readsABatchInOrder() {
        JsonRpcBatch batch = assertInstanceOf(JsonRpcBatch.class, parse(
                "[{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"w\",\"\"]},{\"method\":\"x\"},{\"id\":\"s\",\"bad\":0}]"));
        assertEquals(ParsedLine.Kind.BATCH, batch.kind());
        assertEquals(List.of(
                JsonRpcCall.request(id(1), "mining.subscribe", Params.ofStrings("w", ""), false),
                JsonRpcCall.request(null, "x", Params.ABSENT, false),
                JsonRpcCall.invalid(JsonRpcId.ofString("s"))), batch.calls());
    }

    @Test
    void readsABatchOfNotificationsAsOneThatExpectsNoResponse() {
        JsonRpcBatch batch = assertInstanceOf(JsonRpcBatch.class,
                parse("[{\"method\":\"mining.submit\",\"params\":[]},{\"method\":\"mining.subscribe\"}]"));
        assertTrue(batch.calls().stream().noneMatch(JsonRpcCall::expectsResponse));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "[{\"method\":\"a\"},2]", "[[{\"method\":\"a\"}]]",
            "[{\"method\":\"a\"},null]",
            "[{\"id\":-1,\"method\":\"a\"}]", "[{\"method\":\"a\"}", "[{\"method\":\"a\"}]]"})
    void answersParseErrorToABatchThatIsNotAllObjects(String line) {
        assertSame(ParsedLine.PARSE_ERROR, parse(line));
    }
}

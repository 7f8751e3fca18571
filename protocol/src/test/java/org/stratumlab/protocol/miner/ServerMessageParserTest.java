package org.stratumlab.protocol.miner;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.jsonrpc.JsonRpcId;
import org.stratumlab.protocol.jsonrpc.Params;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.testing.Lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerMessageParserTest {
    static final String HASH = "0x2106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deaf";

    static ServerMessage parse(String line) {
        ByteBuf buf = Lines.direct(line);
        try {
            return ServerMessageParser.parse(buf);
        } finally {
            buf.release();
        }
    }

    private static RpcResponse response(String line) {
        return assertInstanceOf(RpcResponse.class, parse(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \r"})
    void toleratesEmptyLines(String line) {
        assertSame(EmptyLine.INSTANCE, parse(line));
        assertEquals(ServerMessage.Kind.EMPTY, parse(line).kind());
    }

    @Test
    void readsTheNodesNotifyWithItsId() {
        JobNotify notify = assertInstanceOf(JobNotify.class,
                parse("{ \"id\": 17, \"method\": \"mining.notify\", "
                        + "\"params\": [\"" + HASH + "\", \"1234\", \"" + HASH
                        + "\",\"0xf3d239e674b857c6ea3a183e0bfad981\"] }"));
        assertEquals(new JobNotify(JsonRpcId.ofNumber(17), HASH, 1234, HASH, U256.parseHex(HASH),
                U256.parseHex("0xf3d239e674b857c6ea3a183e0bfad981")), notify);
        assertTrue(notify.hasHeight());
        assertEquals(ServerMessage.Kind.NOTIFY, notify.kind());
    }

    @Test
    void readsTheDocumentedNotifyWithoutHeight() {
        JobNotify notify = assertInstanceOf(JobNotify.class,
                parse("{\"jsonrpc\":\"2.0\",\"method\":\"mining.notify\","
                        + "\"params\":[\"0x4e08\",\"" + HASH
                        + "\",\"0x1a4e3422948568210f3ab3f\"],\"id\":3}"));
        assertEquals("0x4e08", notify.jobId());
        assertFalse(notify.hasHeight());
        assertEquals(JobNotify.NO_HEIGHT, notify.height());
        assertEquals(U256.parseHex(HASH), notify.powHash());
        assertEquals(U256.parseHex("0x1a4e3422948568210f3ab3f"), notify.boundary());
    }

    @Test
    void readsANotifyWithoutIdAndInAnyMemberOrder() {
        JobNotify notify = assertInstanceOf(JobNotify.class,
                parse("{\"params\":[\"j\",\"5\",\"" + HASH
                        + "\",\"0xff\",\"extra\"],\"method\":\"mining.notify\"}"));
        assertNull(notify.id());
        assertEquals(5, notify.height());
        assertEquals(U256.of(0, 0, 0, 0xff), notify.boundary());
    }

    @Test
    void readsWhatEitherDialectWrites() {
        for (Dialect dialect : new Dialect[]{Dialect.conflux(), Dialect.doc()}) {
            JobNotify notify = assertInstanceOf(JobNotify.class,
                    parse(Lines
                            .written(out -> dialect.writeNotify(out, 99, U256.parseHex(HASH), 8, U256.MAX))));
            assertEquals(JsonRpcId.ofNumber(99), notify.id());
            assertEquals(HASH, notify.jobId());
            assertEquals(HASH, notify.powHashText());
            assertEquals(U256.MAX, notify.boundary());
            assertEquals(dialect == Dialect.conflux() ? 8 : JobNotify.NO_HEIGHT, notify.height());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"a\",\"b\"]", "[]", "\"x\"", "[\"j\",\"x1\",\"" + HASH + "\",\"0x1\"]",
            "[\"j\",\"1\",\"0xzz\",\"0x1\"]", "[\"j\",\"1\",\"" + HASH + "\",\"0xq\"]",
            "[\"j\",1,\"" + HASH + "\",\"0x1\"]",
            "[\"j\",\"-1\",\"" + HASH + "\",\"0x1\"]",
            "[\"j\",\"1234567890123456789\",\"" + HASH + "\",\"0x1\"]"})
    void reportsANotifyWithUnusableParams(String params) {
        assertInstanceOf(UnrecognizedLine.class,
                parse("{\"id\":1,\"method\":\"mining.notify\",\"params\":" + params + "}"));
    }

    @Test
    void readsBooleanResults() {
        assertEquals(new RpcResponse(JsonRpcId.ofNumber(1), ResponseStatus.ACCEPTED, 0, null),
                response("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":1}"));
        assertEquals(new RpcResponse(JsonRpcId.ofNumber(1), ResponseStatus.REJECTED, 0, null),
                response("{\"result\":false,\"id\":1}"));
    }

    @Test
    void readsArrayResults() {
        assertEquals(ResponseStatus.ACCEPTED, response("{\"result\":[true],\"id\":2}").status());
        RpcResponse malformed = response("{\"result\":[false],\"id\":2}");
        assertEquals(ResponseStatus.REJECTED, malformed.status());
        assertNull(malformed.detail());
        assertEquals(SubmitOutcome.MALFORMED, malformed.submitOutcome());
        RpcResponse stale = response(
                "{\"result\":[false,\"Solution for a stale job! worker_id = w\"],\"id\":2}");
        assertEquals("Solution for a stale job! worker_id = w", stale.detail());
        assertEquals(SubmitOutcome.STALE_JOB, stale.submitOutcome());
    }

    @Test
    void readsTheDocumentedStringResults() {
        assertEquals(ResponseStatus.ACCEPTED,
                response("{\"jsonrpc\":\"2.0\",\"result\":\"true\",\"id\":1}").status());
        assertEquals(ResponseStatus.REJECTED, response("{\"result\":\"false\",\"id\":1}").status());
        assertEquals(ResponseStatus.ACCEPTED, response("{\"result\":[\"true\"],\"id\":1}").status());
        assertEquals(new RpcResponse(JsonRpcId.ofNumber(1), ResponseStatus.REJECTED, 0, "invlaid nonce"),
                response("{\n\"jsonrpc\": \"2.0\", \"result\": [\"false\", \"invlaid nonce\"], \"id\": 1}"));
    }

    @Test
    void readsIdsOfEveryType() {
        assertEquals(JsonRpcId.ofString("a\"b"), response("{\"id\":\"a\\\"b\",\"result\":true}").id());
        assertEquals(JsonRpcId.NULL, response("{\"id\":null,\"result\":true}").id());
        assertEquals(JsonRpcId.ofNumber(-1L), response("{\"result\":true,\"id\":18446744073709551615}").id());
        assertNull(response("{\"result\":true}").id());
        assertNull(response("{\"result\":true,\"id\":-5}").id());
    }

    @Test
    void readsErrors() {
        assertEquals(new RpcResponse(JsonRpcId.NULL, ResponseStatus.ERROR, -32700, "Parse error"),
                response(
                        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"));
        assertEquals(new RpcResponse(JsonRpcId.ofNumber(1), ResponseStatus.ERROR, -32602,
                "Invalid params: invalid length 1, expected a tuple of size 2."),
                response(
                        "{\"error\":{\"message\":\"Invalid params: invalid length 1, expected a tuple of size 2.\","
                                + "\"data\":[1],\"code\":-32602},\"id\":1}"));
        assertEquals(ResponseStatus.ERROR, response("{\"error\":\"boom\",\"id\":1}").status());
        assertNull(response("{\"error\":{\"code\":1},\"id\":1}").submitOutcome());
    }

    @Test
    void ignoresANullErrorBesideAResult() {
        assertEquals(ResponseStatus.ACCEPTED, response("{\"result\":true,\"error\":null,\"id\":1}").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "1", "\"yes\"", "{}", "[]", "[1]", "[true,5]", "[false,\"r\",\"s\"]",
            "[[true]]", "[\"maybe\"]"})
    void reportsResultsOfAnUnknownShape(String result) {
        RpcResponse response = response("{\"result\":" + result + ",\"id\":4}");
        assertEquals(ResponseStatus.UNRECOGNIZED, response.status());
        assertEquals(JsonRpcId.ofNumber(4), response.id(), "the id still matches the request");
        assertNull(response.submitOutcome());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{", "[{\"result\":true,\"id\":1}]", "5", "\"x\"",
            "{\"result\":true,\"id\":1}{\"result\":true,\"id\":2}", "{\"id\":1}",
            "{\"method\":\"client.reconnect\"}"})
    void reportsOtherLinesAsUnrecognized(String line) {
        ServerMessage message = parse(line);
        assertEquals(ServerMessage.Kind.UNRECOGNIZED, message.kind());
        assertFalse(((UnrecognizedLine) message).reason().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(SubmitOutcome.class)
    void readsBackEverySubmitResultEitherDialectWrites(SubmitOutcome outcome) {
        JsonRpcCall call = JsonRpcCall.request(JsonRpcId.ofNumber(9), "mining.submit", Params.ABSENT, true);
        for (Dialect dialect : new Dialect[]{Dialect.conflux(), Dialect.doc()}) {
            RpcResponse response = response(Lines.written(
                    out -> dialect.writeSubmitResponse(out, call, outcome, "w", U256.of(0, 0, 0, 3))));
            assertEquals(outcome, response.submitOutcome(), dialect.name());
            assertEquals(JsonRpcId.ofNumber(9), response.id());
        }
    }

    @Test
    void readsBackSubscribeResultsEitherDialectWrites() {
        JsonRpcCall call = JsonRpcCall.request(JsonRpcId.ofNumber(1), "mining.subscribe", Params.ABSENT,
                true);
        for (Dialect dialect : new Dialect[]{Dialect.conflux(), Dialect.doc()}) {
            assertEquals(ResponseStatus.ACCEPTED,
                    response(Lines.written(out -> dialect.writeSubscribeResponse(out, call, true))).status());
            assertEquals(ResponseStatus.REJECTED,
                    response(Lines.written(out -> dialect.writeSubscribeResponse(out, call, false)))
                            .status());
        }
    }

    @Test
    void parsesHeapBuffersToo() {
        ByteBuf heap = Unpooled.copiedBuffer("{\"result\":true,\"id\":1}",
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            assertEquals(ResponseStatus.ACCEPTED, ((RpcResponse) ServerMessageParser.parse(heap)).status());
        } finally {
            heap.release();
        }
    }
}

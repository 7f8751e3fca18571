package org.stratumlab.protocol.miner;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.jsonrpc.JsonRpcId;
import org.stratumlab.protocol.jsonrpc.JsonRpcRequestParser;
import org.stratumlab.protocol.mining.SubmitParams;
import org.stratumlab.protocol.mining.SubscribeParams;
import org.stratumlab.testing.Lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stratumlab.testing.Lines.written;

class MinerRequestWriterTest {
    static final String HASH = ServerMessageParserTest.HASH;

    @Test
    void writesTheReferenceMinersSubscribe() {
        assertEquals(
                "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"mining.subscribe\",\"params\":[\"cfxmine\",\"\"]}\n",
                written(out -> MinerRequestWriter.writeSubscribeLine(out, 1, "cfxmine", "")));
    }

    @Test
    void escapesWorkerAndPassword() {
        assertEquals(
                "{\"id\":2,\"jsonrpc\":\"2.0\",\"method\":\"mining.subscribe\",\"params\":[\"a\\\"b\",\"p\\\\w\\n\"]}\n",
                written(out -> MinerRequestWriter.writeSubscribeLine(out, 2, "a\"b", "p\\w\n")));
    }

    @Test
    void writesTheReferenceMinersSubmitWithValuesAsReceived() {
        assertEquals(
                "{\"id\":5,\"jsonrpc\":\"2.0\",\"method\":\"mining.submit\",\"params\":[\"rig\",\"" + HASH
                        + "\",\"0x1f\",\"" + HASH + "\"]}\n",
                written(out -> MinerRequestWriter.writeSubmitLine(out, 5, "rig", HASH, U256.of(0, 0, 0, 0x1f),
                        HASH)));
    }

    @Test
    void writesTheNonceAsMinimalLowercaseHex() {
        assertEquals("0x0", nonceAsWritten(U256.ZERO));
        assertEquals("0x10000000000000000", nonceAsWritten(U256.of(0, 0, 1, 0)));
        assertEquals("0xabcdef0000000000000000000000000000000000000000000001",
                nonceAsWritten(U256.parseHex("0xABCDEF0000000000000000000000000000000000000000000001")));
        assertEquals("0x" + "f".repeat(64), nonceAsWritten(U256.MAX));
        assertEquals("0x8000000000000000000000000000000000000000000000000000000000000000",
                nonceAsWritten(U256.of(Long.MIN_VALUE, 0, 0, 0)));
    }

    private static String nonceAsWritten(U256 nonce) {
        String line = written(out -> MinerRequestWriter.writeSubmitLine(out, 1, "w", "j", nonce, "h"));
        String nonceParam = line.split("\"")[17];
        assertEquals(nonce.toMinimalHex(), nonceParam);
        return nonceParam;
    }

    @Test
    void writesAnyNonceTextForDeliberatelyMalformedSubmits() {
        assertEquals(
                "{\"id\":6,\"jsonrpc\":\"2.0\",\"method\":\"mining.submit\",\"params\":[\"w\",\"j\",\"0xzz\",\"h\"]}\n",
                written(out -> MinerRequestWriter.writeSubmitLine(out, 6, "w", "j", "0xzz", "h")));
    }

    @Test
    void writesLinesTheServerParsesBackToTheSameValues() {
        U256 nonce = U256.parseHex("0x21b49d385865819a171ed8cd9d9f80acc468e501f3486d3600000000000c786c");
        JsonRpcCall submit = parse(
                written(out -> MinerRequestWriter.writeSubmitLine(out, -1L, "rig \u00e9", HASH, nonce,
                        HASH)));
        assertEquals(JsonRpcId.ofNumber(-1L), submit.id());
        assertEquals(new SubmitParams("rig \u00e9", HASH, nonce, U256.parseHex(HASH)),
                SubmitParams.of(submit.params()));

        JsonRpcCall subscribe = parse(
                written(out -> MinerRequestWriter.writeSubscribeLine(out, 1, "w", "pw")));
        assertEquals(new SubscribeParams("w", "pw"), SubscribeParams.of(subscribe.params()));
    }

    private static JsonRpcCall parse(String lineWithEnd) {
        ByteBuf line = Lines.direct(lineWithEnd.substring(0, lineWithEnd.length() - 1));
        try {
            return (JsonRpcCall) JsonRpcRequestParser.parse(line);
        } finally {
            line.release();
        }
    }
}

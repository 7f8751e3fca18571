package org.stratumlab.protocol.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.miner.MinerRequestWriter;
import org.stratumlab.protocol.mining.SubmitParams;
import org.stratumlab.testing.Lines;

class CanonicalSubmitTest {
    private static final String HASH = "2106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deaf";
    private static final String PARAMS = "\"params\":[\"rig1\",\"0x" + HASH + "\",\"0x1f\",\"0x" + HASH
            + "\"]}";

    private final CanonicalSubmit reuse = new CanonicalSubmit();

    @Test
    void readsTheReferenceMinersLineIntoPrimitives() {
        ParsedLine parsed = parse("{\"id\":2,\"jsonrpc\":\"2.0\",\"method\":\"mining.submit\"," + PARAMS);

        assertSame(reuse, parsed);
        assertEquals(2, reuse.id());
        assertTrue(reuse.hasJsonrpc());
        assertEquals("rig1", reuse.workerId().toString());
        assertEquals(U256.ofLong(0x1f), words(reuse::nonceWord));
        assertEquals(U256.parseHex(HASH), words(reuse::powHashWord));
    }

    @Test
    void readsTheLineWithoutJsonrpcAndRemembersItsAbsence() {
        assertSame(reuse, parse("{\"id\":7,\"method\":\"mining.submit\"," + PARAMS));
        assertFalse(reuse.hasJsonrpc());
    }

    @Test
    void meansWhatTheStrictReaderReadsFromTheSameLine() {
        for (String line : List.of(
                "{\"id\":0,\"method\":\"mining.submit\",\"params\":[\"\",\"\",\"\",\"" + HASH + "\"]}",
                "{\"id\":9223372036854775807,\"jsonrpc\":\"2.0\",\"method\":\"mining.submit\","
                        + "\"params\":[\"w x!~\",\"j\u00e9\",\"0X" + "F".repeat(64) + "\",\"0X"
                        + HASH.toUpperCase()
                        + "\"]}",
                "{\"id\":18446,\"method\":\"mining.submit\",\"params\":[\"a\",\"b\",\"0x\",\"0x" + HASH
                        + "\"]}",
                "{\"id\":3,\"method\":\"mining.submit\",\"params\":[\"a\",\"b\",\"123456789abcdef01\",\""
                        + HASH
                        + "\"]}")) {
            assertSame(reuse, parse(line), line);
            JsonRpcCall strict = (JsonRpcCall) JsonRpcRequestParser.parse(Lines.heap(line));
            SubmitParams params = SubmitParams.of(strict.params());
            assertEquals(strict, reuse.toCall(), line);
            assertEquals(JsonRpcId.ofNumber(reuse.id()), strict.id(), line);
            assertEquals(strict.hasJsonrpc(), reuse.hasJsonrpc(), line);
            assertEquals(params.workerId(), reuse.workerId().toString(), line);
            assertEquals(params.nonce(), words(reuse::nonceWord), line);
            assertEquals(params.powHash(), words(reuse::powHashWord), line);
        }
    }

    @Test
    void leavesEveryOtherShapeToTheStrictReader() {
        String hash = "\"0x" + HASH + "\"";
        for (String line : List.of(
                "{\"jsonrpc\":\"2.0\",\"method\":\"mining.submit\"," + PARAMS.replace("}", ",\"id\":2}"),
                "{\"id\":2, \"method\":\"mining.submit\"," + PARAMS,
                "{\"id\":2,\"method\":\"mining.submit\"," + PARAMS + " ",
                "{\"id\":2,\"method\":\"mining.subscribe\"," + PARAMS,
                "{\"id\":2,\"method\":\"Mining.submit\"," + PARAMS,
                "{\"id\":9223372036854775808,\"method\":\"mining.submit\"," + PARAMS,
                "{\"id\":18446744073709551615,\"method\":\"mining.submit\"," + PARAMS,
                "{\"id\":-1,\"method\":\"mining.submit\"," + PARAMS,
                "{\"id\":01,\"method\":\"mining.submit\"," + PARAMS,
                "{\"id\":1.0,\"method\":\"mining.submit\"," + PARAMS,
                "{\"id\":\"7\",\"method\":\"mining.submit\"," + PARAMS,
                "{\"id\":null,\"method\":\"mining.submit\"," + PARAMS,
                "{\"id\":2,\"jsonrpc\":\"1.0\",\"method\":\"mining.submit\"," + PARAMS,
                "{\"id\":2,\"jsonrpc\":\"2.0\",\"jsonrpc\":\"2.0\",\"method\":\"mining.submit\"," + PARAMS,
                "{\"id\":2,\"method\":\"mining.submit\",\"params\":[\"r\\\"g\",\"j\",\"0x1\"," + hash + "]}",
                "{\"id\":2,\"method\":\"mining.submit\",\"params\":[\"r\u00e9\",\"j\",\"0x1\"," + hash + "]}",
                "{\"id\":2,\"method\":\"mining.submit\",\"params\":[\"r\",\"j\\u0041\",\"0x1\"," + hash
                        + "]}",
                "{\"id\":2,\"method\":\"mining.submit\",\"params\":[\"r\",\"j\",\"0xg\"," + hash + "]}",
                "{\"id\":2,\"method\":\"mining.submit\",\"params\":[\"r\",\"j\",\"0x" + "1".repeat(65) + "\","
                        + hash + "]}",
                "{\"id\":2,\"method\":\"mining.submit\",\"params\":[\"r\",\"j\",\"0x1\",\"0x"
                        + HASH.substring(1)
                        + "\"]}",
                "{\"id\":2,\"method\":\"mining.submit\",\"params\":[\"r\",\"j\",\"0x1\"," + hash + ",\"x\"]}",
                "{\"id\":2,\"method\":\"mining.submit\",\"params\":[\"r\",\"j\",\"0x1\"," + hash
                        + "],\"x\":1}",
                "[{\"id\":2,\"method\":\"mining.submit\"," + PARAMS + "]")) {
            ParsedLine parsed = parse(line);
            assertNotSame(reuse, parsed, line);
            assertEquals(JsonRpcRequestParser.parse(Lines.heap(line)), parsed, line);
        }
    }

    /** The load generator's own submits are what the fast path is for: every kind it writes takes it. */
    @Test
    void theLoadGeneratorsSubmitLinesTakeTheFastPath() {
        ByteBuf out = Unpooled.buffer();
        try {
            MinerRequestWriter.writeSubmitLine(out, 123_456_789L, "rate-17", "0x" + HASH, U256.parseHex(HASH),
                    "0x" + HASH);
            String minimal = out.toString(StandardCharsets.UTF_8).stripTrailing();
            out.clear();
            MinerRequestWriter.writeSubmitLine(out, 1L << 40, "rate-0", "0x" + HASH, "0x00000000000000ff",
                    "0x" + HASH);
            String padded = out.toString(StandardCharsets.UTF_8).stripTrailing();
            for (String line : List.of(minimal, padded)) {
                assertSame(reuse, parse(line), line);
            }
            assertEquals(123_456_789L, ((CanonicalSubmit) parse(minimal)).id());
        } finally {
            out.release();
        }
    }

    private ParsedLine parse(String line) {
        ByteBuf buf = Lines.direct(line);
        try {
            return JsonRpcRequestParser.parse(buf, reuse);
        } finally {
            buf.release();
        }
    }

    private static U256 words(java.util.function.IntToLongFunction word) {
        return U256.of(word.applyAsLong(3), word.applyAsLong(2), word.applyAsLong(1), word.applyAsLong(0));
    }
}

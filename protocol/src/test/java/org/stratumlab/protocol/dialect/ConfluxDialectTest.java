package org.stratumlab.protocol.dialect;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.jsonrpc.JsonRpcId;
import org.stratumlab.protocol.jsonrpc.Params;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.testing.Lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stratumlab.testing.Lines.written;

class ConfluxDialectTest {
    static final String HASH = "0x2106e1162d1199483fa010bcaa7d4f05b23b85d456b4a7089d787ae2e880deaf";
    static final U256 POW_HASH = U256.parseHex(HASH);
    /** The mainnet boundary of docs/protocol.md §6. */
    static final U256 MAINNET_BOUNDARY = U256
            .parseHex("0xf3d239e674b857c6ea3a183e0bfad981eda61f560b62194c6cb332");

    private final Dialect conflux = Dialect.conflux();

    private String notify(long id, U256 hash, long height, U256 boundary) {
        return written(out -> conflux.writeNotify(out, id, hash, height, boundary));
    }

    @Test
    void writesTheNotifyWithTheNodesHandMadeSpacing() {
        assertEquals(
                "{ \"id\": 17, \"method\": \"mining.notify\", \"params\": [\"" + HASH + "\", \"1234\", \""
                        + HASH
                        + "\",\"0xf3d239e674b857c6ea3a183e0bfad981eda61f560b62194c6cb332\"] }\n",
                notify(17, POW_HASH, 1234, MAINNET_BOUNDARY));
    }

    @Test
    void writesTheBoundaryWithoutLeadingZerosEvenAtOddLength() {
        U256 difficulty32 = U256.of(0x0800000000000000L, 0, 0, 0); // 2^256 / 32: 63 digits
        assertEquals(
                "{ \"id\": 18, \"method\": \"mining.notify\", \"params\": [\"" + HASH + "\", \"1\", \"" + HASH
                        + "\",\"0x8" + "0".repeat(62) + "\"] }\n",
                notify(18, POW_HASH, 1, difficulty32));
        assertEquals(
                "{ \"id\": 19, \"method\": \"mining.notify\", \"params\": [\"" + HASH + "\", \"1\", \"" + HASH
                        + "\",\"0xabc\"] }\n",
                notify(19, POW_HASH, 1, U256.of(0, 0, 0, 0xabc)));
    }

    @Test
    void writesTheDifficultyOneBoundaryAs64Fs() {
        assertEquals(
                "{ \"id\": 17, \"method\": \"mining.notify\", \"params\": [\"" + HASH + "\", \"7\", \"" + HASH
                        + "\",\"0x" + "f".repeat(64) + "\"] }\n",
                notify(17, POW_HASH, 7, U256.MAX));
    }

    @Test
    void keepsTheLeadingZerosOfThePowHash() {
        String padded = "0x" + "0".repeat(63) + "1";
        assertEquals("{ \"id\": 17, \"method\": \"mining.notify\", \"params\": [\"" + padded + "\", \"0\", \""
                + padded
                + "\",\"0x1\"] }\n", notify(17, U256.of(0, 0, 0, 1), 0, U256.of(0, 0, 0, 1)));
    }

    @Test
    void encodesTheNotifyOnceIntoItsOwnBuffer() {
        ByteBuf line = conflux.encodeNotify(ByteBufAllocator.DEFAULT, 17, POW_HASH, 1234, MAINNET_BOUNDARY);
        try {
            assertEquals(notify(17, POW_HASH, 1234, MAINNET_BOUNDARY), Lines.text(line));
        } finally {
            line.release();
        }
        assertEquals(0, line.refCnt());
    }

    @Test
    void writesSubscribeResultsAsBooleans() {
        assertEquals("true", written(out -> conflux.writeSubscribeResult(out, true)));
        assertEquals("false", written(out -> conflux.writeSubscribeResult(out, false)));
    }

    @Test
    void writesEachSubmitResultAsTheNodeDoes() {
        U256 nonce = U256.of(0, 0, 1, 0); // 2^64
        assertEquals("[true]", submit(SubmitOutcome.ACCEPTED, null, null));
        assertEquals("[false]", submit(SubmitOutcome.MALFORMED, null, null));
        assertEquals("[false,\"Solution for a stale job! worker_id = rig1\"]",
                submit(SubmitOutcome.STALE_JOB, "rig1", nonce));
        assertEquals("[false,\"Incorrect Nonce! worker_id = rig1!\"]",
                submit(SubmitOutcome.INCORRECT_NONCE, "rig1", nonce));
        assertEquals("[false,\"Problem already solved with nonce = 18446744073709551616! worker_id = rig1\"]",
                submit(SubmitOutcome.DUPLICATE, "rig1", nonce));
    }

    @Test
    void escapesTheWorkerInReasons() {
        assertEquals("[false,\"Incorrect Nonce! worker_id = a\\\"b\\\\c\\n\u00e9!\"]",
                submit(SubmitOutcome.INCORRECT_NONCE, "a\"b\\c\n\u00e9", U256.ZERO));
    }

    private String submit(SubmitOutcome outcome, String worker, U256 nonce) {
        return written(out -> conflux.writeSubmitResult(out, outcome, worker, nonce));
    }

    @Test
    void writesWholeResponsesWithOrWithoutJsonrpc() {
        JsonRpcCall versioned = JsonRpcCall.request(JsonRpcId.ofNumber(1), "mining.subscribe", Params.ABSENT,
                true);
        JsonRpcCall bare = JsonRpcCall.request(JsonRpcId.ofString("s"), "mining.submit", Params.ABSENT,
                false);
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":1}",
                written(out -> conflux.writeSubscribeResponse(out, versioned, true)));
        assertEquals("{\"result\":[false,\"Solution for a stale job! worker_id = w\"],\"id\":\"s\"}",
                written(out -> conflux.writeSubmitResponse(out, bare, SubmitOutcome.STALE_JOB, "w", null)));
    }
}

package org.stratumlab.protocol.dialect;

import org.junit.jupiter.api.Test;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.JsonRpcCall;
import org.stratumlab.protocol.jsonrpc.JsonRpcId;
import org.stratumlab.protocol.jsonrpc.Params;
import org.stratumlab.protocol.mining.SubmitOutcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stratumlab.protocol.dialect.ConfluxDialectTest.HASH;
import static org.stratumlab.protocol.dialect.ConfluxDialectTest.MAINNET_BOUNDARY;
import static org.stratumlab.protocol.dialect.ConfluxDialectTest.POW_HASH;
import static org.stratumlab.testing.Lines.written;

class DocDialectTest {
    private final Dialect doc = Dialect.doc();

    @Test
    void writesTheDocumentedThreeParamNotify() {
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"method\":\"mining.notify\",\"params\":[\"" + HASH + "\",\"" + HASH
                        + "\",\"0xf3d239e674b857c6ea3a183e0bfad981eda61f560b62194c6cb332\"],\"id\":3}\n",
                written(out -> doc.writeNotify(out, 3, POW_HASH, 1234, MAINNET_BOUNDARY)));
    }

    @Test
    void writesTheBoundaryWithoutLeadingZeros() {
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"method\":\"mining.notify\",\"params\":[\"" + HASH + "\",\"" + HASH
                        + "\",\"0x" + "f".repeat(64) + "\"],\"id\":17}\n",
                written(out -> doc.writeNotify(out, 17, POW_HASH, 1, U256.MAX)));
    }

    @Test
    void writesResultsAsStrings() {
        assertEquals("\"true\"", written(out -> doc.writeSubscribeResult(out, true)));
        assertEquals("\"false\"", written(out -> doc.writeSubscribeResult(out, false)));
        assertEquals("[\"true\"]", submit(SubmitOutcome.ACCEPTED));
        assertEquals("[\"false\"]", submit(SubmitOutcome.MALFORMED));
        assertEquals("[\"false\",\"Solution for a stale job! worker_id = w\"]",
                submit(SubmitOutcome.STALE_JOB));
        assertEquals("[\"false\",\"Incorrect Nonce! worker_id = w!\"]",
                submit(SubmitOutcome.INCORRECT_NONCE));
        assertEquals("[\"false\",\"Problem already solved with nonce = 42! worker_id = w\"]",
                submit(SubmitOutcome.DUPLICATE));
    }

    private String submit(SubmitOutcome outcome) {
        return written(out -> doc.writeSubmitResult(out, outcome, "w", U256.of(0, 0, 0, 42)));
    }

    @Test
    void writesWholeResponsesLikeTheNodesTransport() {
        JsonRpcCall call = JsonRpcCall.request(JsonRpcId.ofNumber(1), "mining.subscribe", Params.ABSENT,
                true);
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"true\",\"id\":1}",
                written(out -> doc.writeSubscribeResponse(out, call, true)));
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":[\"true\"],\"id\":1}",
                written(out -> doc.writeSubmitResponse(out, call, SubmitOutcome.ACCEPTED, "w", U256.ZERO)));
    }
}

package org.stratumlab.protocol.dialect;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.JsonOutput;
import org.stratumlab.protocol.mining.SubmitOutcome;

import java.nio.charset.StandardCharsets;

/**
 * The node's dialect (docs/protocol.md §4–5). The node writes its notify by hand, so the spacing is fixed, including
 * {@code ", "} after the first two params but {@code ","} before the boundary:
 *
 * <pre>
 * { "id": 17, "method": "mining.notify", "params": ["0x&lt;pow_hash&gt;", "&lt;height&gt;", "0x&lt;pow_hash&gt;","0x&lt;boundary&gt;"] }
 * </pre>
 *
 * {@code job_id} and {@code pow_hash} are the hash as {@code 0x} and 64 lowercase digits; the height is a
 * decimal string; the boundary is {@code 0x} and lowercase hex without leading zeros. Results are JSON
 * booleans: {@code true}, {@code [true]}, {@code [false,"reason"]}.
 */
final class ConfluxDialect implements Dialect {
    static final String NAME = "conflux";
    static final ConfluxDialect INSTANCE = new ConfluxDialect();

    private static final byte[] ID = ascii("{ \"id\": ");
    private static final byte[] METHOD_AND_JOB = ascii(", \"method\": \"mining.notify\", \"params\": [\"");
    private static final byte[] SPACED_SEPARATOR = ascii("\", \"");
    private static final byte[] TIGHT_SEPARATOR = ascii("\",\"");
    private static final byte[] END = ascii("\"] }\n");

    private final ResultSpelling results = new ResultSpelling("true", "false");

    private ConfluxDialect() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void writeNotify(ByteBuf out, long notifyId, U256 powHash, long height, U256 boundary) {
        String hash = powHash.toPaddedHex();
        out.writeBytes(ID);
        JsonOutput.writeUnsignedDecimal(out, notifyId);
        out.writeBytes(METHOD_AND_JOB);
        ByteBufUtil.writeAscii(out, hash);
        out.writeBytes(SPACED_SEPARATOR);
        JsonOutput.writeUnsignedDecimal(out, height);
        out.writeBytes(SPACED_SEPARATOR);
        ByteBufUtil.writeAscii(out, hash);
        out.writeBytes(TIGHT_SEPARATOR);
        ByteBufUtil.writeAscii(out, boundary.toMinimalHex());
        out.writeBytes(END);
    }

    @Override
    public void writeSubscribeResult(ByteBuf out, boolean subscribed) {
        results.writeBoolean(out, subscribed);
    }

    @Override
    public void writeSubmitResult(ByteBuf out, SubmitOutcome outcome, CharSequence workerId, U256 nonce) {
        results.writeSubmit(out, outcome, workerId, nonce);
    }

    @Override
    public String toString() {
        return NAME;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

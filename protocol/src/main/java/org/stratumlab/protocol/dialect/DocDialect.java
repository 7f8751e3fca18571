package org.stratumlab.protocol.dialect;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.JsonOutput;
import org.stratumlab.protocol.mining.SubmitOutcome;

import java.nio.charset.StandardCharsets;

/**
 * The dialect of the node's public Stratum documentation (docs/protocol.md §4.3, "The documented dialect").
 * The documentation is loose about bytes, so this takes its
 * examples literally where they are precise and the node's conventions where they are not:
 * <ul>
 * <li>notify: the documentation's example, member order and {@code "jsonrpc":"2.0"} included, compact:
 * {@code {"jsonrpc":"2.0","method":"mining.notify","params":["0x<hash>","0x<hash>","0x<boundary>"],"id":3}}
 * with params {@code [job_id, pow_hash, boundary]} (job_id is the hash, as in the example; no height);</li>
 * <li>results: true and false as the strings {@code "true"} and {@code "false"}: subscribe
 * {@code "true"}, submit {@code ["true"]}, {@code ["false"]}, {@code ["false","<the node's reason>"]}. Compact
 * like every response (the documentation's examples are pretty-printed for reading).</li>
 * </ul>
 */
final class DocDialect implements Dialect {
    static final String NAME = "doc";
    static final DocDialect INSTANCE = new DocDialect();

    private static final byte[] START = ascii(
            "{\"jsonrpc\":\"2.0\",\"method\":\"mining.notify\",\"params\":[\"");
    private static final byte[] SEPARATOR = ascii("\",\"");
    private static final byte[] ID = ascii("\"],\"id\":");
    private static final byte[] END = ascii("}\n");

    private final ResultSpelling results = new ResultSpelling("\"true\"", "\"false\"");

    private DocDialect() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void writeNotify(ByteBuf out, long notifyId, U256 powHash, long height, U256 boundary) {
        String hash = powHash.toPaddedHex();
        out.writeBytes(START);
        ByteBufUtil.writeAscii(out, hash);
        out.writeBytes(SEPARATOR);
        ByteBufUtil.writeAscii(out, hash);
        out.writeBytes(SEPARATOR);
        ByteBufUtil.writeAscii(out, boundary.toMinimalHex());
        out.writeBytes(ID);
        JsonOutput.writeUnsignedDecimal(out, notifyId);
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

package org.stratumlab.protocol.miner;

import io.netty.buffer.ByteBuf;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.JsonOutput;

import java.nio.charset.StandardCharsets;

/**
 * Writes the request lines of a miner in the shape of the reference miner, open-cfxmine (docs/real-miners.md §4), line end
 * included:
 *
 * <pre>
 * {"id":1,"jsonrpc":"2.0","method":"mining.subscribe","params":["&lt;name&gt;","&lt;password&gt;"]}
 * {"id":N,"jsonrpc":"2.0","method":"mining.submit","params":["&lt;name&gt;","&lt;job_id&gt;","0x&lt;nonce hex&gt;","&lt;pow_hash&gt;"]}
 * </pre>
 *
 * The job id and pow_hash go out exactly as the notify carried them (they already start with {@code 0x}).
 * Strings are JSON-escaped. Stateless.
 */
public final class MinerRequestWriter {
    private static final byte[] ID = ascii("{\"id\":");
    private static final byte[] SUBSCRIBE = ascii(
            ",\"jsonrpc\":\"2.0\",\"method\":\"mining.subscribe\",\"params\":[");
    private static final byte[] SUBMIT = ascii(
            ",\"jsonrpc\":\"2.0\",\"method\":\"mining.submit\",\"params\":[");
    private static final byte[] END = ascii("]}\n");

    private MinerRequestWriter() {
    }

    /**
     * Writes a subscribe line.
     *
     * @param out where to write
     * @param id the request id (unsigned)
     * @param workerId the worker name
     * @param password the plaintext password, {@code ""} when the server has none
     */
    public static void writeSubscribeLine(ByteBuf out, long id, CharSequence workerId,
            CharSequence password) {
        writeStart(out, id, SUBSCRIBE);
        JsonOutput.writeString(out, workerId);
        out.writeByte(',');
        JsonOutput.writeString(out, password);
        out.writeBytes(END);
    }

    /**
     * Writes a submit line for a solution: the nonce as {@code 0x} and minimal lowercase hex.
     *
     * @param out where to write
     * @param id the request id (unsigned)
     * @param workerId the worker name
     * @param jobId the job id as the notify carried it
     * @param nonce the nonce
     * @param powHash the pow_hash as the notify carried it
     */
    public static void writeSubmitLine(ByteBuf out, long id, CharSequence workerId, CharSequence jobId,
            U256 nonce,
            CharSequence powHash) {
        writeSubmitStart(out, id, workerId, jobId);
        out.writeByte('"');
        HexWriter.writeMinimalHex(out, nonce);
        out.writeByte('"').writeByte(',');
        JsonOutput.writeString(out, powHash);
        out.writeBytes(END);
    }

    /**
     * Writes a submit line with the nonce as given, for deliberately malformed submits.
     *
     * @param out where to write
     * @param id the request id (unsigned)
     * @param workerId the worker name
     * @param jobId the job id
     * @param nonce the nonce text, written as a JSON string
     * @param powHash the pow_hash
     */
    public static void writeSubmitLine(ByteBuf out, long id, CharSequence workerId, CharSequence jobId,
            CharSequence nonce, CharSequence powHash) {
        writeSubmitStart(out, id, workerId, jobId);
        JsonOutput.writeString(out, nonce);
        out.writeByte(',');
        JsonOutput.writeString(out, powHash);
        out.writeBytes(END);
    }

    private static void writeSubmitStart(ByteBuf out, long id, CharSequence workerId, CharSequence jobId) {
        writeStart(out, id, SUBMIT);
        JsonOutput.writeString(out, workerId);
        out.writeByte(',');
        JsonOutput.writeString(out, jobId);
        out.writeByte(',');
    }

    private static void writeStart(ByteBuf out, long id, byte[] methodAndParams) {
        out.writeBytes(ID);
        JsonOutput.writeUnsignedDecimal(out, id);
        out.writeBytes(methodAndParams);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

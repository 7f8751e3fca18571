package org.stratumlab.protocol.dialect;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.JsonOutput;
import org.stratumlab.protocol.mining.SubmitOutcome;
import org.stratumlab.protocol.mining.SubmitReasons;

import java.nio.charset.StandardCharsets;

/**
 * Writes results with a dialect's spelling of true and false: the submit result is an array of that value and,
 * for the three known rejections, the node's reason string (docs/protocol.md §5). Compact, like all of the node's
 * responses. Immutable.
 */
final class ResultSpelling {
    private static final byte[] STALE_JOB_PREFIX = quotedStart(SubmitReasons.STALE_JOB_PREFIX);
    private static final byte[] INCORRECT_NONCE_PREFIX = quotedStart(SubmitReasons.INCORRECT_NONCE_PREFIX);
    private static final byte[] INCORRECT_NONCE_SUFFIX = ascii(SubmitReasons.INCORRECT_NONCE_SUFFIX + "\"");
    private static final byte[] DUPLICATE_PREFIX = quotedStart(SubmitReasons.DUPLICATE_PREFIX);
    private static final byte[] DUPLICATE_MIDDLE = ascii(SubmitReasons.DUPLICATE_MIDDLE);

    private final byte[] trueValue;
    private final byte[] falseValue;

    /**
     * @param trueValue how true is written, e.g. {@code true} or {@code "true"}
     * @param falseValue how false is written
     */
    ResultSpelling(String trueValue, String falseValue) {
        this.trueValue = ascii(trueValue);
        this.falseValue = ascii(falseValue);
    }

    void writeBoolean(ByteBuf out, boolean value) {
        out.writeBytes(value ? trueValue : falseValue);
    }

    void writeSubmit(ByteBuf out, SubmitOutcome outcome, CharSequence workerId, U256 nonce) {
        out.writeByte('[');
        writeBoolean(out, outcome == SubmitOutcome.ACCEPTED);
        switch (outcome) {
            case STALE_JOB -> {
                out.writeBytes(STALE_JOB_PREFIX);
                JsonOutput.writeEscaped(out, workerId);
                out.writeByte('"');
            }
            case INCORRECT_NONCE -> {
                out.writeBytes(INCORRECT_NONCE_PREFIX);
                JsonOutput.writeEscaped(out, workerId);
                out.writeBytes(INCORRECT_NONCE_SUFFIX);
            }
            case DUPLICATE -> {
                out.writeBytes(DUPLICATE_PREFIX);
                ByteBufUtil.writeAscii(out, nonce.toDecimal());
                out.writeBytes(DUPLICATE_MIDDLE);
                JsonOutput.writeEscaped(out, workerId);
                out.writeByte('"');
            }
            default -> {
                // ACCEPTED and MALFORMED carry no reason.
            }
        }
        out.writeByte(']');
    }

    /** @return {@code ,"} and the text, which needs no escaping: the separator and an unclosed string */
    private static byte[] quotedStart(String text) {
        return ascii(",\"" + text);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

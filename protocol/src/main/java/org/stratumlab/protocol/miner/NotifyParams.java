package org.stratumlab.protocol.miner;

import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.JsonRpcId;

/**
 * Reads notify params in either dialect (docs/protocol.md §4): four or more strings are the node's
 * {@code [job_id, height, pow_hash, boundary]} (extra ones ignored, as the reference miner does), three are
 * the documented {@code [job_id, pow_hash, boundary]}. Hashes and boundaries are read as hex of at most 64
 * digits with an optional {@code 0x}; the height as a decimal string.
 */
final class NotifyParams {
    private static final int MAX_HEIGHT_DIGITS = 18;

    private NotifyParams() {
    }

    /**
     * @param id the notify's id, or {@code null}
     * @param params the params as read, non-strings as {@code null}; {@code null} when not an array
     * @param count how many params there were
     * @return the notify, or an {@link UnrecognizedLine} saying why the params are unusable
     */
    static ServerMessage toNotify(JsonRpcId id, String[] params, int count) {
        if (count < 3) {
            return new UnrecognizedLine("a notify with " + count + " params, expected 3 or 4");
        }
        boolean withHeight = count >= 4;
        String jobId = params[0];
        String heightText = withHeight ? params[1] : "";
        String hashText = params[withHeight ? 2 : 1];
        String boundaryText = params[withHeight ? 3 : 2];
        if (jobId == null || heightText == null || hashText == null || boundaryText == null) {
            return new UnrecognizedLine("a notify with params that are not strings");
        }
        long height = withHeight ? parseHeight(heightText) : JobNotify.NO_HEIGHT;
        U256 powHash = U256.tryParseHex(hashText);
        U256 boundary = U256.tryParseHex(boundaryText);
        if (height < JobNotify.NO_HEIGHT || powHash == null || boundary == null) {
            return new UnrecognizedLine("a notify with an unreadable height, pow_hash or boundary");
        }
        return new JobNotify(id, jobId, height, hashText, powHash, boundary);
    }

    /** @return the height, or -2 when the text is not 1 to 18 decimal digits */
    private static long parseHeight(String text) {
        if (text.isEmpty() || text.length() > MAX_HEIGHT_DIGITS) {
            return -2;
        }
        long height = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -2;
            }
            height = height * 10 + (c - '0');
        }
        return height;
    }
}

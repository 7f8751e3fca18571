package org.stratumlab.protocol.mining;

import org.stratumlab.pow.U256;
import org.stratumlab.protocol.jsonrpc.ParamType;
import org.stratumlab.protocol.jsonrpc.Params;

/**
 * The params of {@code mining.submit}, read as the node reads them (docs/protocol.md §5): the string elements of the
 * array, in order, non-strings silently dropped, must be exactly four: {@code [worker_id, job_id, nonce,
 * pow_hash]}. {@code job_id} is kept but the node ignores it; {@code worker_id} only appears in reasons.
 *
 * @param workerId the worker name, for reason strings
 * @param jobId the job id as sent (ignored by the node)
 * @param nonce the nonce
 * @param powHash the problem hash, which selects the problem
 */
public record SubmitParams(String workerId, String jobId, U256 nonce, U256 powHash) {
    private static final int POW_HASH_DIGITS = 64;

    /**
     * @param params the request's params
     * @return the params, or {@code null} when the submit is {@link SubmitOutcome#MALFORMED}: not an array, not
     *         exactly four strings, or a nonce or pow_hash that does not parse
     */
    public static SubmitParams of(Params params) {
        if (params.kind() != Params.Kind.ARRAY || countStrings(params) != 4) {
            return null;
        }
        int worker = nextString(params, 0);
        int job = nextString(params, worker + 1);
        int nonceAt = nextString(params, job + 1);
        int hashAt = nextString(params, nonceAt + 1);
        U256 nonce = parseNonce(params.text(nonceAt));
        U256 powHash = parsePowHash(params.text(hashAt));
        if (nonce == null || powHash == null) {
            return null;
        }
        return new SubmitParams(params.text(worker), params.text(job), nonce, powHash);
    }

    /**
     * Reads a nonce: optional {@code 0x} (or {@code 0X}), then at most 64 hex digits of either case counted as
     * written, no padding required; no digits at all is 0. Two spellings of one value are the same nonce.
     *
     * @param text the nonce param
     * @return the value, or {@code null} if it is not such hex
     */
    public static U256 parseNonce(CharSequence text) {
        return U256.tryParseHex(text);
    }

    /**
     * Reads a pow_hash: optional {@code 0x} (or {@code 0X}), then exactly 64 hex digits of either case.
     *
     * @param text the pow_hash param
     * @return the value, or {@code null} if it is not such hex
     */
    public static U256 parsePowHash(CharSequence text) {
        boolean prefixed = text.length() >= 2 && text.charAt(0) == '0'
                && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        int digits = text.length() - (prefixed ? 2 : 0);
        return digits == POW_HASH_DIGITS ? U256.tryParseHex(text) : null;
    }

    private static int countStrings(Params params) {
        int count = 0;
        for (int i = 0; i < params.size(); i++) {
            if (params.type(i) == ParamType.STRING) {
                count++;
            }
        }
        return count;
    }

    private static int nextString(Params params, int from) {
        int i = from;
        while (params.type(i) != ParamType.STRING) {
            i++;
        }
        return i;
    }
}

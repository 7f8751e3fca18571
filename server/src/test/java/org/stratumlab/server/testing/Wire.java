package org.stratumlab.server.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stratumlab.protocol.dialect.Dialect;
import org.stratumlab.server.chain.Job;

/**
 * The lines of docs/protocol.md spelled out by hand, independently of the protocol module's writers, so that the tests
 * compare the server's bytes with the contract rather than with the code that produced them. Ids and results are
 * passed as JSON text ({@code "1"}, {@code "\"abc\""}, {@code "null"}).
 */
public final class Wire {
    /** docs/protocol.md §1: the answer to a line that is not exactly one JSON value. */
    public static final String PARSE_ERROR = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}";
    /** docs/protocol.md §7: the answer to an over-long line, after which the server closes. */
    public static final String LINE_TOO_LONG = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Request line too long\"},\"id\":null}";
    /** The boundary of difficulty 4, the default: 2^254. */
    public static final String BOUNDARY_OF_DIFFICULTY_4 = "0x4" + "0".repeat(63);

    private static final Pattern NOTIFY_ID = Pattern.compile("\"id\": ?(\\d+)");

    private Wire() {
    }

    /** @return a subscribe request as the reference miner sends it (docs/real-miners.md §4) */
    public static String subscribe(String id, String worker, String password) {
        return "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"method\":\"mining.subscribe\",\"params\":[\""
                + worker
                + "\",\"" + password + "\"]}";
    }

    /** @return a submit request as the reference miner sends it (docs/real-miners.md §4) */
    public static String submit(String id, String worker, String jobId, String nonce, String powHash) {
        return "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"method\":\"mining.submit\",\"params\":[\"" + worker
                + "\",\"" + jobId + "\",\"" + nonce + "\",\"" + powHash + "\"]}";
    }

    /** @return a submit of {@code nonce} for {@code job}, job id and pow_hash as the notify spells them */
    public static String submit(String id, String worker, Job job, String nonce) {
        String hash = job.powHash().toPaddedHex();
        return submit(id, worker, hash, nonce, hash);
    }

    /** @return a success response of a request that carried {@code "jsonrpc":"2.0"} */
    public static String result(String result, String id) {
        return "{\"jsonrpc\":\"2.0\",\"result\":" + result + ",\"id\":" + id + "}";
    }

    /** @return an error response of a request that carried {@code "jsonrpc":"2.0"} */
    public static String error(int code, String message, String id) {
        return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":" + code + ",\"message\":\"" + message
                + "\"},\"id\":" + id
                + "}";
    }

    /** @return how the dialect spells a boolean result: {@code true} (conflux) or {@code "true"} (doc) */
    public static String bool(Dialect dialect, boolean value) {
        return isDoc(dialect) ? "\"" + value + "\"" : Boolean.toString(value);
    }

    /** @return a submit result without a reason: {@code [true]}, {@code ["false"]}, ... */
    public static String submitResult(Dialect dialect, boolean accepted) {
        return "[" + bool(dialect, accepted) + "]";
    }

    /** @return a rejected submit's result with the node's reason: {@code [false,"reason"]} */
    public static String submitRejected(Dialect dialect, String reason) {
        return "[" + bool(dialect, false) + ",\"" + reason + "\"]";
    }

    /**
     * @return the notify line of docs/protocol.md §4 without its line end: the node's hand-spaced 4-param line
     *         (conflux), or the documented compact 3-param line (doc)
     */
    public static String notify(Dialect dialect, long id, Job job) {
        String hash = job.powHash().toPaddedHex();
        String boundary = job.boundary().toMinimalHex();
        if (isDoc(dialect)) {
            return "{\"jsonrpc\":\"2.0\",\"method\":\"mining.notify\",\"params\":[\"" + hash + "\",\"" + hash
                    + "\",\"" + boundary + "\"],\"id\":" + id + "}";
        }
        return "{ \"id\": " + id + ", \"method\": \"mining.notify\", \"params\": [\"" + hash + "\", \""
                + job.height() + "\", \"" + hash + "\",\"" + boundary + "\"] }";
    }

    /** @return whether a line is a push rather than a response (docs/protocol.md §4: classify by {@code method}) */
    public static boolean isNotify(String line) {
        return line.contains("\"method\": \"mining.notify\"")
                || line.contains("\"method\":\"mining.notify\"");
    }

    /** @return the id of a notify line in either dialect */
    public static long notifyId(String line) {
        Matcher matcher = NOTIFY_ID.matcher(line);
        if (!matcher.find()) {
            throw new AssertionError("not a notify: " + line);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static boolean isDoc(Dialect dialect) {
        return dialect.name().equals("doc");
    }
}

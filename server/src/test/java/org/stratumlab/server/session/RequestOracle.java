package org.stratumlab.server.session;

import org.stratumlab.server.session.RequestModel.Kind;
import org.stratumlab.server.session.RequestModel.Line;
import org.stratumlab.server.session.RequestModel.Member;
import org.stratumlab.server.session.RequestModel.Request;
import org.stratumlab.server.session.RequestModel.Value;

import org.stratumlab.server.testing.Wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The expected answer to each line of {@link RequestModel}, written from docs/protocol.md §1–3 and §5 (and the node's
 * rules the parser's javadoc records where the document is silent: an id the node cannot read, a repeated id, a
 * batch holding a non-object and a lone surrogate escape make the whole line a parse error), not from the server's
 * code. One instance per connection: it remembers the nonces accepted for the current problem.
 */
final class RequestOracle {
    static final String PARSE_ERROR = "P";
    static final String CANONICAL = "C";
    private static final String PARSE_ERROR_LINE = Pattern.quote(Wire.PARSE_ERROR);
    /** The inside of a JSON string: no bare quote or backslash, escapes allowed. */
    private static final String JSON_STRING_BODY = "(?:[^\"\\\\]|\\\\.)+";
    private static final int MAX_DEPTH = 127;
    private static final BigInteger MAX_ID = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Set<String> MEMBERS = Set.of("id", "jsonrpc", "method", "params");

    private final String hash;
    private final boolean everyNonceSolves;
    private final Set<BigInteger> accepted = new HashSet<>();

    /**
     * @param hash the current problem's 64 lowercase hex digits
     * @param everyNonceSolves true at difficulty 1; false where no nonce solves
     */
    RequestOracle(String hash, boolean everyNonceSolves) {
        this.hash = hash;
        this.everyNonceSolves = everyNonceSolves;
    }

    /** @return the line as sent, placeholders replaced */
    String text(Line line) {
        return fill(line.text());
    }

    private String fill(String text) {
        return text.replace(RequestModel.HASH, hash).replace(RequestModel.HASH_UPPER, hash.toUpperCase());
    }

    /**
     * @return a pattern of the one line written in reply (without its line end): its exact bytes, but for the text
     *         after "Invalid params: ", which §3 leaves to the node's deserializer
     */
    Pattern answer(Line line) {
        return Pattern.compile(answerPattern(line), Pattern.DOTALL);
    }

    private String answerPattern(Line line) {
        if (line.raw() != null) {
            return switch (line.raw()) {
                case PARSE_ERROR -> PARSE_ERROR_LINE;
                case CANONICAL -> canonical(line);
                case "I" -> invalid("null");
                case "I5" -> invalid("5");
                case "[I]" -> Pattern.quote("[") + invalid("null") + Pattern.quote("]");
                default -> throw new IllegalStateException(line.raw());
            };
        }
        List<String> answers = new ArrayList<>();
        for (Request request : line.requests()) {
            if (unparsable(request, line.batch() ? 2 : 1)) {
                return PARSE_ERROR_LINE;
            }
        }
        if (line.batch() && line.requests().isEmpty()) {
            return invalid("null"); // §1: an empty array is one invalid request
        }
        for (Request request : line.requests()) {
            String answer = answer(request);
            if (answer != null) {
                answers.add(answer);
            }
        }
        if (!line.batch()) {
            return answers.isEmpty() ? "" : answers.get(0);
        }
        return answers.isEmpty()
                ? ""
                : Pattern.quote("[") + String.join(Pattern.quote(","), answers)
                        + Pattern.quote("]");
    }

    /** §1 and the parser's limits: what makes the whole line a parse error, wherever in the line it is. */
    private static boolean unparsable(Request request, int depth) {
        int deepest = depth;
        int ids = 0;
        for (Member member : request.members()) {
            if (member.name().unparsable() || member.value().unparsable()) {
                return true;
            }
            deepest = Math.max(deepest, depth + member.value().depth());
            if (member.name().string().equals("id")) {
                ids++;
                if (ids > 1 || !isReadableId(member.value())) {
                    return true;
                }
            }
        }
        return deepest > MAX_DEPTH;
    }

    /** §2: an unsigned integer up to 2^64 - 1, a string, or null. */
    private static boolean isReadableId(Value id) {
        return switch (id.kind()) {
            case NULL, STRING -> true;
            case INTEGER -> !id.text().startsWith("-") && id.integer().compareTo(MAX_ID) <= 0;
            default -> false;
        };
    }

    /** @return the answer to one readable request, or null for a notification (§2) */
    private String answer(Request request) {
        Value id = null;
        Value version = null;
        Value method = null;
        Value params = null;
        boolean invalid = false;
        for (Member member : request.members()) {
            String name = member.name().string();
            Value value = member.value();
            invalid |= !MEMBERS.contains(name);
            switch (name) {
                case "id" -> id = value;
                case "jsonrpc" -> {
                    invalid |= version != null || !value.isString("2.0");
                    version = value;
                }
                case "method" -> {
                    invalid |= method != null || value.kind() != Kind.STRING;
                    method = value;
                }
                case "params" -> {
                    invalid |= params != null
                            || !(value.kind() == Kind.ARRAY || value.kind() == Kind.OBJECT
                                    || value.kind() == Kind.NULL);
                    params = value;
                }
                default -> {
                }
            }
        }
        String idText = id == null ? "null" : idJson(id);
        if (invalid || method == null) {
            return invalid(idText);
        }
        if (id == null) {
            return null;
        }
        String start = version != null ? "{\"jsonrpc\":\"2.0\"," : "{";
        return switch (method.string()) {
            case "mining.subscribe" -> subscribe(start, params, idText);
            case "mining.submit" ->
                Pattern.quote(start + "\"result\":" + submit(params) + ",\"id\":" + idText + "}");
            default ->
                Pattern.quote(start + "\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":"
                        + idText + "}");
        };
    }

    /** §3, no password configured: two strings subscribe; anything else is -32602 "Invalid params: ...". */
    private static String subscribe(String start, Value params, String idText) {
        List<Value> elements = params == null ? null : params.elements();
        if (elements != null && elements.size() == 2
                && elements.stream().allMatch(e -> e.kind() == Kind.STRING)) {
            return Pattern.quote(start + "\"result\":true,\"id\":" + idText + "}");
        }
        return Pattern.quote(start + "\"error\":{\"code\":-32602,\"message\":\"Invalid params: ")
                + JSON_STRING_BODY
                + Pattern.quote("\"},\"id\":" + idText + "}");
    }

    /** §5: the string elements are the params; then shape, window, proof of work, duplicate, in that order. */
    private String submit(Value params) {
        List<Value> elements = params == null ? null : params.elements();
        if (elements == null) {
            return "[false]";
        }
        List<String> strings = elements.stream().filter(e -> e.kind() == Kind.STRING)
                .map(e -> fill(e.string()))
                .toList();
        if (strings.size() != 4) {
            return "[false]";
        }
        BigInteger nonce = hex(strings.get(2), false);
        BigInteger powHash = hex(strings.get(3), true);
        if (nonce == null || powHash == null) {
            return "[false]";
        }
        String worker = escape(strings.get(0));
        if (!powHash.equals(new BigInteger(hash, 16))) {
            return "[false,\"Solution for a stale job! worker_id = " + worker + "\"]";
        }
        if (!everyNonceSolves) {
            return "[false,\"Incorrect Nonce! worker_id = " + worker + "!\"]";
        }
        if (!accepted.add(nonce)) {
            return "[false,\"Problem already solved with nonce = " + nonce + "! worker_id = " + worker
                    + "\"]";
        }
        return "[true]";
    }

    private String canonical(Line line) {
        String text = text(line);
        String id = text.substring("{\"id\":".length(), text.indexOf(','));
        String start = text.contains("\"jsonrpc\"") ? "{\"jsonrpc\":\"2.0\"," : "{";
        String params = text.substring(text.indexOf('[') + 2, text.length() - 3);
        String[] strings = params.split("\",\"", -1);
        BigInteger nonce = hex(strings[2], false);
        BigInteger powHash = hex(strings[3], true);
        String result;
        if (nonce == null || powHash == null) {
            result = "[false]";
        } else if (!powHash.equals(new BigInteger(hash, 16))) {
            result = "[false,\"Solution for a stale job! worker_id = " + strings[0] + "\"]";
        } else if (!everyNonceSolves) {
            result = "[false,\"Incorrect Nonce! worker_id = " + strings[0] + "!\"]";
        } else if (!accepted.add(nonce)) {
            result = "[false,\"Problem already solved with nonce = " + nonce + "! worker_id = " + strings[0]
                    + "\"]";
        } else {
            result = "[true]";
        }
        return Pattern.quote(start + "\"result\":" + result + ",\"id\":" + id + "}");
    }

    /** §5: an optional 0x, then hex digits, at most 64 as written (a pow_hash exactly 64); none is 0. */
    private static BigInteger hex(String text, boolean exactly64) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.length() > 64 || (exactly64 && digits.length() != 64)) {
            return null;
        }
        for (char c : digits.toCharArray()) {
            if (Character.digit(c, 16) < 0 || c > 'f') {
                return null;
            }
        }
        return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
    }

    private static String invalid(String idText) {
        return Pattern.quote(Wire.error(-32600, "Invalid request", idText));
    }

    /** §2: the id echoed in type and value; a string re-escaped as the node's serializer does. */
    private static String idJson(Value id) {
        return switch (id.kind()) {
            case NULL -> "null";
            case INTEGER -> id.integer().toString();
            case STRING -> "\"" + escape(id.string()) + "\"";
            default -> throw new IllegalStateException("unreadable id " + id);
        };
    }

    /** serde_json's escaping: quote, backslash and the short escapes; other controls as \\u00xx; the rest raw. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}

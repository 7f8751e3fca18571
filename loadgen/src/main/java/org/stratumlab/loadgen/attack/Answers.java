package org.stratumlab.loadgen.attack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sorts the lines an endpoint wrote back to an attacker into the answer kinds of the summary. */
final class Answers {
    static final String ERROR_PREFIX = "error:";
    static final String NOTIFY = "notify";
    static final String OTHER = "other";
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(-?\\d+)");

    private Answers() {
    }

    /**
     * @param line a line as received, without its line end
     * @return its kind: {@code empty}, {@code batch}, {@code notify}, {@code error:<code>}, {@code stale},
     *         {@code incorrect}, {@code duplicate}, {@code false}, {@code result} or {@code other}
     */
    static String kindOf(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return "empty";
        }
        if (text.startsWith("[")) {
            return "batch";
        }
        if (text.contains("\"method\"")) {
            return NOTIFY;
        }
        if (text.contains("\"error\"")) {
            Matcher code = CODE.matcher(text);
            return ERROR_PREFIX + (code.find() ? code.group(1) : "?");
        }
        if (text.contains("stale job")) {
            return "stale";
        }
        if (text.contains("Incorrect Nonce")) {
            return "incorrect";
        }
        if (text.contains("already solved")) {
            return "duplicate";
        }
        if (text.contains("\"result\"")) {
            return text.contains("false") ? "false" : "result";
        }
        return OTHER;
    }
}

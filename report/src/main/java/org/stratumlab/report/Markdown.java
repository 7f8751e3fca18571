package org.stratumlab.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Markdown text for the results index: table cells that cannot break the table, and safe relative links. */
final class Markdown {
    /** Characters that Markdown or the HTML inside it would interpret; CommonMark lets each be backslash-escaped. */
    private static final String SPECIAL = "\\`*_[]|<>&#!";

    private Markdown() {
    }

    /** @return text for one table cell, every special character escaped and line breaks turned to spaces */
    static String cell(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '\n' || c == '\r') {
                out.append(' ');
            } else {
                out.append(SPECIAL.indexOf(c) >= 0 ? "\\" : "").append(c);
            }
        }
        return out.toString();
    }

    /** @return the relative link to a file in a run directory, '/'-separated and percent-encoded where needed */
    static String link(Path dir, String fileName) {
        StringBuilder out = new StringBuilder();
        for (Path part : dir) {
            if (!part.toString().isEmpty()) {
                out.append(encode(part.toString())).append('/');
            }
        }
        return out.append(encode(fileName)).toString();
    }

    private static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~".indexOf(c) >= 0;
            out.append(plain ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }
}

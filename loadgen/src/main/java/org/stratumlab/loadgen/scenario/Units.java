package org.stratumlab.loadgen.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations and sizes as people write them ({@code 500ms}, {@code 10s}, {@code 64k}), parsed once at the edge
 * (command line, scenario files) into nanoseconds and bytes (STYLE.md, configuration).
 */
public final class Units {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kKmM]?)");

    private Units() {
    }

    /**
     * @param text a number and a unit (ns, us, ms, s, m, h), or a bare {@code 0}
     * @return nanoseconds
     * @throws IllegalArgumentException saying what a duration looks like
     */
    public static long durationNs(String text) {
        String t = text.trim();
        if (t.equals("0")) {
            return 0;
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a duration: a number and a unit (ns, us, ms, s, m, h), e.g. 500ms or 10s");
        }
        double nanosPerUnit = switch (m.group(2)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        double ns = Double.parseDouble(m.group(1)) * nanosPerUnit;
        if (ns > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return Math.round(ns);
    }

    /**
     * @param text bytes, or a number with k or m (k = 1024)
     * @return bytes
     * @throws IllegalArgumentException saying what a size looks like
     */
    public static int sizeBytes(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a size: bytes, or a number with k or m");
        }
        long multiplier = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1024;
            case "m" -> 1024 * 1024;
            default -> 1;
        };
        long bytes;
        try {
            bytes = Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            bytes = Long.MAX_VALUE;
        }
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large a size (at most 2g)");
        }
        return (int) bytes;
    }
}

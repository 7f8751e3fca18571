package org.stratumlab.loadgen.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations and sizes as people write them ({@code 500ms}, {@code 10s}, {@code 64k}), parsed once at the edge
 * (command line, scenario files) into nanoseconds and bytes.
 */
public final class Units {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h)");
    private static final List<String> FORMAT_UNITS = List.of("s", "ms", "us");
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
        // Exact (not a double): a duration written by formatDurationNs reads back as the same nanoseconds.
        BigDecimal ns = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit(m.group(2))));
        if (ns.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return ns.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static long nanosPerUnit(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
    }

    /**
     * @param ns a duration in nanoseconds, not negative
     * @return it in the largest unit up to seconds that holds it exactly ({@code 500ms}, {@code 300s}), or
     *         {@code 0}; {@link #durationNs(String)} reads it back as the same nanoseconds
     */
    public static String formatDurationNs(long ns) {
        if (ns == 0) {
            return "0";
        }
        for (String unit : FORMAT_UNITS) {
            long per = nanosPerUnit(unit);
            if (ns % per == 0) {
                return ns / per + unit;
            }
        }
        return ns + "ns";
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

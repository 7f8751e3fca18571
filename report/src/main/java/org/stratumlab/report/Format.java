package org.stratumlab.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.stratumlab.results.LatencyFormat;
import org.stratumlab.results.RunSet;

/**
 * How the reports write numbers, latencies, dates and text: one place, so that the HTML report, the comparison
 * and the Markdown index agree. Always {@link Locale#ROOT}: a report must not change with the reader's locale.
 */
final class Format {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** @return text made safe for HTML (and inline SVG) content and attribute values */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** @return a latency given in microseconds, in the unit that keeps three significant digits readable */
    static String latencyUs(double us) {
        return LatencyFormat.of(us);
    }

    /** @return a count with thousands separators, e.g. {@code 52,100} */
    static String count(long count) {
        return fmt("%,d", count);
    }

    /** @return a rate per second with one decimal, e.g. {@code 227.1/s} */
    static String rate(double perSecond) {
        return fmt("%,.1f/s", perSecond);
    }

    /** @return a ratio (0..1) as a percentage with two decimals, e.g. {@code 94.01%} */
    static String percent(double ratio) {
        return fmt("%.2f%%", ratio * 100);
    }

    /** @return the change from {@code a} to {@code b} relative to {@code a}, e.g. {@code +12.3%}; n/a from 0 */
    static String change(double a, double b) {
        if (a == b) {
            return "0.0%";
        }
        if (a == 0) {
            return "n/a";
        }
        return fmt("%+.1f%%", (b - a) / Math.abs(a) * 100);
    }

    /** @return an instant as a UTC date and time to the second */
    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** @return an instant as a UTC date and time to the minute, for tables */
    static String dateMinutes(Instant instant) {
        return DATE_MINUTES.format(instant);
    }

    /** @return a short axis label: 0.05, 2, 150, 20k, 1.5M */
    static String axis(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e6) {
            return trim(fmt("%.1f", value / 1e6)) + "M";
        }
        if (abs >= 1e4) {
            return trim(fmt("%.1f", value / 1e3)) + "k";
        }
        if (abs >= 1 || abs == 0) {
            return trim(fmt("%.2f", value));
        }
        return trim(fmt("%.6f", value));
    }

    /** @return a plain number without needless decimals */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? fmt("%,d", (long) value)
                : fmt("%,.3f", value);
    }

    /**
     * @param figure a headline figure of a repeated run
     * @param value one of its values
     * @return the value as the index writes that figure: a latency, a rate, a percentage or a number
     */
    static String figure(RunSet.Figure figure, double value) {
        String metric = figure.name().replaceFirst("\\{.*", "");
        if (figure.isLatency()) {
            return latencyUs(value);
        }
        if (metric.endsWith("_per_s")) {
            return rate(value);
        }
        return metric.endsWith("_ratio") ? percent(value) : number(value);
    }

    /**
     * @param figure a headline figure of a repeated run
     * @return {@code median (min–max)}, the median alone when every run gave the same, or {@code -} when no run
     *         gave one
     */
    static String spread(RunSet.Figure figure) {
        if (figure.median() == null) {
            return "-";
        }
        String median = figure(figure, figure.median());
        return figure.min().equals(figure.max())
                ? median
                : median + " (" + figure(figure, figure.min()) + "\u2013" + figure(figure, figure.max())
                        + ")";
    }

    private static String trim(String decimal) {
        if (!decimal.contains(".")) {
            return decimal;
        }
        String trimmed = decimal.replaceAll("0+$", "");
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}

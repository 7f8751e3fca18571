package org.stratumlab.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on rendered pages shared by the report tests. */
final class Html {
    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);
    private static final Pattern POLYLINE_POINTS = Pattern.compile(
            "<polyline[^>]*points=\"-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?( -?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?)+\"");
    private static final Pattern RECT = Pattern.compile(
            "<rect class=\"data\" x=\"\\d+(\\.\\d+)?\" y=\"\\d+(\\.\\d+)?\" width=\"\\d+(\\.\\d+)?\" "
                    + "height=\"\\d+(\\.\\d+)?\"");

    private Html() {
    }

    /** @return every inline SVG element of the page */
    static List<String> svgs(String html) {
        List<String> svgs = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            svgs.add(m.group());
        }
        return svgs;
    }

    /** @return how many times {@code needle} occurs */
    static int count(String html, String needle) {
        int count = 0;
        for (int at = html.indexOf(needle); at >= 0; at = html.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    /** Asserts that the page can reach nothing outside itself. */
    static void assertSelfContained(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        for (String forbidden : List.of("http://", "https://", "<script", "<link", "@import", "url(", "src=",
                "<iframe", "<img")) {
            assertFalse(lower.contains(forbidden), "the page contains " + forbidden);
        }
    }

    /** Asserts that an SVG draws data: a polyline through at least two points, or a data rectangle. */
    static void assertHasData(String svg) {
        assertTrue(POLYLINE_POINTS.matcher(svg).find() || RECT.matcher(svg).find(),
                "no polyline with points or rect with coordinates in " + svg);
    }
}

package org.stratumlab.report;

import java.util.Locale;

/**
 * Writes one inline SVG element, shape by shape. Every text is HTML-escaped here, so callers cannot forget. No
 * {@code xmlns}: inside HTML the parser puts {@code <svg>} in the SVG namespace itself, and the page stays free of
 * any URL. Coordinates are in the viewBox's units; CSS scales the picture to the page's width.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder(8192);

    /**
     * @param width the viewBox width
     * @param height the viewBox height
     * @param title what the chart shows, for screen readers and as the tooltip
     */
    Svg(int width, int height, String title) {
        out.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Format.html(title)).append("\">\n<title>")
                .append(Format.html(title)).append("</title>\n");
    }

    private Svg() {
    }

    /**
     * An SVG file of its own (a results page links it): the namespace, a white background, and the styles the
     * page's CSS gives inline charts, since a file has no page around it.
     *
     * @param width the width, in pixels
     * @param height the height, in pixels
     * @param title what the chart shows
     * @return the started document
     */
    static Svg standalone(int width, int height, String title) {
        Svg svg = new Svg();
        svg.out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n<title>").append(Format.html(title))
                .append("</title>\n<style>.axis{stroke:#333}.tick{fill:#333}.title{font-weight:bold}"
                        + ".whisker{stroke:black;fill:none}</style>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        return svg;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line class=\"").append(cssClass).append("\" x1=\"").append(num(x1)).append("\" y1=\"")
                .append(num(y1)).append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2))
                .append("\"/>\n");
        return this;
    }

    /** @param anchor start, middle or end */
    Svg text(double x, double y, String anchor, String cssClass, String text) {
        out.append("<text class=\"").append(cssClass).append("\" x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append("\" text-anchor=\"").append(anchor).append("\">")
                .append(Format.html(text))
                .append("</text>\n");
        return this;
    }

    /** A text turned a quarter to the left, centred on (x, y): the y axis' title. */
    Svg verticalText(double x, double y, String cssClass, String text) {
        out.append("<text class=\"").append(cssClass)
                .append("\" text-anchor=\"middle\" transform=\"translate(")
                .append(num(x)).append(' ').append(num(y)).append(") rotate(-90)\">")
                .append(Format.html(text))
                .append("</text>\n");
        return this;
    }

    /** A data line through the points (xs[i], ys[i]), in viewBox coordinates. */
    Svg polyline(double[] xs, double[] ys, String color, boolean dashed) {
        out.append("<polyline class=\"data\" fill=\"none\" stroke=\"").append(color).append('"');
        if (dashed) {
            out.append(" stroke-dasharray=\"6 4\"");
        }
        out.append(" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        out.append("\"/>\n");
        return this;
    }

    /** A marker for a series of a single point, which a polyline would not show. */
    Svg dot(double x, double y, String color) {
        out.append("<circle class=\"data\" cx=\"").append(num(x)).append("\" cy=\"").append(num(y))
                .append("\" r=\"3\" fill=\"").append(color).append("\"/>\n");
        return this;
    }

    /** A filled data rectangle with a tooltip. */
    Svg rect(double x, double y, double width, double height, String color, String tooltip) {
        out.append("<rect class=\"data\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" fill=\"").append(color).append("\"><title>").append(Format.html(tooltip))
                .append("</title></rect>\n");
        return this;
    }

    /** An error bar from x1 to x2 at height y, with end caps {@code cap} high. */
    Svg whisker(double x1, double x2, double y, double cap) {
        out.append("<path class=\"whisker\" d=\"M").append(num(x1)).append(' ').append(num(y)).append(" H")
                .append(num(x2)).append(" M").append(num(x1)).append(' ').append(num(y - cap / 2))
                .append(" V")
                .append(num(y + cap / 2)).append(" M").append(num(x2)).append(' ').append(num(y - cap / 2))
                .append(" V").append(num(y + cap / 2)).append("\"/>\n");
        return this;
    }

    /** A short line in a series' colour and dash: a legend's key. */
    Svg swatch(double x, double y, String color, boolean dashed) {
        out.append("<line stroke-width=\"3\" stroke=\"").append(color).append('"')
                .append(dashed ? " stroke-dasharray=\"6 4\"" : "").append(" x1=\"").append(num(x))
                .append("\" y1=\"").append(num(y)).append("\" x2=\"").append(num(x + 22)).append("\" y2=\"")
                .append(num(y)).append("\"/>\n");
        return this;
    }

    /** @return the finished element */
    String close() {
        return out.append("</svg>").toString();
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

package org.stratumlab.report;

import java.util.List;

/**
 * The HTML page around a report: one style sheet inline, no scripts, no fonts, no links, so the file opens from
 * disk anywhere and never reaches the network. Charts sit two to a row on a wide screen and one to a row on a
 * laptop's narrower window.
 */
final class Page {
    private static final String STYLE = """
            :root { color-scheme: light; }
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: #1b1f24; background: #fff; margin: 0; }
            main { max-width: 1320px; margin: 0 auto; padding: 20px 24px 48px; }
            h1 { font-size: 1.55em; margin: 0.2em 0 0.3em; word-break: break-word; }
            h2 { font-size: 1.2em; margin: 1.6em 0 0.5em; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
            h3 { font-size: 1em; margin: 0 0 4px; }
            .verdict { display: inline-block; padding: 2px 10px; border-radius: 4px; font-weight: 600; }
            .verdict.pass, td.pass { color: #116329; } .verdict.fail, td.fail { color: #a40e26; }
            .verdict.pass { background: #dafbe1; } .verdict.fail { background: #ffebe9; }
            table { border-collapse: collapse; margin: 4px 0 8px; }
            th, td { text-align: left; padding: 4px 14px 4px 0; border-bottom: 1px solid #eaeef2;
                     vertical-align: top; }
            th { font-weight: 600; color: #57606a; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.pass, td.fail { font-weight: 600; }
            td.better { color: #116329; } td.worse { color: #a40e26; }
            .tables { display: flex; flex-wrap: wrap; gap: 8px 48px; }
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 24px; }
            figure { margin: 0; }
            figcaption { color: #57606a; font-size: 0.88em; margin-top: 2px; }
            svg.chart { width: 100%; max-width: 820px; height: auto; display: block; background: #fff; }
            svg.chart text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                             fill: #1b1f24; }
            svg.chart .tick { fill: #57606a; }
            svg.chart .axis-title { font-size: 13px; font-weight: 600; }
            svg.chart .legend { font-size: 13px; }
            svg.chart .note { fill: #8c959f; font-size: 14px; }
            svg.chart .bar-value.inside { fill: #fff; font-weight: 600; }
            svg.chart .grid { stroke: #d8dee4; stroke-width: 1; }
            svg.chart .grid.minor { stroke: #eef1f4; }
            svg.chart .phase { stroke: #57606a; stroke-width: 1; stroke-dasharray: 4 3; }
            svg.chart .phase-label { font-size: 10px; fill: #57606a; }
            svg.chart .axis { stroke: #57606a; stroke-width: 1.2; }
            svg.chart polyline.data { stroke-width: 2.2; stroke-linejoin: round; }
            details { margin-top: 1.6em; } summary { cursor: pointer; font-weight: 600; }
            footer { margin-top: 2em; color: #8c959f; font-size: 0.85em; }
            @media (max-width: 1100px) { .charts { grid-template-columns: 1fr; } }
            """;

    private Page() {
    }

    /**
     * @param title the page's title, plain text
     * @param body the body's HTML, already escaped where it holds text from files
     * @return the whole document
     */
    static String document(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + Format.html(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + body
                + "</main>\n</body>\n</html>\n";
    }

    /** @return a heading of the given level with escaped text */
    static String heading(int level, String text) {
        return "<h" + level + ">" + Format.html(text) + "</h" + level + ">\n";
    }

    /** @return a paragraph of escaped text, with an optional class from the style sheet */
    static String paragraph(String cssClass, String text) {
        return (cssClass.isEmpty() ? "<p>" : "<p class=\"" + cssClass + "\">") + Format.html(text) + "</p>\n";
    }

    /** @return the charts, each in a figure with its heading and caption, in a responsive grid */
    static String charts(List<Chart> charts) {
        StringBuilder html = new StringBuilder("<div class=\"charts\">\n");
        for (Chart chart : charts) {
            html.append("<figure>\n").append(heading(3, chart.heading())).append(chart.svg()).append('\n')
                    .append("<figcaption>").append(Format.html(chart.caption())).append("</figcaption>\n")
                    .append("</figure>\n");
        }
        return html.append("</div>\n").toString();
    }
}

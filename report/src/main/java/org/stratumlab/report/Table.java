package org.stratumlab.report;

import java.util.List;

/**
 * An HTML table built from plain text: every cell is escaped here, so no text from a run's files can reach the
 * page unescaped. A cell may carry a CSS class (e.g. {@code pass}, {@code fail}, {@code num}).
 */
final class Table {
    private final StringBuilder html = new StringBuilder("<table>\n");

    /** @param headers the column titles; none for a table without a header row */
    Table(String... headers) {
        if (headers.length == 0) {
            html.append("<tbody>\n");
            return;
        }
        html.append("<thead><tr>");
        for (String header : headers) {
            html.append("<th>").append(Format.html(header)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
    }

    /** Adds a row of plain cells. */
    Table row(String... cells) {
        return row(List.of(cells).stream().map(Cell::new).toList());
    }

    /** Adds a row of cells that may carry classes. */
    Table row(List<Cell> cells) {
        html.append("<tr>");
        for (Cell cell : cells) {
            html.append(cell.cssClass().isEmpty() ? "<td>" : "<td class=\"" + cell.cssClass() + "\">")
                    .append(Format.html(cell.text())).append("</td>");
        }
        html.append("</tr>\n");
        return this;
    }

    /** @return the table element */
    String close() {
        return html.append("</tbody>\n</table>\n").toString();
    }

    /**
     * One cell.
     *
     * @param text its text, escaped when written
     * @param cssClass its class, a constant of the page's style sheet (never text from a file), or empty
     */
    record Cell(String text, String cssClass) {
        Cell(String text) {
            this(text, "");
        }
    }
}

package org.stratumlab.report;

/**
 * A finished chart for a page.
 *
 * @param heading its heading on the page
 * @param svg the inline SVG element
 * @param caption how to read it
 */
record Chart(String heading, String svg, String caption) {
}

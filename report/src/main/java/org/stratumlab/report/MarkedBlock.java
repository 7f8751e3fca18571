package org.stratumlab.report;

/**
 * A generated block inside a hand-written Markdown file, between two HTML comment markers: regenerating replaces
 * the block and keeps every word around it, so people can write about the results beside the table.
 *
 * @param begin the opening marker
 * @param end the closing marker
 */
record MarkedBlock(String begin, String end) {
    /**
     * @param existing the file's text, or {@code null} when there is no file yet
     * @param block the new block, markers included
     * @param fresh the text of a new file before the block
     * @return the file with the block in place of the previous one, or appended, or as a new file
     */
    String merge(String existing, String block, String fresh) {
        if (existing == null) {
            return fresh + block;
        }
        int from = existing.indexOf(begin);
        int to = existing.indexOf(end, Math.max(from, 0));
        if (from >= 0 && to > from) {
            return existing.substring(0, from) + block
                    + existing.substring(to + end.length()).replaceFirst("^\n", "");
        }
        return existing + (existing.endsWith("\n") ? "\n" : "\n\n") + block;
    }
}

package org.stratumlab.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;

/**
 * Writes and reads a sharded run's {@code notify-receipts.jsonl}: when each job reached the shard's miners, so
 * that the shards' notify skew can be merged exactly. Notify skew is a miner's receipt time of a job minus the
 * first receipt of that job by any miner; a shard alone only knows its own first receipt, so it writes, for each
 * job, that first receipt on the wall clock and every receipt's offset from it, and a merge takes the earliest
 * first receipt of all the shards and moves each shard's offsets by the difference.
 *
 * <p>One JSON object a line, one line per job, in the order the shard's lines were finalised (by first receipt,
 * but for the last few):
 *
 * <pre>{"powHash":"0x5c1e…","firstReceiptUs":1764655938123456,"receipts":1000,"offsetsUs":"HISTFAAAA…"}</pre>
 *
 * <ul>
 * <li>{@code powHash}: the job's pow hash as the notify carried it;
 * <li>{@code firstReceiptUs}: the shard's first receipt of the job, microseconds since the epoch: the wall clock
 * read once as the run began, plus the monotonic clock since, so that it never goes back within a run (between
 * machines it is as good as their clocks agree);
 * <li>{@code receipts}: every notify line of the job the shard's miners received (a connection's first job, a
 * node's re-push of the current job and broadcasts alike): the lines of a run add up to {@code notifies.received}
 * of its {@code summary.json};
 * <li>{@code offsetsUs}: the receipts that notify skew counts (a miner moving to the job as it is broadcast; not a
 * connection's first job, which may have been pushed to it alone, nor a re-push), each as its offset from
 * {@code firstReceiptUs} in whole microseconds (0 for the first); an HdrHistogram, compressed and base64-encoded
 * as {@code latency.hlog} encodes each of its histograms. Its count is at most {@code receipts}.
 * </ul>
 *
 * <p>A job the shard had forgotten (hundreds of newer jobs had come since) and then received again starts a line
 * of its own with its own first receipt, as the shard's notify skew then counts from that receipt too.
 */
public final class NotifyReceiptsFile {
    /** The file's name in a run folder. */
    public static final String FILE_NAME = "notify-receipts.jsonl";

    private NotifyReceiptsFile() {
    }

    /**
     * One job's receipts in one shard.
     *
     * @param powHash the job's pow hash as the notify carried it
     * @param firstReceiptUs the shard's first receipt of it, microseconds since the epoch
     * @param receipts every notify line of the job the shard's miners received
     * @param offsetsUs the offsets from {@code firstReceiptUs} of the receipts notify skew counts, microseconds
     */
    public record JobReceipts(String powHash, long firstReceiptUs, long receipts, Histogram offsetsUs) {
        /** Checks what a merge relies on. */
        public JobReceipts {
            Checks.require(powHash != null && !powHash.isBlank(), "powHash must not be empty");
            Checks.require(firstReceiptUs >= 0, "firstReceiptUs must be a whole number >= 0");
            Checks.require(offsetsUs != null, "offsetsUs is missing");
            Checks.require(receipts >= offsetsUs.getTotalCount(),
                    "receipts (" + receipts + ") must be at least the offsets' count ("
                            + offsetsUs.getTotalCount() + ")");
        }
    }

    /** A line as JSON: the histogram as its encoded text (package-private for Jackson). */
    @JsonPropertyOrder({"powHash", "firstReceiptUs", "receipts", "offsetsUs"})
    record Line(@JsonProperty(required = true) String powHash,
            @JsonProperty(required = true) long firstReceiptUs, @JsonProperty(required = true) long receipts,
            @JsonProperty(required = true) String offsetsUs) {
    }

    /**
     * @param job one job's receipts
     * @return its line, without the line break
     */
    public static String toLine(JobReceipts job) {
        return SummaryFile.oneLine(new Line(job.powHash(), job.firstReceiptUs(), job.receipts(),
                encode(job.offsetsUs())));
    }

    /**
     * @param line one line of the file
     * @param source what to name in an error (the file and the line's number)
     * @return the job's receipts
     * @throws IllegalArgumentException naming the source and the key
     */
    public static JobReceipts parseLine(String line, String source) {
        Line parsed = SummaryFile.parse(line, source, Line.class);
        Histogram offsets;
        try {
            offsets = decode(parsed.offsetsUs());
        } catch (RuntimeException | DataFormatException e) {
            throw new IllegalArgumentException(
                    source + ": offsetsUs is not a compressed, base64-encoded HdrHistogram");
        }
        try {
            return new JobReceipts(parsed.powHash(), parsed.firstReceiptUs(), parsed.receipts(), offsets);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    /**
     * @param file a notify-receipts.jsonl
     * @return its jobs, in the file's order (blank lines are skipped)
     * @throws IllegalArgumentException if it is missing, unreadable or a line is broken, naming the file and line
     */
    public static List<JobReceipts> read(Path file) {
        String[] lines = SummaryFile.text(file).split("\n", -1);
        List<JobReceipts> jobs = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                jobs.add(parseLine(lines[i], file + " line " + (i + 1)));
            }
        }
        return jobs;
    }

    /** Writes a shard's lines as its jobs are finalised; one thread at a time. */
    public static final class Writer implements Closeable {
        private final BufferedWriter out;

        private Writer(BufferedWriter out) {
            this.out = out;
        }

        /**
         * @param file where to write; a new file (a run never overwrites another's results)
         * @return a writer of that file
         * @throws IOException if it exists or cannot be created
         */
        public static Writer create(Path file) throws IOException {
            return new Writer(
                    Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE));
        }

        /**
         * @param job one job's receipts, its line written now
         * @throws IOException if it cannot be written
         */
        public void write(JobReceipts job) throws IOException {
            out.write(toLine(job));
            out.write('\n');
        }

        /** Writes what is buffered, so that a run's file is whole up to its last finalised job. */
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_COMPRESSION);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    private static Histogram decode(String text) throws DataFormatException {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
    }
}

package org.stratumlab.loadgen.record;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.stratumlab.results.NotifyReceiptsFile;

/**
 * Writes a sharded run's {@code notify-receipts.jsonl} ({@link NotifyReceiptsFile}): a {@link JobTally} per job,
 * counted into by every event loop, becomes the job's line once the fleet has forgotten the job (after hundreds of
 * newer ones; a receipt of it after that starts a job of its own, as notify skew does) and one more sample has
 * passed, so that a receipt being recorded as the job was forgotten is in it; or at the end, once the fleet's
 * connections are closed.
 *
 * <p>Thread-safe: tallies are made and recorded into on the event loops, lines are written on the run's sampling
 * thread.
 */
public final class NotifyReceiptLog implements Closeable {
    /** Offsets are kept to 3 significant digits, as every latency of a run is. */
    private static final int SIGNIFICANT_DIGITS = 3;

    private final RunClock clock;
    /** The jobs without a line yet, oldest first: the fleet forgets jobs in the order it first saw them. */
    private final ArrayDeque<JobTally> open = new ArrayDeque<>();
    private final LongAdder late = new LongAdder();
    /** Set once, before the first receipt (the run's thread); then written on the sampling thread. */
    private NotifyReceiptsFile.Writer writer;
    private boolean closed;

    /** @param clock the run's clock, which puts first receipts on the wall clock */
    public NotifyReceiptLog(RunClock clock) {
        this.clock = clock;
    }

    /**
     * Creates the file, once the run is sure to start: a run refused before it started leaves its folder empty.
     *
     * @param outDir the run folder, where notify-receipts.jsonl is written
     * @throws IOException if the file exists or cannot be created
     */
    public void open(Path outDir) throws IOException {
        writer = NotifyReceiptsFile.Writer.create(outDir.resolve(NotifyReceiptsFile.FILE_NAME));
    }

    /**
     * One job's receipts in this process. Recording allocates nothing (but for the histogram growing to a larger
     * offset than any before) and takes no lock.
     */
    public final class JobTally {
        private final String powHash;
        private final long firstReceiptNs;
        private final LongAdder receipts = new LongAdder();
        private final ConcurrentHistogram offsetsUs = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
        /** When the fleet forgot the job ({@link System#nanoTime}), or -1 while it remembers it. */
        private volatile long forgottenAtNs = -1;
        private volatile boolean written;

        private JobTally(String powHash, long firstReceiptNs) {
            this.powHash = powHash;
            this.firstReceiptNs = firstReceiptNs;
        }

        /**
         * A notify of the job reached a miner that moves to it.
         *
         * @param nowNs when
         * @param skewCounted whether notify skew counts it (a broadcast, not a connection's first job)
         */
        public void received(long nowNs, boolean skewCounted) {
            receipts.increment();
            if (skewCounted) {
                // Another loop may have made the job from a receipt it timed a moment later than this one.
                offsetsUs.recordValue(Math.max(0, (nowNs - firstReceiptNs) / 1000));
            }
            checkNotWritten();
        }

        /** A notify of the job reached a miner already on it: a node's re-push. */
        public void repeated() {
            receipts.increment();
            checkNotWritten();
        }

        /**
         * Recorded first, checked after: the writer marks the line written before it reads, so a receipt that
         * finds it unmarked is in the line, and one that finds it marked may not be.
         */
        private void checkNotWritten() {
            if (written) {
                late.increment();
            }
        }

        /** The offsets before the count: every offset was counted as a receipt before it was recorded. */
        private NotifyReceiptsFile.JobReceipts line() {
            written = true;
            Histogram offsets = offsetsUs.copy();
            return new NotifyReceiptsFile.JobReceipts(powHash, clock.epochMicrosAt(firstReceiptNs),
                    receipts.sum(), offsets);
        }
    }

    /**
     * @param powHash the job's pow hash as the notify carried it
     * @param firstReceiptNs its first receipt in this process
     * @return its tally, open until the job is forgotten
     */
    public JobTally newJob(String powHash, long firstReceiptNs) {
        JobTally tally = new JobTally(powHash, firstReceiptNs);
        synchronized (open) {
            open.addLast(tally);
        }
        return tally;
    }

    /**
     * The fleet forgot a job: a notify of it would now make a new one.
     *
     * @param tally the job's tally
     * @param nowNs when
     */
    public void forgotten(JobTally tally, long nowNs) {
        tally.forgottenAtNs = nowNs;
    }

    /**
     * Writes the line of every job forgotten before a time. The sampling thread's, once a sample.
     *
     * @param beforeNs jobs forgotten before this {@link System#nanoTime} value are written
     * @throws IOException if the file cannot be written
     */
    public void writeForgotten(long beforeNs) throws IOException {
        while (true) {
            JobTally head;
            synchronized (open) {
                head = open.peekFirst();
                if (head == null || head.forgottenAtNs < 0 || head.forgottenAtNs >= beforeNs) {
                    break;
                }
                open.removeFirst();
            }
            writer.write(head.line());
        }
        writer.flush();
    }

    /**
     * @return receipts that came after their job's line was written, and may be missing from it: 0 but where a
     *         connection fell hundreds of jobs behind the others
     */
    public long lateReceipts() {
        return late.sum();
    }

    /**
     * Writes the line of every job still open, oldest first, and closes the file: after the fleet closed. Closing
     * again does nothing.
     */
    @Override
    public void close() throws IOException {
        if (writer == null || closed) {
            return; // never opened (the run did not start), or closed already
        }
        closed = true;
        try (NotifyReceiptsFile.Writer file = writer) {
            while (true) {
                JobTally next;
                synchronized (open) {
                    next = open.pollFirst();
                }
                if (next == null) {
                    break;
                }
                file.write(next.line());
            }
        }
    }
}

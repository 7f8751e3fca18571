package org.stratumlab.loadgen.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.stratumlab.loadgen.record.IntervalSampler;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;

/**
 * Writes {@code summary.json} every {@link #INTERVAL_NS} while the phases play, marked as a checkpoint
 * ({@link Summary#checkpointAt}), so that a run killed with no chance to clean up (SIGKILL, a crash, a node
 * going away) still leaves a summary a report can render, up to the last checkpoint; the final summary replaces
 * it. The file is written atomically ({@link SummaryFile#write}): a kill mid-write leaves the previous one.
 *
 * <p>Used from the run's thread, after a sample: the summary is built from the sampler's totals so far.
 */
final class RunCheckpoint {
    /** Often enough that a kill loses a few seconds; the summary takes milliseconds to build and write. */
    static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(5);

    private final Path file;
    private final Function<IntervalSampler.Interval, Summary> summaryAt;
    private long nextNs;

    /**
     * @param file where the summary goes
     * @param startNs when the phases began
     * @param summaryAt what the run measured up to a sample, as a summary
     */
    RunCheckpoint(Path file, long startNs, Function<IntervalSampler.Interval, Summary> summaryAt) {
        this.file = file;
        this.summaryAt = summaryAt;
        this.nextNs = startNs + INTERVAL_NS;
    }

    /**
     * @param interval the sample just taken
     * @param nowNs the time now
     * @throws IOException if the file cannot be written
     */
    void afterSample(IntervalSampler.Interval interval, long nowNs) throws IOException {
        if (nowNs - nextNs < 0) {
            return;
        }
        nextNs = nowNs + INTERVAL_NS;
        SummaryFile.write(summaryAt.apply(interval).withCheckpoint(Instant.now().toString()), file);
    }
}

package org.stratumlab.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.stratumlab.cli.ChildJvm;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.cli.report.MergedRun;
import org.stratumlab.results.Summary;

/**
 * {@code stratumlab run FILE --shards N --local}: the N shards of a sharded run as N processes on this machine,
 * each started as a Kubernetes pod of the run would be ({@link ShardLaunch}: the same arguments and index
 * variable), all beginning their phases at one instant a few seconds ahead; then their merge into the run's folder
 * itself, beside the shards' folders, and the merge's verdict as the exit code. Each process holds its own file
 * descriptors, so that one machine can run more miners than one process's limit allows.
 *
 * <p>The shards run in this process's group: a Ctrl-C reaches each of them, and each stops as a run does, its
 * results written and marked interrupted; the merge then is interrupted too.
 */
final class LocalShards {
    /** Time for N JVMs to start and load the scenario before the common start: a second each, and four more (a shard ready only after it exits 2). */
    private static final Duration LEAD_BASE = Duration.ofSeconds(4);
    private static final Duration LEAD_PER_SHARD = Duration.ofSeconds(1);

    private LocalShards() {
    }

    /**
     * @param file the scenario file
     * @param overrides its {@code --set} overrides
     * @param shards how many shards
     * @param runDir the run's folder, claimed: the shards write to its {@code shard-I} folders, the merge to it
     * @param invocation the command line of this run, recorded in the merged summary
     * @param out where each shard's output (prefixed with its name) and the merge's go
     * @param err where each shard's errors and the verdict's line go
     * @return the merge's exit code, or {@link ExitCode#BAD_INPUT} when the shards left nothing to merge
     * @throws IOException if a shard cannot be started or the merge cannot be written
     * @throws InterruptedException if interrupted while the shards run
     */
    static ExitCode run(Path file, List<String> overrides, int shards, Path runDir,
            Summary.Invocation invocation, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        Instant startAt = Instant.now().plus(LEAD_BASE).plus(LEAD_PER_SHARD.multipliedBy(shards))
                .truncatedTo(ChronoUnit.SECONDS);
        ShardLaunch launch = new ShardLaunch(file, overrides, shards, startAt, runDir);
        out.println(
                "shards " + shards + " processes on this machine, starting together at " + startAt + ", into "
                        + runDir);
        out.flush();
        List<Process> children = new ArrayList<>();
        List<Thread> copies = new ArrayList<>();
        try {
            for (int i = 0; i < shards; i++) {
                Process child = ChildJvm.start(launch.arguments(i), launch.environment(i));
                children.add(child);
                String name = ShardLaunch.SHARD_DIR_PREFIX + i;
                copies.add(ChildJvm.copying(child.getInputStream(), out, name + ": ", name + "-stdout"));
                copies.add(ChildJvm.copying(child.getErrorStream(), err, name + ": ", name + "-stderr"));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Process child : children) {
                statuses.add(child.waitFor());
            }
            for (Thread copy : copies) {
                copy.join();
            }
            out.println("shards ended with exit status " + statuses);
        } finally {
            children.stream().filter(Process::isAlive).forEach(Process::destroy);
        }
        List<Path> shardDirs = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            shardDirs.add(launch.shardDir(i));
        }
        try {
            return MergedRun.mergeInto(shardDirs, runDir, false, invocation, out, err, "stratumlab run");
        } catch (IllegalArgumentException e) {
            err.println("stratumlab run: the shards cannot be merged: " + e.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
    }
}

package org.stratumlab.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.stratumlab.cli.ChildJvm;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.cli.loadgen.LiveMetricsSettings;
import org.stratumlab.cli.report.MergedRun;
import org.stratumlab.loadgen.run.RunStop;
import org.stratumlab.results.Summary;

/**
 * {@code stratumlab run FILE --shards N --local}: the N shards of a sharded run as N processes on this machine,
 * each started as a Kubernetes pod of the run would be ({@link ShardLaunch}: the same arguments and index
 * variable), all beginning their phases at one instant a few seconds ahead; then their merge into the run's folder
 * itself, beside the shards' folders, and the merge's verdict as the exit code. Each process holds its own file
 * descriptors, so that one machine can run more miners than one process's limit allows. With live metrics each
 * shard serves its own endpoint, on a port of its own ({@link ShardLaunch#metrics(int)}), and prints where.
 *
 * <p>The shards run in this process's group: a Ctrl-C reaches each of them, and each stops as a run does, its
 * results written and marked interrupted; the merge then is interrupted too. A stop that reached this process
 * alone (a SIGTERM) is passed on as a SIGTERM to the shards still running {@link #PASS_ON_AFTER} later: at once
 * would be a second signal to a shard that had the Ctrl-C too, which would end it before its results are written.
 */
final class LocalShards {
    /**
     * Time for the shards' JVMs to start, load the scenario and build their fleets before the common start (a shard
     * ready only after it exits 2): 4 s, and 4 s for each process per core that competes for the CPU, the shards
     * and what the load average says is running already. Three shards took 4 s on two idle cores and 16 s on two
     * cores with a load average of 9; this gives them 10 s and 28 s.
     */
    private static final Duration LEAD_BASE = Duration.ofSeconds(4);
    private static final Duration LEAD_PER_PROCESS_PER_CORE = Duration.ofSeconds(4);
    /** Longer than a shard takes to stop on a Ctrl-C of its own: its drain (at most 5 s) and its files. */
    static final Duration PASS_ON_AFTER = Duration.ofSeconds(15);
    private static final long NEVER_NS = TimeUnit.DAYS.toNanos(365);

    private LocalShards() {
    }

    /**
     * @param file the scenario file
     * @param overrides its {@code --set} overrides
     * @param shards how many shards
     * @param runDir the run's folder: the shards write to its {@code shard-I} folders, the merge to it
     * @param metrics the shards' live metrics as given, or {@code null} for none
     * @return how every shard is to start, beginning its phases {@link #lead} from now
     */
    static ShardLaunch launch(Path file, List<String> overrides, int shards, Path runDir,
            LiveMetricsSettings metrics) {
        Instant startAt = Instant.now().plus(lead(shards)).truncatedTo(ChronoUnit.SECONDS);
        return new ShardLaunch(file, overrides, shards, startAt, runDir, metrics, true);
    }

    /**
     * Opens every shard's metrics endpoint and closes it again, before any shard starts: a shard refused its port
     * alone would leave the others to run without it, and the merge to fail for its want.
     *
     * @param launch the shards
     * @return {@code null}, or one line naming the first shard that could not serve its metrics, and why
     */
    static String metricsRefusal(ShardLaunch launch) {
        for (int i = 0; i < launch.shards() && launch.metrics() != null; i++) {
            try {
                launch.metrics(i).start(Integer.toString(i)).close();
            } catch (IllegalArgumentException e) {
                return "shard " + i + " of " + launch.shards() + ": " + e.getMessage();
            }
        }
        return null;
    }

    /**
     * @param launch how every shard is to start ({@link #launch})
     * @param invocation the command line of this run, recorded in the merged summary
     * @param out where each shard's output (prefixed with its name) and the merge's go
     * @param err where each shard's errors and the verdict's line go
     * @param stop a stop of this run, passed on to the shards still running after {@link #PASS_ON_AFTER}
     * @return the merge's exit code, or {@link ExitCode#BAD_INPUT} when the shards left nothing to merge
     * @throws IOException if a shard cannot be started or the merge cannot be written
     * @throws InterruptedException if interrupted while the shards run
     */
    static ExitCode run(ShardLaunch launch, Summary.Invocation invocation, PrintWriter out, PrintWriter err,
            RunStop stop) throws IOException, InterruptedException {
        int shards = launch.shards();
        Path runDir = launch.runDir();
        Instant startAt = launch.startAt();
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
            Thread passOn = new Thread(() -> passOn(stop, children), "shards-stop");
            passOn.setDaemon(true);
            passOn.start();
            List<Integer> statuses = new ArrayList<>();
            for (Process child : children) {
                statuses.add(child.waitFor());
            }
            for (Thread copy : copies) {
                copy.join();
            }
            passOn.interrupt();
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

    /** @return how long before the common start the shards are started ({@link #LEAD_BASE}) */
    static Duration lead(int shards) {
        int cores = Runtime.getRuntime().availableProcessors();
        double load = Math.max(0, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double processesPerCore = (shards + load) / cores;
        return LEAD_BASE.plusMillis(Math.round(LEAD_PER_PROCESS_PER_CORE.toMillis() * processesPerCore));
    }

    /** Waits for a stop; then gives the shards {@link #PASS_ON_AFTER} to end by themselves, and stops the rest. */
    private static void passOn(RunStop stop, List<Process> children) {
        try {
            if (!stop.awaitUntil(System.nanoTime() + NEVER_NS)) {
                return;
            }
            long deadline = System.nanoTime() + PASS_ON_AFTER.toNanos();
            for (Process child : children) {
                child.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            children.stream().filter(Process::isAlive).forEach(Process::destroy);
        } catch (InterruptedException e) {
            // the shards ended first
        }
    }
}

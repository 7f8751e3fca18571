package org.stratumlab.cli.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.loadgen.run.RunStop;
import org.stratumlab.results.Summary;

/**
 * What {@code loadgen} and {@code run} share around a load run: the file descriptor limit read before it, Ctrl-C
 * and SIGTERM during it, and after it the one line and the exit code for a run that was interrupted or never got
 * going.
 */
public final class RunGuard {
    private RunGuard() {
    }

    /** @return the most file descriptors this process may open (its soft limit), or no limit where unknown */
    public static long processDescriptorLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount()
                : Long.MAX_VALUE;
    }

    /** The part of a run that Ctrl-C stops gracefully: the run itself, then what is written from its result. */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * @param stop to hand to the run
         * @return the result
         * @throws IOException if the run or its outputs fail
         * @throws InterruptedException if the thread is interrupted
         */
        T run(RunStop stop) throws IOException, InterruptedException;
    }

    /**
     * Runs with SIGINT and SIGTERM turned into a graceful stop until the body returns (its summary and report
     * written).
     *
     * @param body the run and its outputs
     * @param <T> its result
     * @return the body's result
     * @throws IOException if the body throws it
     * @throws InterruptedException if the body throws it
     */
    public static <T> T stoppable(Body<T> body) throws IOException, InterruptedException {
        RunStop stop = new RunStop();
        try (SignalStop signals = SignalStop.install(stop)) {
            return body.run(stop);
        }
    }

    /**
     * The same for one run of a repeated run, in a JVM started by the repeated run's: SIGTERM stops it gracefully,
     * Ctrl-C is left to the repeated run (which passes it on as SIGTERM), and so does the repeated run's end.
     *
     * @param body the run and its outputs
     * @param <T> its result
     * @return the body's result
     * @throws IOException if the body throws it
     * @throws InterruptedException if the body throws it
     */
    public static <T> T stoppableInSeries(Body<T> body) throws IOException, InterruptedException {
        RunStop stop = new RunStop();
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(stop::interrupt));
        try (SignalStop signals = SignalStop.installForSeries(stop)) {
            return body.run(stop);
        }
    }

    /**
     * Says, on one line, why a run ends with another code than its thresholds': it was interrupted, or it never
     * got going.
     *
     * @param summary the run's summary
     * @param err where the line goes
     * @param command the command's name, e.g. {@code stratumlab loadgen}
     * @param target what the miners connected to, e.g. {@code 127.0.0.1:32525} or {@code the embedded server}
     * @param generatorMustKeepUp whether a generator that fell short fails the run
     * @return the exit code, or null when the thresholds decide
     */
    public static ExitCode endOf(Summary summary, PrintWriter err, String command, String target,
            boolean generatorMustKeepUp) {
        if (summary.interrupted()) {
            err.println(String.format(Locale.ROOT,
                    "%s: interrupted after %.1f s of %.0f s; the results so far "
                            + "are written, marked interrupted",
                    command, summary.durationS(),
                    summary.plannedOrActualDurationS()));
            err.flush();
            return ExitCode.INTERRUPTED;
        }
        if (!summary.gotGoing()) {
            err.println(command + ": the run against " + target + " did not get going: "
                    + summary.startFailure());
            err.flush();
            return ExitCode.NOT_GOING;
        }
        if (generatorMustKeepUp && summary.generator() != null && summary.generator().fellShort()) {
            err.println(command + ": " + summary.generator().shortfall()
                    + "; the results are written, but they measure the generator as much as the endpoint");
            err.flush();
            return ExitCode.GENERATOR_SHORT;
        }
        return null;
    }
}

package org.stratumlab.cli.loadgen;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.stratumlab.cli.ExitCode;
import org.stratumlab.results.LatencyFormat;
import org.stratumlab.results.Summary;

/**
 * The end of a judged run, the same for a scenario's run and for a merge of its shards: each threshold with its
 * measured value, then the exit code, which is the run's end ({@link RunGuard#endOf}: interrupted, never got
 * going, the generator fell short where the scenario expects it to keep up) or else its thresholds' verdict.
 */
public final class Verdict {
    private Verdict() {
    }

    /**
     * @param out where the thresholds go
     * @param results each rule and its verdict
     */
    public static void printThresholds(PrintWriter out, List<Summary.ThresholdResult> results) {
        if (results.isEmpty()) {
            out.println("no thresholds");
        }
        for (Summary.ThresholdResult r : results) {
            String measured = r.value() == null
                    ? "nothing: the phase did not run"
                    : value(r, r.value());
            String limit = r.limit() == null ? "" : ", limit " + value(r, r.limit());
            out.printf(Locale.ROOT, "%s  %s  (measured %s%s)%n", r.passed() ? "PASS" : "FAIL", r.rule(),
                    measured, limit);
        }
        out.flush();
    }

    private static String value(Summary.ThresholdResult r, double value) {
        return r.isLatency() ? LatencyFormat.of(value) : String.format(Locale.ROOT, "%.4g", value);
    }

    /**
     * @param summary a judged run's summary, with what its scenario expected
     * @param err where the one line goes when the run's end decides
     * @param command the command's name, e.g. {@code stratumlab report merge}
     * @param target what the miners connected to
     * @return the exit code
     */
    public static ExitCode of(Summary summary, PrintWriter err, String command, String target) {
        boolean mustKeepUp = summary.expect() == null || summary.expect().generatorKeepsUp();
        ExitCode end = RunGuard.endOf(summary, err, command, target, mustKeepUp);
        return end != null ? end : summary.thresholdsPassed() ? ExitCode.SUCCESS : ExitCode.FAILED;
    }
}

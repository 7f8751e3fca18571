package org.stratumlab.cli.loadgen;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.stratumlab.results.LatencyFormat;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Summary;

/** The short table printed at the end of a run, read from the summary it wrote. */
public final class SummaryTable {
    private SummaryTable() {
    }

    /**
     * @param out where to print
     * @param summary the run's summary
     * @param outDir where the run wrote its files
     */
    public static void print(PrintWriter out, Summary summary, Path outDir) {
        Summary.Miners miners = summary.miners();
        Summary.Submits submits = summary.submits();
        Summary.Rejected rejected = submits.rejected();
        if (summary.shard() != null) {
            Summary.Shard shard = summary.shard();
            out.printf(Locale.ROOT, "%n%s  seed %d (the scenario's %d)  scenario digest %s%s%n",
                    shard.describe(),
                    shard.seed(), shard.scenarioSeed(), shard.scenarioDigest().substring(0, 12),
                    shard.startAt() == null ? "" : "  started at " + shard.startAt());
        }
        out.printf(Locale.ROOT, "%nminers   target %d  connected max %d  subscribed %d  never answered %d  "
                + "reconnects %d%n", miners.target(), miners.connectedMax(), miners.subscribed(),
                miners.neverAnswered(), miners.reconnects());
        if (!miners.startReasons().isEmpty()) {
            // Why miners that tried did not get going: what a run that never got going is diagnosed by.
            StringBuilder reasons = new StringBuilder();
            miners.startReasons().forEach((reason, n) -> reasons.append(reasons.length() == 0 ? "" : ", ")
                    .append(reason).append(' ').append(n));
            out.println("start    " + reasons);
        }
        out.printf(Locale.ROOT,
                "submits  sent %d  accepted %d  rejected stale %d, incorrect %d, duplicate %d, "
                        + "other %d  errors %d  unanswered %d%n",
                submits.sent(), submits.accepted(), rejected.stale(),
                rejected.incorrect(), rejected.duplicate(), rejected.other(), submits.errors(),
                submits.unanswered());
        if (submits.answers() != null && !submits.answers().isEmpty()) {
            StringBuilder line = new StringBuilder("answers ");
            submits.answers().stream().limit(3).forEach(a -> line.append(" ").append(a.outcome()).append(" '")
                    .append(a.text()).append("' ").append(a.count()).append(","));
            line.setLength(line.length() - 1);
            out.println(line + (submits.answers().size() > 3 ? "  (all in the report)" : ""));
        }
        out.printf(Locale.ROOT, "notifies jobs %d  received %d%n", summary.notifies().jobs(),
                summary.notifies().received());
        if (summary.generator() != null) {
            Summary.Generator g = summary.generator();
            out.printf(Locale.ROOT, "load     due %d  sent %d  owed %d  generator lag p99 %s%n",
                    g.scheduled(),
                    submits.sent(), g.owed(), LatencyFormat.of(summary.latencyUs().lag(), "p99"));
            if (g.describeCpu() != null) {
                out.println("cost     generator " + g.describeCpu());
            }
        }
        if (summary.grinding() != null) {
            out.println("grinding " + summary.grinding().describe());
        }
        if (summary.serverResources() != null) {
            out.println("server   " + summary.serverResources().describe());
        }
        if (summary.attack() != null) {
            printAttack(out, summary);
        }
        if (summary.errors().unexpectedTotal() > 0) {
            out.printf(Locale.ROOT,
                    "unexpected errors: generator %s, embedded server %s (a bug: please report it)%n",
                    summary.errors().unexpected(), summary.errors().unexpectedServer());
        }
        out.printf(Locale.ROOT, "%-15s %8s %10s %10s %10s %10s %10s%n", "latency", "count", "p50", "p90",
                "p99",
                "p99.9", "max");
        for (Metric metric : Metric.values()) {
            Summary.Percentiles p = summary.latencyUs().of(metric);
            out.printf(Locale.ROOT, "%-15s %8d %10s %10s %10s %10s %10s%n", metric.summaryKey(), p.count(),
                    LatencyFormat.of(p, "p50"), LatencyFormat.of(p, "p90"), LatencyFormat.of(p, "p99"),
                    LatencyFormat.of(p, "p999"), LatencyFormat.of(p, "max"));
        }
        out.println("results in " + outDir);
        out.flush();
    }

    /** The attack's counts, and the honest miners' submit p99 of each phase side by side: what the attack cost. */
    private static void printAttack(PrintWriter out, Summary summary) {
        out.println("attack   " + summary.attack().describe());
        StringBuilder line = new StringBuilder("honest   " + Metric.SUBMIT_HONEST.ruleName() + " p99");
        for (Summary.Phase phase : summary.phases()) {
            line.append("  ").append(phase.name()).append(' ')
                    .append(LatencyFormat.of(phase.latencyUs().of(Metric.SUBMIT_HONEST), "p99"));
        }
        out.println(line);
    }
}

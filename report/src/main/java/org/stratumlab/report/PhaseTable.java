package org.stratumlab.report;

import java.util.ArrayList;
import java.util.List;
import org.stratumlab.results.LatencyFormat;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Summary;

/**
 * The run's phases side by side: what each sent, how it ended, how fast it was answered and how late the
 * generator itself was (its lag: a phase's latencies are the endpoint's only where that stays small), so that a scenario
 * whose question is "phase A against phase B" (a stale window of 1 against 8, a flood against none) is answered
 * at a glance.
 */
final class PhaseTable {
    private PhaseTable() {
    }

    /**
     * @param summary the run's summary
     * @return the table, or nothing for a run of one phase (the key figures say it all)
     */
    static String of(Summary summary) {
        List<Summary.Phase> phases = summary.phases();
        if (phases.size() < 2) {
            return "";
        }
        Table table = new Table("phase", "start", "duration", "submits/s", "accepted", "incorrect", "stale",
                "other rejected", "unanswered", "submit p50", "submit p99", "honest p99", "service p99",
                "generator lag p99");
        for (Summary.Phase phase : phases) {
            Summary.Submits s = phase.submits();
            Summary.Latencies l = phase.latencyUs();
            List<Table.Cell> cells = new ArrayList<>();
            cells.add(new Table.Cell(phase.name()));
            cells.add(number(Format.number(phase.startS()) + " s"));
            cells.add(number(Format.number(phase.durationS()) + " s"));
            cells.add(number(Format.number(phase.submitsPerSecond())));
            cells.add(number(Format.count(s.accepted())));
            cells.add(number(Format.count(s.rejected().incorrect())));
            cells.add(number(Format.count(s.rejected().stale())));
            cells.add(number(Format.count(s.rejected().duplicate() + s.rejected().other())));
            cells.add(number(Format.count(s.unanswered())));
            cells.add(number(LatencyFormat.of(l.of(Metric.SUBMIT), "p50")));
            cells.add(number(LatencyFormat.of(l.of(Metric.SUBMIT), "p99")));
            cells.add(number(LatencyFormat.of(l.of(Metric.SUBMIT_HONEST), "p99")));
            cells.add(number(LatencyFormat.of(l.of(Metric.SUBMIT_SERVICE), "p99")));
            cells.add(number(LatencyFormat.of(l.of(Metric.LAG), "p99")));
            table.row(cells);
        }
        return Page.heading(2, "Phases") + table.close();
    }

    private static Table.Cell number(String text) {
        return new Table.Cell(text, "num");
    }
}

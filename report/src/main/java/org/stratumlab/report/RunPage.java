package org.stratumlab.report;

import org.stratumlab.results.CpuTicks;
import org.stratumlab.results.Summary;
import org.stratumlab.results.SummaryFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The HTML of one run's report: a header (scenario, date, machine, JDK, duration, verdict), the key figures, the
 * phases side by side when there are several, the thresholds when the run had any, the charts ({@link RunCharts}) and the effective settings.
 */
final class RunPage {
    private RunPage() {
    }

    /** @return the whole document */
    static String html(RunData run) {
        Summary s = run.summary();
        StringBuilder body = new StringBuilder();
        body.append(Page.heading(1, "Stratum Lab run: " + s.scenario()));
        body.append(endBanner(s));
        body.append(verdict(s.thresholds()));
        if (s.generator() != null && s.generator().fellShort()) {
            body.append("<p><span class=\"verdict fail\">GENERATOR FELL SHORT</span> ")
                    .append(Format.html(s.generator().shortfall())).append("</p>\n");
        }
        body.append("<div class=\"tables\">\n<section>\n").append(Page.heading(2, "Run"))
                .append(header(run)).append("</section>\n<section>\n").append(Page.heading(2, "Key figures"))
                .append(keyFigures(s)).append("</section>\n").append(startReasons(s.miners()))
                .append("</div>\n");
        body.append(PhaseTable.of(s));
        body.append(answers(s.submits()));
        body.append(attack(s));
        if (!s.thresholds().isEmpty()) {
            body.append(Page.heading(2, "Thresholds")).append(thresholds(s.thresholds()));
        }
        body.append(Page.heading(2, "Charts"));
        if (run.series().isEmpty()) {
            body.append(
                    Page.paragraph("", RunData.TIME_SERIES + " is not in this run directory: no charts over "
                            + "time."));
        }
        body.append(Page.charts(RunCharts.of(run)));
        body.append(settings(s.settings()));
        body.append("<footer>").append(Format.html("Rendered by 'stratumlab report' from " + run.dir()))
                .append("</footer>\n");
        return Page.document(
                "Stratum Lab run: " + s.scenario() + ", " + Format.dateTime(s.startedAtInstant()),
                body.toString());
    }

    /** @return a pass/fail banner when there are thresholds, else nothing */
    static String verdict(List<Summary.ThresholdResult> thresholds) {
        if (thresholds.isEmpty()) {
            return "";
        }
        long passed = thresholds.stream().filter(Summary.ThresholdResult::passed).count();
        boolean all = passed == thresholds.size();
        return "<p><span class=\"verdict " + (all ? "pass" : "fail") + "\">" + (all ? "PASSED" : "FAILED")
                + "</span> " + passed + " of " + thresholds.size() + " thresholds passed</p>\n";
    }

    /** @return a banner for a run that is a checkpoint, was interrupted or never got going, else nothing */
    static String endBanner(Summary s) {
        if (s.partial()) {
            return "<p><span class=\"verdict fail\">PARTIAL</span> "
                    + Format.html("a partial run ending at " + s.checkpointAt() + " ("
                            + Format.number(s.durationS()) + " s of "
                            + Format.number(s.plannedOrActualDurationS())
                            + " s): the run was killed or is still running, and this is its last checkpoint; "
                            + "submits in flight then count as unanswered")
                    + "</p>\n";
        }
        if (s.interrupted()) {
            return "<p><span class=\"verdict fail\">INTERRUPTED</span> "
                    + Format.html("interrupted after " + Format.number(s.durationS()) + " s of "
                            + Format.number(s.plannedOrActualDurationS())
                            + " s: the figures cover only the part that ran")
                    + "</p>\n";
        }
        if (!s.gotGoing()) {
            return "<p><span class=\"verdict fail\">DID NOT GET GOING</span> " + Format.html(s.startFailure())
                    + "</p>\n";
        }
        return "";
    }

    /** @return why miners that tried did not get going, by reason, when any did not */
    /** What the endpoint said to the submits it did not accept, with counts: the texts behind the outcome bars. */
    private static String answers(Summary.Submits submits) {
        if (submits.answers() == null || submits.answers().isEmpty()) {
            return "";
        }
        Table table = new Table("outcome", "what the endpoint answered", "submits");
        for (Summary.Answer answer : submits.answers()) {
            table.row(List.of(new Table.Cell(answer.outcome()), new Table.Cell(answer.text()),
                    new Table.Cell(Format.count(answer.count()), "num")));
        }
        return Page.heading(2, "Answers other than accepted") + table.close();
    }

    private static String startReasons(Summary.Miners miners) {
        if (miners.startReasons().isEmpty()) {
            return "";
        }
        Table table = new Table("reason", "count");
        miners.startReasons().forEach((reason, n) -> table
                .row(List.of(new Table.Cell(reason), new Table.Cell(Format.count(n), "num"))));
        return "<section>\n" + Page.heading(2, "Miners that did not get going") + table.close()
                + "</section>\n";
    }

    /** The attackers beside the honest miners: what they sent, what came back, how each connection ended. */
    private static String attack(Summary s) {
        Summary.Attack a = s.attack();
        if (a == null) {
            return "";
        }
        Table table = new Table("figure", "value").row("kind", a.kind())
                .row("attackers (most of any phase)", Format.count(a.attackersMax()))
                .row("rate per attacker", Format.number(a.ratePerSecond()) + " /s")
                .row("connections opened", Format.count(a.opened()))
                .row("connects failed", Format.count(a.connectFailed()))
                .row("lines sent", Format.count(a.linesSent()))
                .row("bytes sent", Format.count(a.bytesSent()));
        a.answers().forEach((kind, n) -> table.row("answered " + kind, Format.count(n)));
        a.ends().forEach((end, n) -> table.row("ended " + end, Format.count(n)));
        if (a.closeMsMean() != null) {
            table.row("open until the endpoint closed", Format.number(a.closeMsMean()) + " ms mean, "
                    + Format.number(a.closeMsMax()) + " ms max");
        }
        return "<section>\n" + Page.heading(2, "Attack") + table.close() + "</section>\n";
    }

    private static String header(RunData run) {
        Summary s = run.summary();
        Table table = new Table().row("scenario", s.scenario());
        if (s.shard() != null) {
            table.row("shard", s.shard().describe() + " of a sharded run (its miners alone; "
                    + "stratumlab report merge makes the whole run of the shards)");
        }
        if (s.merge() != null) {
            table.row("merged from", s.merge().shards() + " shards: " + String.join(", ",
                    s.merge().from().stream().map(Summary.MergedShard::dir).toList())
                    + " (counts added, latencies from their added histograms; each shard's machine, load "
                    + "average and command line are in summary.json's merge.from)");
        }
        return table.row("started", Format.dateTime(s.startedAtInstant()))
                .row("duration", Format.number(s.durationS()) + " s").row("machine", s.machine().describe())
                .row("load average (1, 5, 15 min)", s.machine().loadAtStart().isEmpty()
                        ? "not recorded"
                        : s.machine().loadAtStart() + " at the start, " + s.machine().loadAtEnd()
                                + " at the end")
                .row("steal time (all cores)", s.machine().stealPercent() == null
                        ? "not recorded"
                        : CpuTicks.describe(s.machine().stealPercent())
                                + " of the run's CPU time went to other guests of the hypervisor")
                .row("git commit", s.invocation() == null || s.invocation().gitCommit().isEmpty()
                        ? "not recorded"
                        : s.invocation().gitCommit())
                .row("JDK", s.jdk()).row("transport", s.transport()).row("grinder", s.grinder())
                .row("grinding", s.grinding() != null ? s.grinding().describe() : "not recorded")
                .row("generator CPU", s.generator() == null || s.generator().describeCpu() == null
                        ? "not recorded"
                        : s.generator().describeCpu())
                .row("simulator resources", s.serverResources() == null
                        ? "not sampled"
                        : s.serverResources().describe())
                .row("simulator's defences", s.server() == null
                        ? "not recorded (an external endpoint)"
                        : s.server().describe())
                .row("miners (target)", Format.count(s.miners().target())).row("directory", run.name())
                .close();
    }

    private static String keyFigures(Summary s) {
        Table table = new Table("figure", "value");
        for (KeyFigure figure : KeyFigure.of(s)) {
            table.row(List.of(new Table.Cell(figure.name()), new Table.Cell(figure.formatted(), "num")));
        }
        return table.close();
    }

    private static String thresholds(List<Summary.ThresholdResult> thresholds) {
        Table table = new Table("rule", "measured", "result");
        for (Summary.ThresholdResult t : thresholds) {
            table.row(List.of(new Table.Cell(t.rule()), new Table.Cell(measured(t), "num"),
                    new Table.Cell(t.passed() ? "pass" : "FAIL", t.passed() ? "pass" : "fail")));
        }
        return table.close();
    }

    /** @return a threshold's measured value: a latency when its unit says so, else a plain number */
    static String measured(Summary.ThresholdResult threshold) {
        Double value = threshold.value();
        if (value == null) {
            return "-"; // nothing was measured: the phase never ran
        }
        String measured = threshold.isLatency() ? Format.latencyUs(value) : Format.number(value);
        Double limit = threshold.limit();
        if (limit == null) {
            return measured;
        }
        return measured + " (limit "
                + (threshold.isLatency() ? Format.latencyUs(limit) : Format.number(limit))
                + ")";
    }

    private static String settings(JsonNode settings) {
        if (!settings.isObject() || settings.isEmpty()) {
            return "";
        }
        Table table = new Table("setting", "value");
        flatten("", settings, table);
        return "<details>\n<summary>Effective settings</summary>\n" + table.close() + "</details>\n";
    }

    private static void flatten(String prefix, JsonNode node, Table table) {
        if (!node.isObject()) {
            table.row(prefix, node.isValueNode() ? node.asText() : node.toString());
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(),
                    table);
        }
    }
}

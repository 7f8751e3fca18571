package org.stratumlab.loadgen.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.record.Metric;
import org.stratumlab.loadgen.record.Outcome;
import org.stratumlab.loadgen.record.PhaseTotals;

/**
 * Builds {@code summary.json} with the keys DESIGN.md promises to other tools (scenario, startedAt, durationS,
 * machine, jdk, settings, miners, submits, notifies, latencyUs, thresholds) and writes it. Latencies are in
 * microseconds.
 */
final class RunSummary {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunSummary() {
    }

    static ObjectNode build(String scenario, Instant startedAt, double durationS,
            Map<String, Object> settings,
            long targetMiners, LoadMetrics.Counts counts, Map<Metric, Histogram> latencies,
            List<PhaseTotals> phases, String transport, String grinder) {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario);
        root.put("startedAt", startedAt.toString());
        root.put("durationS", Math.round(durationS * 1000) / 1000.0);
        MachineInfo machine = MachineInfo.current();
        ObjectNode machineNode = root.putObject("machine");
        machineNode.put("cpu", machine.cpu());
        machineNode.put("cores", machine.cores());
        machineNode.put("os", machine.os());
        root.put("jdk", machine.jdk());
        root.put("transport", transport);
        root.put("grinder", grinder);
        root.set("settings", JSON.valueToTree(settings));
        ObjectNode miners = root.putObject("miners");
        miners.put("target", targetMiners);
        miners.put("connectedMax", counts.connectedMax());
        miners.put("subscribed", counts.subscribedMax());
        miners.put("neverAnswered", counts.neverAnswered());
        miners.put("reconnects", counts.reconnects());
        miners.put("connectFailures", counts.connectFailures());
        miners.put("subscribeRejected", counts.subscribeRejected());
        putSubmits(root.putObject("submits"), counts, null);
        ObjectNode submits = (ObjectNode) root.get("submits");
        submits.put("lateReplies", counts.lateReplies());

        ObjectNode notifies = root.putObject("notifies");
        notifies.put("jobs", counts.jobsSeen());
        notifies.put("received", counts.notifiesReceived());
        ObjectNode latency = root.putObject("latencyUs");
        for (Metric metric : Metric.values()) {
            latency.set(metric.summaryKey(), percentiles(latencies.get(metric)));
        }
        ArrayNode phaseList = root.putArray("phases");
        for (PhaseTotals phase : phases) {
            ObjectNode p = phaseList.addObject();
            p.put("name", phase.name());
            p.put("startS", round(phase.startSeconds()));
            p.put("durationS", round(phase.durationSeconds()));
            p.put("connectedAtEnd", phase.atScheduledEnd().connected());
            p.put("subscribedAtEnd", phase.atScheduledEnd().subscribed());
            putSubmits(p.putObject("submits"), phase.atEnd(), phase.atStart());
            ObjectNode phaseLatency = p.putObject("latencyUs");
            for (Metric metric : Metric.values()) {
                phaseLatency.set(metric.summaryKey(), percentiles(phase.latencies().get(metric)));
            }
        }
        root.putArray("thresholds");
        return root;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** Submits by outcome: totals, or the change since {@code before} when given. */
    private static void putSubmits(ObjectNode submits, LoadMetrics.Counts now, LoadMetrics.Counts before) {
        submits.put("sent", now.sent() - (before == null ? 0 : before.sent()));
        submits.put("accepted", delta(now, before, Outcome.ACCEPTED));
        ObjectNode rejected = submits.putObject("rejected");
        for (Outcome outcome : Outcome.values()) {
            if (outcome.isRejection()) {
                rejected.put(outcome.key(), delta(now, before, outcome));
            }
        }
        submits.put("errors", delta(now, before, Outcome.ERROR));
        submits.put("unanswered", delta(now, before, Outcome.UNANSWERED));
    }

    private static long delta(LoadMetrics.Counts now, LoadMetrics.Counts before, Outcome outcome) {
        return now.of(outcome) - (before == null ? 0 : before.of(outcome));
    }

    private static ObjectNode percentiles(Histogram h) {
        ObjectNode node = JSON.createObjectNode();
        long count = h.getTotalCount();
        node.put("count", count);
        node.put("mean", count == 0 ? 0 : Math.round(h.getMean() * 10) / 10.0);
        node.put("p50", count == 0 ? 0 : h.getValueAtPercentile(50));
        node.put("p90", count == 0 ? 0 : h.getValueAtPercentile(90));
        node.put("p99", count == 0 ? 0 : h.getValueAtPercentile(99));
        node.put("p999", count == 0 ? 0 : h.getValueAtPercentile(99.9));
        node.put("max", count == 0 ? 0 : h.getMaxValue());
        return node;
    }

    static void write(ObjectNode summary, Path file) throws IOException {
        JSON.writeValue(file.toFile(), summary);
    }
}

package org.stratumlab.loadgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.stratumlab.loadgen.record.LatencyStatistics;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.loadgen.record.PhaseTotals;
import org.stratumlab.results.CpuTicks;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Outcome;
import org.stratumlab.results.Summary;
import org.stratumlab.server.metrics.ServerMetrics;

/**
 * Turns what a run counted and recorded into its {@link Summary}: the one place where the engine's counters meet
 * the output contract. Latencies are in microseconds.
 */
final class RunSummary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunSummary() {
    }

    /**
     * What the run was, besides what it measured.
     *
     * @param scenario the name recorded as {@code scenario}
     * @param startedAt when it started
     * @param durationS how long it took
     * @param settings the effective settings
     * @param targetMiners the most miners any phase asked for
     * @param transport the miners' Netty transport
     * @param grinder the nonce grinder's implementation
     * @param grinding what grinding produced and cost
     * @param invocation the command line that made it, or {@code null}
     * @param loadAtStart the machine's load averages as the run began
     * @param ticksAtStart the machine's CPU counters as the run began, or null (not Linux)
     */
    record Facts(String scenario, Instant startedAt, double durationS, Map<String, Object> settings,
            long targetMiners, String transport, String grinder, Summary.Grinding grinding,
            Summary.Invocation invocation, String loadAtStart, CpuTicks ticksAtStart) {
    }

    /**
     * @param facts what the run was
     * @param counts the final counters
     * @param latencies the whole run's histograms
     * @param lagAfterWarmUp the generator's lag after the warm-up, or null to judge the whole run's
     * @param phases the phases
     * @param unexpectedErrors unexpected exceptions
     * @param answers what the endpoint answered to the submits it did not accept
     * @return the summary
     */
    static Summary build(Facts facts, LoadMetrics.Counts counts, Map<Metric, Histogram> latencies,
            Histogram lagAfterWarmUp, List<PhaseTotals> phases, Summary.Errors unexpectedErrors,
            List<Summary.Answer> answers) {
        Summary.Miners miners = new Summary.Miners(facts.targetMiners(), counts.connectedMax(),
                counts.subscribedMax(), counts.neverAnswered(), counts.reconnects(), counts.connectFailures(),
                counts.subscribeRejected(), counts.subscribePending(), counts.closedByPeer(),
                counts.notJsonRpc(), counts.connectFailuresByCause());
        List<Summary.Phase> phaseList = new ArrayList<>();
        for (PhaseTotals phase : phases) {
            phaseList.add(new Summary.Phase(phase.name(), round(phase.startSeconds()),
                    round(phase.durationSeconds()), phase.atScheduledEnd().connected(),
                    phase.atScheduledEnd().subscribed(), submits(phase.atEnd(), phase.atStart(), null, null),
                    LatencyStatistics.of(phase.latencies())));
        }
        JsonNode settings = JSON.valueToTree(facts.settings());
        return new Summary(Summary.CURRENT_SCHEMA_VERSION, facts.scenario(), null,
                facts.startedAt().toString(),
                round(facts.durationS()), Summary.Machine.current(facts.loadAtStart(), facts.ticksAtStart()),
                System.getProperty("java.version"),
                facts.transport(), facts.grinder(), facts.grinding(),
                Summary.Generator.judge(counts.sent() - counts.repeatsSent(), counts.owed(),
                        LatencyStatistics
                                .of(lagAfterWarmUp != null ? lagAfterWarmUp : latencies.get(Metric.LAG)),
                        lagAfterWarmUp != null ? Summary.Generator.WARM_UP_S : 0),
                facts.invocation(), settings, miners,
                submits(counts, null, counts.lateReplies(), answers),
                new Summary.Notifies(counts.jobsSeen(), counts.notifiesReceived()),
                LatencyStatistics.of(latencies),
                unexpectedErrors, phaseList, List.of(), null, false, null, null, null, null, null, null,
                null, null);
    }

    /**
     * @param counters the embedded simulator's counters at the end (every instance)
     * @return them as the summary records them
     */
    static Summary.ServerCounters server(ServerMetrics.Snapshot counters, int killedInstances) {
        Map<String, Long> closedBy = new LinkedHashMap<>();
        for (ServerMetrics.Rejection reason : ServerMetrics.Rejection.values()) {
            closedBy.put(reason.label(), counters.rejectedByReason().getOrDefault(reason, 0L));
        }
        return new Summary.ServerCounters(closedBy, counters.submitsTotal(), counters.notifiesSent(),
                counters.notifiesDropped(), counters.bytesReceived(), counters.bytesSent(), killedInstances);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** Submits by outcome: totals, or the change since {@code before} when given. */
    private static Summary.Submits submits(LoadMetrics.Counts now, LoadMetrics.Counts before,
            Long lateReplies, List<Summary.Answer> answers) {
        return new Summary.Submits(now.sent() - (before == null ? 0 : before.sent()),
                delta(now, before, Outcome.ACCEPTED),
                new Summary.Rejected(delta(now, before, Outcome.REJECTED_STALE),
                        delta(now, before, Outcome.REJECTED_INCORRECT),
                        delta(now, before, Outcome.REJECTED_DUPLICATE),
                        delta(now, before, Outcome.REJECTED_OTHER)),
                delta(now, before, Outcome.ERROR), delta(now, before, Outcome.UNANSWERED), lateReplies,
                answers);
    }

    private static long delta(LoadMetrics.Counts now, LoadMetrics.Counts before, Outcome outcome) {
        return now.of(outcome) - (before == null ? 0 : before.of(outcome));
    }
}

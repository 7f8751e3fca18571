package org.stratumlab.loadgen.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stratumlab.loadgen.miner.MinerFleet;
import org.stratumlab.loadgen.record.IntervalSampler;
import org.stratumlab.loadgen.record.LoadMetrics;
import org.stratumlab.results.Metric;
import org.stratumlab.results.Outcome;

/**
 * The load generator's families, made when a scrape asks from what the run already counts: {@link LoadMetrics}'s
 * counters (one {@link LoadMetrics#counts()} per scrape, so that the families agree with each other), the
 * sampler's whole-run histograms and the fleet's due rate. Nothing is counted twice and nothing is added to the
 * miners' hot path. Every data point carries the {@code shard} label.
 *
 * <p>Thread-safe: the run attaches its sources and announces its phases from its own thread, scrapes come from
 * the endpoint's.
 */
final class GeneratorCollector implements MultiCollector {
    /** The prefix of every family. */
    static final String PREFIX = "stratumlab_loadgen_";

    /** What the run counts, attached once its counters exist. */
    private record Sources(LoadMetrics metrics, IntervalSampler sampler, MinerFleet fleet) {
    }

    /** The phase running now. */
    private record PhaseNow(int index, String name, int miners) {
    }

    private final String shard;
    private final Labels labels;
    private volatile Sources sources;
    private volatile PhaseNow phase;
    private volatile boolean finished;

    /** @param shard the value of every data point's {@code shard} label */
    GeneratorCollector(String shard) {
        this.shard = shard;
        this.labels = Labels.of("shard", shard);
    }

    void attach(LoadMetrics metrics, IntervalSampler sampler, MinerFleet fleet) {
        sources = new Sources(metrics, sampler, fleet);
    }

    void phaseBegan(int index, String name, int miners) {
        phase = new PhaseNow(index, name, miners);
    }

    void finished() {
        finished = true;
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> families = new ArrayList<>();
        families.add(gauge("run_finished",
                "1 once the run's summary.json is written: every value here is then final.",
                finished ? 1 : 0));
        Sources run = sources;
        if (run != null) {
            LoadMetrics.Counts counts = run.metrics().counts();
            submits(families, counts);
            miners(families, counts);
            generator(families, counts, run.fleet());
            families.add(counter("notifies_received", "mining.notify lines the miners received.",
                    counts.notifiesReceived()));
            families.add(counter("jobs", "Distinct jobs the miners saw.", counts.jobsSeen()));
            for (Metric metric : Metric.values()) {
                families.add(HistogramSnapshot.builder().name(histogramName(metric)).unit(Unit.SECONDS)
                        .help(histogramHelp(metric))
                        .dataPoint(run.sampler().readTotal(metric, h -> LatencyBuckets.of(h, labels)))
                        .build());
            }
        }
        PhaseNow now = phase;
        if (now != null) {
            families.add(InfoSnapshot.builder().name(PREFIX + "phase").help("The phase running now.")
                    .dataPoint(InfoDataPointSnapshot.builder()
                            .labels(Labels.of("shard", shard, "phase", now.name(), "index",
                                    Integer.toString(now.index())))
                            .build())
                    .build());
        }
        return new MetricSnapshots(families);
    }

    private void submits(List<MetricSnapshot> families, LoadMetrics.Counts counts) {
        families.add(
                counter("submits_sent", "Submits written: solution events and repeats of accepted shares.",
                        counts.sent()));
        CounterSnapshot.Builder byOutcome = CounterSnapshot.builder().name(PREFIX + "submits")
                .help("Submits that ended, by outcome (summary.json's keys); each sent submit ends in exactly "
                        + "one, rejected ones by reason in " + PREFIX + "submits_rejected_total.");
        for (Outcome outcome : Outcome.values()) {
            if (!outcome.isRejection()) {
                byOutcome.dataPoint(point(counts.of(outcome), "outcome", outcome.key()));
            }
        }
        byOutcome.dataPoint(point(counts.rejected(), "outcome", "rejected"));
        families.add(byOutcome.build());
        CounterSnapshot.Builder byReason = CounterSnapshot.builder().name(PREFIX + "submits_rejected")
                .help("Submits the endpoint rejected, by reason.");
        for (Outcome outcome : Outcome.values()) {
            if (outcome.isRejection()) {
                byReason.dataPoint(point(counts.of(outcome), "reason", outcome.key()));
            }
        }
        families.add(byReason.build());
        families.add(counter("submit_late_replies",
                "Replies that came after their submit had been counted unanswered.", counts.lateReplies()));
        families.add(gauge("submits_in_flight", "Submits written whose outcome is not known yet.",
                counts.inFlight()));
    }

    private void miners(List<MetricSnapshot> families, LoadMetrics.Counts counts) {
        PhaseNow now = phase;
        families.add(gauge("miners_target", "Miners the phase running now asks for.",
                now != null ? now.miners() : 0));
        families.add(gauge("miners_connected", "Open connections.", counts.connected()));
        families.add(
                gauge("miners_connected_max", "The most connections open at once.", counts.connectedMax()));
        families.add(gauge("miners_subscribed", "Subscribed connections.", counts.subscribed()));
        families.add(gauge("miners_subscribed_max", "The most connections subscribed at once.",
                counts.subscribedMax()));
        families.add(counter("reconnects", "Lost connections opened again.", counts.reconnects()));
        CounterSnapshot.Builder failures = CounterSnapshot.builder().name(PREFIX + "connect_failures")
                .help("Failed connect attempts, by cause (an errno's name or an exception's class).");
        for (Map.Entry<String, Long> cause : counts.connectFailuresByCause().entrySet()) {
            failures.dataPoint(point(cause.getValue(), "cause", cause.getKey()));
        }
        families.add(failures.build());
        families.add(
                counter("subscribes_rejected", "Subscribes the endpoint answered false (a wrong password).",
                        counts.subscribeRejected()));
        families.add(counter("subscribes_closed_by_peer",
                "Connections the peer closed before answering their subscribe.", counts.closedByPeer()));
        families.add(counter("subscribes_not_json_rpc",
                "Connections whose peer sent a line that is not JSON-RPC before answering the subscribe.",
                counts.notJsonRpc()));
        families.add(gauge("subscribes_never_answered",
                "Connections whose subscribe passed its timeout unanswered.", counts.neverAnswered()));
        families.add(gauge("subscribes_awaiting_reply", "Connections whose subscribe has no reply yet.",
                counts.awaitingSubscribeReply()));
    }

    private void generator(List<MetricSnapshot> families, LoadMetrics.Counts counts, MinerFleet fleet) {
        families.add(counter("events_scheduled",
                "Solution events due: those sent, and (from the run's end) those owed.",
                counts.eventsSent() + counts.owed()));
        families.add(counter("events_owed",
                "Solution events due and never sent, counted when submitting ends.", counts.owed()));
        families.add(counter("events_waited_for_nonce",
                "Solution events that found no valid nonce ready and waited for one: late by that wait.",
                fleet.grinding().waited()));
        families.add(gauge("events_due_per_second",
                "Solution events a second the subscribed miners' schedules ask for now.",
                fleet.duePerSecond()));
    }

    /** @return a metric's family name: {@code stratumlab_loadgen_submit_latency_seconds} */
    static String histogramName(Metric metric) {
        return PREFIX + switch (metric) {
            case SUBMIT -> "submit_latency_seconds";
            case SUBMIT_HONEST -> "submit_honest_latency_seconds";
            case SUBMIT_SERVICE -> "submit_service_latency_seconds";
            case CONNECT -> "connect_latency_seconds";
            case SUBSCRIBE -> "subscribe_latency_seconds";
            case NOTIFY_SKEW -> "notify_skew_seconds";
            case LAG -> "lag_seconds";
        };
    }

    private static String histogramHelp(Metric metric) {
        return switch (metric) {
            case SUBMIT -> "Submit latency from the solution event's intended time to the reply.";
            case SUBMIT_HONEST -> "Submit latency of the miners that are not hostile.";
            case SUBMIT_SERVICE -> "Submit latency from the write to the reply.";
            case CONNECT -> "TCP connect time.";
            case SUBSCRIBE -> "From writing mining.subscribe to its reply.";
            case NOTIFY_SKEW -> "Each miner's receipt of a job minus the first miner's.";
            case LAG -> "The generator's own lateness: a solution event's intended time to its write (owed "
                    + "events: to the end).";
        } + " Whole run, as summary.json, updated each second.";
    }

    private CounterSnapshot counter(String name, String help, long value) {
        return CounterSnapshot.builder().name(PREFIX + name).help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value(value).labels(labels).build()).build();
    }

    private CounterDataPointSnapshot point(long value, String label, String labelValue) {
        return CounterDataPointSnapshot.builder().value(value)
                .labels(Labels.of("shard", shard, label, labelValue))
                .build();
    }

    private GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(PREFIX + name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).labels(labels).build()).build();
    }
}
